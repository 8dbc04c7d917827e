package org.ppay.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class SimulationParametersTest {

    @Test
    void shouldDefaultToTableOne() {
        final SimulationParameters p = SimulationParameters.defaults();
        assertEquals(1000, p.networkSize());
        assertEquals(100, p.pongCacheSize());
        assertEquals(9.26e-3, p.queryRatePerSecond());
        assertEquals(1.0, p.lifespanMultiplier());
        assertEquals(1.0, p.downtimeMultiplier());
        assertEquals(10, p.creditWindowSize());
        assertEquals(WindowType.PAYWORD, p.windowType());
        assertEquals(2, p.maxLayers());
        assertEquals(30.0, p.renewalWaitDays());
        assertEquals(Scheme.PPAY, p.scheme());
        assertTrue(p.uncapped());
        assertEquals(40.0, p.simulatedDays());
    }

    @Test
    void shouldNameTheKeyAndRangeOfABadValue() {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SimulationParameters.defaults().with("downtime-multiplier", "-1"));
        assertTrue(e.getMessage().contains("downtime-multiplier"), e.getMessage());
        assertTrue(e.getMessage().contains("(0, 1000]"), e.getMessage());
    }

    @Test
    void shouldRejectTextThatIsNotANumberNamingTheKey() {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SimulationParameters.defaults().with("max-layers", "two"));
        assertTrue(e.getMessage().contains("max-layers"), e.getMessage());
    }

    @Test
    void shouldRejectUnknownKeysAndSchemes() {
        assertThrows(IllegalArgumentException.class, () -> SimulationParameters.defaults().with("network-sise", "5"));
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SimulationParameters.defaults().with("scheme", "bitcoin"));
        assertTrue(e.getMessage().contains("scheme"), e.getMessage());
    }

    @Test
    void shouldRejectACacheAsLargeAsTheNetwork() {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SimulationParameters.defaults().withNetworkSize(100));
        assertTrue(e.getMessage().contains("pong-cache-size"), e.getMessage());
    }

    @Test
    void shouldCheckInterdependentValuesTogetherWhateverTheirOrder() {
        final Map<String, String> overrides = new LinkedHashMap<>();
        overrides.put("network-size", "20");
        overrides.put("pong-cache-size", "5");
        final SimulationParameters p = SimulationParameters.defaults().with(overrides);
        assertEquals(20, p.networkSize());
        assertEquals(5, p.pongCacheSize());
    }

    @Test
    void shouldReadBackEveryValueItWrites() {
        final SimulationParameters p = SimulationParameters.defaults().withScheme(Scheme.PPAY_STAR)
                .withNetLossCap(500).withWindowType(WindowType.SOFT_CREDIT).withSeed(-7);
        final Properties properties = new Properties();
        properties.putAll(p.values());
        assertEquals(p, SimulationParameters.defaults().with(properties));
        assertEquals(SimulationParameters.keys(), List.copyOf(p.values().keySet()));
    }

    @Test
    void shouldAcceptInfiniteCapAndStarSpelling() {
        final SimulationParameters p = SimulationParameters.defaults().with(Map.of("net-loss-cap", "infinite",
                "scheme", "ppay*"));
        assertTrue(p.uncapped());
        assertEquals(Scheme.PPAY_STAR, p.scheme());
    }
}
