package org.ppay.validation.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;
import org.ppay.sim.load.Task;

class GuessOverUdpTest {

    private static final int QUERY_BODY_BYTES = 80;
    private static final int HIT_BODY_BYTES = 170;

    /** Answers every GUESS query with a hit-sized response, or refuses when told to. */
    private static FrameServer.Handler responder(boolean refuse) {
        return new FrameServer.Handler() {
            @Override
            public byte[] handle(Frame request) {
                if (refuse) {
                    throw new IllegalArgumentException("no such peer " + request.to());
                }
                return new byte[HIT_BODY_BYTES];
            }

            @Override
            public String operation(Frame request) {
                return Node.operation(request);
            }
        };
    }

    /** Bytes in and out of the GUESS task, from the meter's report line. */
    private static long[] guessBytes(Meter meter) {
        final String[] fields = meter.encode().split(" ");
        return new long[] {Long.parseLong(fields[Task.GUESS.ordinal() * 3 + 1]),
            Long.parseLong(fields[Task.GUESS.ordinal() * 3 + 2])};
    }

    @Test
    void shouldAnswerAProbeWithOneDatagramEachWayAndMeterBothEnds() throws Exception {
        final Meter serverMeter = new Meter();
        final Meter clientMeter = new Meter();
        try (GuessServer server = new GuessServer(responder(false), serverMeter);
             GuessLink link = new GuessLink(clientMeter, 2_000)) {
            final byte[] response = link.probe(Task.GUESS, 5, new byte[QUERY_BODY_BYTES], server.port());
            serverMeter.awaitRecorded();

            assertEquals(HIT_BODY_BYTES, response.length);
            assertEquals(94, guessBytes(clientMeter)[1], "the query, header included");
            assertEquals(184, guessBytes(clientMeter)[0], "the hit response, header included");
            assertEquals(94, guessBytes(serverMeter)[0]);
            assertEquals(184, guessBytes(serverMeter)[1]);
            assertTrue(serverMeter.encodeOperations().startsWith("guess.answer=1:"), serverMeter.encodeOperations());
        }
    }

    @Test
    void shouldReportARefusalNamingItsReason() throws Exception {
        try (GuessServer server = new GuessServer(responder(true), new Meter());
             GuessLink link = new GuessLink(new Meter(), 2_000)) {
            final Link.RemoteFailure failure = assertThrows(Link.RemoteFailure.class,
                    () -> link.probe(Task.GUESS, 9, new byte[QUERY_BODY_BYTES], server.port()));
            assertTrue(failure.getMessage().contains("no such peer 9"), failure.getMessage());
        }
    }

    @Test
    void shouldFailAProbeNobodyAnswersNamingThePort() throws Exception {
        try (DatagramSocket silent = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
             GuessLink link = new GuessLink(new Meter(), 200)) {
            final IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> link.probe(Task.GUESS, 1, new byte[QUERY_BODY_BYTES], silent.getLocalPort()));
            assertTrue(e.getMessage().contains("no GUESS response from port " + silent.getLocalPort()),
                    e.getMessage());
        }
    }
}
