package dev.weft.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.Socket;
import dev.weft.Sockets;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The socketserver example runs as Python's does; the HTTP echo holds up under Debian's wrk. */
class ServerExamplesTest {
    @Test
    void socketServerEchoAnswersUpperCase() throws Exception {
        try (var server = SocketServerEcho.create("127.0.0.1", 0)) {
            server.start();
            try (Socket c = Sockets.createConnection(server.address(), Duration.ofSeconds(10), null)) {
                c.setTimeout(Duration.ofSeconds(20));
                c.sendAll("hello world\n".getBytes());
                assertEquals("HELLO WORLD", new String(c.recv(1024)));
            }
        }
    }

    @Test
    void httpEchoAnswersPipelinedAndKeepAliveRequests() throws Exception {
        try (var server = HttpEcho.weft("127.0.0.1", 0)) {
            server.start();
            try (Socket c = Sockets.createConnection(server.address(), Duration.ofSeconds(10), null)) {
                c.setTimeout(Duration.ofSeconds(20));
                c.sendAll("GET /a HTTP/1.1\r\nHost: x\r\n\r\nPOST /b HTTP/1.1\r\nContent-Length: 3\r\n\r\nxyzGET /c HTTP/1.1\r\nConnection: close\r\n\r\n"
                        .getBytes());
                StringBuilder sb = new StringBuilder();
                for (byte[] b; (b = c.recv(4096)).length > 0; ) {
                    sb.append(new String(b, StandardCharsets.ISO_8859_1));
                }
                String all = sb.toString();
                assertTrue(all.contains("Content-Length: 15\r\n\r\nGET /a HTTP/1.1"), all);
                assertTrue(all.contains("\r\n\r\nPOST /b HTTP/1.1HTTP/1.1 200 OK"), all);
                assertTrue(all.endsWith("\r\n\r\nGET /c HTTP/1.1"), all);
            }
        }
    }

    /** Sockets open in this process (Linux): files and pipes come and go on the JVM's own schedule. */
    private static long openSockets() throws IOException {
        try (var s = Files.list(Path.of("/proc/self/fd"))) {
            return s.filter(f -> {
                try {
                    return Files.readSymbolicLink(f).toString().startsWith("socket:");
                } catch (IOException e) {
                    return false;
                }
            }).count();
        }
    }

    /** Platform threads other than the virtual-thread scheduler's carriers, which come and go by themselves. */
    private static Set<String> platformThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> !t.isVirtual())
                .map(Thread::getName)
                // The JDK's own pools come and go, and its process reaper (which ran wrk) names
                // itself after the process it waits for: neither is the server's.
                .filter(n -> !n.startsWith("ForkJoinPool-") && !n.startsWith("process reaper"))
                .collect(Collectors.toSet());
    }

    @Test
    void httpEchoUnderWrkHasNoErrorsAndLeavesNoSocketOrThreadBehind() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/wrk")), "wrk is not installed (apt-get install wrk)");
        // weft's own threads (the poller, its blocking pool, the timer of timed waits) start with
        // the first socket and the first timed wait: count from after them.
        try (var pair = Sockets.socketPair()) {
            pair.first().setTimeout(Duration.ofMillis(100)); // long enough to park even on a first, cold call
            org.junit.jupiter.api.Assertions.assertThrows(java.net.SocketTimeoutException.class, () -> pair.first().recv(1));
        }
        long sockets = openSockets();
        Set<String> threads = platformThreads();
        var server = HttpEcho.weft("127.0.0.1", 0);
        server.start();
        int port = ((dev.weft.SockAddr.Inet4) server.address()).port();
        Process wrk = new ProcessBuilder("wrk", "-t2", "-c50", "-d3s", "--timeout", "5s", "http://127.0.0.1:" + port + "/echo")
                .redirectErrorStream(true).start();
        String out = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(wrk.waitFor(60, TimeUnit.SECONDS), out);
        System.out.println(out);
        assertEquals(0, wrk.exitValue(), out);
        Matcher m = Pattern.compile("(\\d+) requests in").matcher(out);
        assertTrue(m.find(), out);
        assertTrue(Long.parseLong(m.group(1)) > 100, out);
        assertFalse(out.contains("Socket errors"), out);
        assertFalse(out.contains("Non-2xx"), out);
        // wrk closes its connections as it ends: the handlers see the end of stream and return.
        assertTrue(server.shutdown(Duration.ofSeconds(20)), "every handler returned");
        assertEquals(0, server.activeCount());
        assertEquals(0, server.failedCount());
        assertEquals(sockets, openSockets(), "every socket is closed");
        assertEquals(threads, platformThreads(), "no platform thread left behind");
    }
}
