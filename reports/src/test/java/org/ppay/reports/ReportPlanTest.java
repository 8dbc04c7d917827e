package org.ppay.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.ppay.sim.Scheme;
import org.ppay.sim.SimulationParameters;
import org.ppay.sim.WindowType;

class ReportPlanTest {

    private final Profile tiny = TestFixtures.tinyProfile();
    private final List<FigureSpec> all = Figures.section7(tiny);

    @Test
    void shouldRunPointsSharedByFiguresOnlyOnce() {
        final int fig1 = new ReportPlan(tiny, Figures.select(all, Set.of(1)), 1).runs().size();
        final int fig12 = new ReportPlan(tiny, Figures.select(all, Set.of(1, 2)), 1).runs().size();
        assertEquals(3 * 2 * 2, fig1, "3 schemes x 2 downtime multipliers x 2 seeds");
        assertEquals(fig1, fig12, "figure 2 plots other metrics of figure 1's runs");
    }

    @Test
    void shouldApplyProfileFigureSeriesXAndSeed() {
        final ReportPlan plan = new ReportPlan(tiny, all, 7);
        final FigureSpec fig9 = Figures.select(all, Set.of(9)).get(0);
        final SimulationParameters p = plan.parameters(fig9, fig9.series().get(0), "100", 1);
        assertEquals(40, p.networkSize());
        assertEquals(10, p.pongCacheSize());
        assertEquals(WindowType.SOFT_CREDIT, p.windowType());
        assertEquals(500, p.netLossCap());
        assertEquals(100, p.creditWindowSize());
        assertEquals(8, p.seed());
        assertEquals(Scheme.PPAY, p.scheme());
        final FigureSpec fig3 = Figures.select(all, Set.of(3)).get(0);
        assertEquals(20, plan.parameters(fig3, fig3.series().get(0), "2", 0).downtimeMultiplier());
    }

    @Test
    void shouldRejectUnknownFiguresAndBadProfiles() {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Figures.select(all, Set.of(10)));
        assertTrue(e.getMessage().contains("no figure 10"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Profile.named("huge"));
        assertThrows(IllegalArgumentException.class, () -> new ReportPlan(tiny, List.of(), 1));
    }

    @Test
    void shouldNameTheFigureWhenAProfileGivesAnInvalidPoint() {
        final Profile broken = new Profile("broken", 40, 10, 3, 1, List.of("1"), List.of("0"), List.of("1"),
                List.of("0"), List.of("0"), List.of("500"));
        final ReportPlan plan = new ReportPlan(broken, Figures.select(Figures.section7(broken), Set.of(6)), 1);
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, plan::runs);
        assertTrue(e.getMessage().contains("figure 6") && e.getMessage().contains("credit-window-size"),
                e.getMessage());
    }
}
