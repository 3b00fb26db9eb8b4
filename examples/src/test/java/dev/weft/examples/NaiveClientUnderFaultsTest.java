package dev.weft.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.Family;
import dev.weft.SockAddr;
import dev.weft.Socket;
import dev.weft.SocketType;
import dev.weft.faults.FaultPlan;
import dev.weft.faults.FaultProvider;
import dev.weft.faults.Faults;
import dev.weft.spi.SocketProvider;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The first acceptance: the seed's echo client is naive (it takes one recv for the
 * whole reply). It passes on the real provider; under the short-reads profile, run
 * unchanged with {@code -Dweft.provider=faults}, it prints a cut reply; the seed the
 * provider printed replays it with byte for byte the same fault log, which is also what
 * {@code Faults.wrap} injects in-process with that seed.
 */
class NaiveClientUnderFaultsTest {
    private static final String MESSAGE = "Hello, world";

    private static int freePort() throws Exception {
        try (Socket s = Socket.open(Family.INET, SocketType.STREAM)) {
            s.bind(SockAddr.inet("127.0.0.1", 0));
            return ((SockAddr.Inet4) s.getSockName()).port();
        }
    }

    /** The seed's echo server for one client, on the real provider, in a virtual thread. */
    private static Future<?> echoServer(int port) throws Exception {
        var vt = Executors.newVirtualThreadPerTaskExecutor();
        Future<?> f = vt.submit(() -> {
            EchoServer.main(new String[] {Integer.toString(port)});
            return null;
        });
        vt.shutdown();
        // EchoServer binds as it starts: wait until the kernel lists it listening (a probe
        // that binds or connects would race it, or take its one connection).
        for (int i = 0; i < 2500; i++) {
            if (listening(port)) {
                return f;
            }
            if (f.isDone()) {
                f.get(); // it failed: say why
            }
            Thread.sleep(2);
        }
        throw new AssertionError("the echo server did not start");
    }

    /** True if a TCP socket listens on {@code port} ({@code /proc/net/tcp}: state 0A is LISTEN). */
    private static boolean listening(int port) throws java.io.IOException {
        String hex = String.format(":%04X ", port);
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path t = Path.of(table);
            if (Files.exists(t)) {
                for (String line : Files.readAllLines(t)) {
                    String[] w = line.trim().split("\\s+");
                    if (w.length > 3 && (w[1] + " ").contains(hex) && w[3].equals("0A")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** What EchoClient does, on an explicit provider: connect, sendall, one recv. */
    private static String naive(SocketProvider p, int port) throws Exception {
        try (Socket s = Socket.open(p, Family.INET, SocketType.STREAM, 0)) {
            s.connect(SockAddr.inet("127.0.0.1", port));
            s.sendAll(MESSAGE.getBytes(StandardCharsets.US_ASCII));
            return new String(s.recv(1024), StandardCharsets.US_ASCII);
        }
    }

    private static String runEchoClient(int port) throws Exception {
        PrintStream old = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            EchoClient.main(new String[] {Integer.toString(port)});
        } finally {
            System.setOut(old);
        }
        return out.toString(StandardCharsets.UTF_8).trim();
    }

    @Test
    void theNaiveClientPassesOnTheRealProviderFailsUnderShortReadsAndReplaysFromItsSeed(@TempDir Path dir) throws Exception {
        int port = freePort();
        Future<?> server = echoServer(port);
        assertEquals("Received b'Hello, world'", received(runEchoClient(port)), "unchanged, without faults");
        server.get(10, TimeUnit.SECONDS);
        SocketProvider real = dev.weft.Sockets.provider() instanceof FaultProvider f ? f.wrapped() : dev.weft.Sockets.provider();
        port = freePort();
        server = echoServer(port);
        assertEquals(MESSAGE, naive(real, port), "on the OS provider itself");
        server.get(10, TimeUnit.SECONDS);

        // A seed under which the client's one recv is cut: found in-process, where a run takes a millisecond.
        long seed = 0;
        String inProcessLog = null;
        for (long s = 1; s < 1000 && inProcessLog == null; s++) {
            port = freePort();
            server = echoServer(port);
            FaultProvider p = Faults.wrap(real, FaultPlan.profile("short-reads").withSeed(s));
            String got = naive(p, port);
            awaitServer(server);
            if (!got.equals(MESSAGE)) {
                seed = s;
                inProcessLog = p.session().log().toString();
            }
        }
        assertTrue(inProcessLog != null, "some seed cuts the reply");

        // The unchanged program, selected by system properties alone.
        Path log1 = dir.resolve("first.log");
        String first = runUnderFaults(List.of("-Dweft.provider=faults", "-Dweft.faults.profile=short-reads",
                "-Dweft.faults.seed=" + seed, "-Dweft.faults.log=" + log1));
        assertTrue(first.contains("Received b'") && !first.contains("Received b'Hello, world'"), "a cut reply:\n" + first);
        String printed = first.lines().filter(l -> l.startsWith("weft.faults: seed=")).findFirst().orElseThrow(() -> new AssertionError(first));
        String replaySeed = printed.substring(printed.indexOf("-Dweft.faults.seed=") + "-Dweft.faults.seed=".length()).split("\\s")[0];
        assertEquals(Long.toString(seed), replaySeed);
        assertEquals(inProcessLog, Files.readString(log1), "the same decisions in-process and by properties");

        Path log2 = dir.resolve("replay.log");
        String again = runUnderFaults(List.of("-Dweft.faults.seed=" + replaySeed, "-Dweft.faults.profile=short-reads",
                "-Dweft.faults.log=" + log2));
        assertEquals(received(first), received(again), "the same cut reply");
        assertEquals(Files.readString(log1), Files.readString(log2), "byte for byte the same fault log");
        assertNotEquals(MESSAGE, received(again));
    }

    private static String received(String out) {
        return out.lines().filter(l -> l.startsWith("Received")).findFirst().orElseThrow(() -> new AssertionError(out));
    }

    private static String runUnderFaults(List<String> props) throws Exception {
        int port = freePort();
        Future<?> server = echoServer(port);
        String out = ChildJvm.output(ChildJvm.start(props, "dev.weft.examples.EchoClient", Integer.toString(port)));
        awaitServer(server);
        return out;
    }

    private static void awaitServer(Future<?> server) throws Exception {
        try {
            server.get(10, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            // The naive client closed with part of the echo unread: the server may see a reset. Not the point here.
            assertTrue(e.getCause() instanceof dev.weft.ConnectionResetException || e.getCause() instanceof dev.weft.BrokenPipeException, e.toString());
        }
    }
}
