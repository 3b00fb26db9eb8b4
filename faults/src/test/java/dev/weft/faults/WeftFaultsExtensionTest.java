package dev.weft.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.weft.Family;
import dev.weft.SockAddr;
import dev.weft.Socket;
import dev.weft.SocketType;
import dev.weft.Sockets;
import java.io.IOException;
import java.util.Arrays;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * {@link WeftFaults} runs a test under its plan (the code under test opens its sockets
 * the plain way), a failure carries the seed and the log, and the printed system property
 * replays the same faults.
 */
class WeftFaultsExtensionTest {
    /** Set while this test drives {@link NaiveUnderFaults}; surefire never runs it by itself. */
    static volatile boolean driving;

    /** A naive exchange: one recv is taken to be the whole reply. */
    static String naiveExchange(String msg) throws Exception {
        try (Socket server = Socket.open(Family.INET, SocketType.STREAM); var vt = Executors.newVirtualThreadPerTaskExecutor()) {
            server.bind(SockAddr.inet("127.0.0.1", 0));
            server.listen(1);
            Future<?> echo = vt.submit(() -> {
                try (var a = server.accept()) {
                    byte[] all = a.socket().recv(4096, dev.weft.SocketConstants.MSG_WAITALL);
                    a.socket().sendAll(Arrays.copyOf(all, all.length));
                }
                return null;
            });
            try (Socket c = Socket.open(Family.INET, SocketType.STREAM)) {
                c.connect(server.getSockName());
                c.sendAll(msg.getBytes());
                c.shutdown(Socket.SHUT_WR);
                String got = new String(c.recv(4096)); // the bug: a reply may come in pieces
                echo.get();
                return got;
            }
        }
    }

    @WeftFaults(profile = "short-reads", settings = "short-read=1 short-max=8")
    static class NaiveUnderFaults {
        @Test
        void theWholeReplyComesInOneRecv(FaultSession session) throws Exception {
            Assumptions.assumeTrue(driving, "run by WeftFaultsExtensionTest");
            assertNotNull(session.plan());
            assertEquals("a reply of several words", naiveExchange("a reply of several words"));
        }
    }

    private static Throwable runNaive() {
        driving = true;
        try {
            var events = EngineTestKit.engine("junit-jupiter").selectors(selectClass(NaiveUnderFaults.class)).execute()
                    .testEvents().failed().list();
            assertEquals(1, events.size(), "the naive test fails under short reads");
            Event e = events.get(0);
            return e.getPayload(org.junit.platform.engine.TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow();
        } finally {
            driving = false;
        }
    }

    @Test
    void aFailureCarriesItsSeedAndLogAndTheSeedReplaysIt() throws Exception {
        Assumptions.assumeTrue(System.getProperty("weft.faults.seed") == null, "the seed is forced from outside");
        Throwable first = runNaive();
        String report = Arrays.stream(first.getSuppressed()).filter(t -> t instanceof WeftFaultsExtension.FaultReport)
                .map(Throwable::getMessage).findFirst().orElseThrow(() -> new AssertionError("no fault report", first));
        assertTrue(report.contains("replay: -Dweft.faults.seed="), report);
        String seed = report.substring(report.indexOf("-Dweft.faults.seed=") + "-Dweft.faults.seed=".length()).split("\\s")[0];
        String clientLine = report.lines().filter(l -> l.startsWith("s1 recv#")).findFirst().orElseThrow(() -> new AssertionError(report));
        System.setProperty("weft.faults.seed", seed);
        try {
            Throwable again = runNaive();
            String report2 = Arrays.stream(again.getSuppressed()).map(Throwable::getMessage).findFirst().orElseThrow();
            assertTrue(report2.contains("seed=" + seed + " "), report2);
            assertTrue(report2.contains(clientLine), "the client's fault again:\n" + clientLine + "\n" + report2);
            assertEquals(first.getMessage(), again.getMessage(), "the same wrong reply");
        } finally {
            System.clearProperty("weft.faults.seed");
        }
        assertTrue(Sockets.provider() instanceof FaultProvider f && f.session().plan().isEmpty(), "quiet again after the tests");
    }

    @Test
    void theCorrectClientPassesUnderTheSamePlan() throws IOException {
        try (FaultSession s = Faults.session(FaultPlan.profile("short-reads").with(FaultPlan.Knob.SHORT_READ, "1").withSeed(3));
             var pair = Sockets.socketPair()) {
            pair.first().sendAll("a reply of several words".getBytes());
            pair.first().shutdown(Socket.SHUT_WR);
            StringBuilder b = new StringBuilder();
            for (byte[] part; (part = pair.second().recv(4096)).length > 0; ) {
                b.append(new String(part));
            }
            assertEquals("a reply of several words", b.toString());
            assertTrue(s.log().size() > 1);
        }
    }
}
