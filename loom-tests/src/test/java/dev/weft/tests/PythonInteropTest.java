package dev.weft.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.Capability;
import dev.weft.Family;
import dev.weft.SockAddr;
import dev.weft.Socket;
import dev.weft.SocketType;
import dev.weft.Sockets;
import dev.weft.kit.Chunkings;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * CPython's {@code socket} module as the peer, one echoing {@code python3} per family and
 * type this system offers: TCP over IPv4 and IPv6, UDP over IPv4 and IPv6, Unix streams
 * over a path and an abstract name, Unix datagrams and SEQPACKET. weft connects (binding
 * first where a datagram needs a return address), sends random data (a megabyte in random
 * chunks on streams, forty messages of random sizes otherwise) and checks the echo byte for
 * byte and message for message; Python reports the address it saw for weft, which must be
 * weft's own getsockname, and weft's getpeername must be the address Python bound.
 */
class PythonInteropTest {
    enum Case {
        TCP4(Family.INET, SocketType.STREAM, Capability.INET),
        TCP6(Family.INET6, SocketType.STREAM, Capability.INET6),
        UDP4(Family.INET, SocketType.DGRAM, Capability.INET),
        UDP6(Family.INET6, SocketType.DGRAM, Capability.INET6),
        UNIX_STREAM_PATH(Family.UNIX, SocketType.STREAM, Capability.UNIX_STREAM),
        UNIX_STREAM_ABSTRACT(Family.UNIX, SocketType.STREAM, Capability.UNIX_ABSTRACT),
        UNIX_DGRAM(Family.UNIX, SocketType.DGRAM, Capability.UNIX_DGRAM),
        UNIX_SEQPACKET(Family.UNIX, SocketType.SEQPACKET, Capability.UNIX_SEQPACKET);

        final Family family;
        final SocketType type;
        final Capability needs;

        Case(Family family, SocketType type, Capability needs) {
            this.family = family;
            this.type = type;
            this.needs = needs;
        }
    }

    /**
     * argv: kind (stream, dgram, seqpacket), family (inet, inet6, unix), address (a path,
     * "@name" for an abstract name, or "" for loopback port 0). Prints the bound address once listening,
     * echoes one peer until the end (an empty message ends datagrams and SEQPACKET), then
     * prints the byte count and the peer's address as Python saw it.
     */
    static final String ECHO = """
            import socket, sys
            kind, fam, where = sys.argv[1], sys.argv[2], sys.argv[3]
            af = {"inet": socket.AF_INET, "inet6": socket.AF_INET6, "unix": socket.AF_UNIX}[fam]
            st = {"stream": socket.SOCK_STREAM, "dgram": socket.SOCK_DGRAM, "seqpacket": socket.SOCK_SEQPACKET}[kind]
            s = socket.socket(af, st)
            if fam == "inet":
                s.bind(("127.0.0.1", 0))
            elif fam == "inet6":
                s.bind(("::1", 0))
            elif where.startswith("@"):
                s.bind(b"\\0" + where[1:].encode())
            else:
                s.bind(where)
            def show(a):
                if isinstance(a, tuple):
                    return " ".join(str(x) for x in a)
                if isinstance(a, str):
                    a = a.encode()
                return "unix " + (a or b"").hex()
            if kind != "dgram":
                s.listen()
            print(show(s.getsockname()), flush=True)
            s.settimeout(30)
            total, peer = 0, None
            if kind == "dgram":
                while True:
                    data, peer = s.recvfrom(65536)
                    s.sendto(data, peer)
                    if not data:
                        break
                    total += len(data)
            else:
                c, peer = s.accept()
                c.settimeout(30)
                while True:
                    data = c.recv(65536)
                    if kind == "seqpacket":
                        c.send(data)
                    elif data:
                        c.sendall(data)
                    if not data:
                        break
                    total += len(data)
                c.close()
            print(total, show(peer), flush=True)
            """;

    private static Path dir;

    @BeforeAll
    static void needPython() throws Exception {
        boolean ok;
        try {
            Process p = new ProcessBuilder("python3", "-c", "import socket").redirectErrorStream(true).start();
            ok = p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            ok = false;
        }
        Assumptions.assumeTrue(ok, "python3 with its socket module is not installed");
        dir = TestKit.shortTempDir("wpy");
    }

    @AfterAll
    static void cleanUp() throws IOException {
        if (dir != null) {
            try (var walk = Files.walk(dir)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Case.class)
    void pythonEchoesWhatWeftSends(Case c) throws Exception {
        Assumptions.assumeTrue(Sockets.supports(c.needs), c + " needs " + c.needs + ", which this system lacks");
        String kind = c.type == SocketType.STREAM ? "stream" : c.type == SocketType.DGRAM ? "dgram" : "seqpacket";
        String fam = c.family == Family.INET ? "inet" : c.family == Family.INET6 ? "inet6" : "unix";
        String where = switch (c) {
            case UNIX_STREAM_PATH, UNIX_DGRAM -> dir.resolve("py-" + c.ordinal()).toString();
            case UNIX_STREAM_ABSTRACT, UNIX_SEQPACKET -> "@" + ContractKinds.uniqueName("weft-py");
            default -> "";
        };
        Process py = new ProcessBuilder("python3", "-c", ECHO, kind, fam, where).start();
        py.getOutputStream().close();
        java.util.concurrent.FutureTask<String> errors = new java.util.concurrent.FutureTask<>(
                () -> new String(py.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
        Thread.ofVirtual().start(errors);
        try (BufferedReader out = new BufferedReader(new InputStreamReader(py.getInputStream(), StandardCharsets.UTF_8));
             Socket s = Socket.open(c.family, c.type)) {
            String bound = out.readLine();
            assertTrue(bound != null, () -> "python exited: " + stderr(errors));
            SockAddr server = parse(c.family, bound);
            s.setTimeout(Duration.ofSeconds(30));
            if (c == Case.UNIX_DGRAM) {
                s.bind(SockAddr.unix(dir.resolve("weft-" + c.ordinal()))); // a return address for the echo
            }
            s.connect(server);
            assertEquals(server, s.getPeerName(), "weft's getpeername is the address Python bound");
            SplittableRandom r = new SplittableRandom(c.ordinal());
            long sent = c.type == SocketType.STREAM ? streamEcho(s, r) : messageEcho(s, r);
            String last = out.readLine();
            assertTrue(last != null, () -> "python ended early: " + stderr(errors));
            int space = last.indexOf(' ');
            assertEquals(Long.toString(sent), last.substring(0, space), () -> "bytes Python echoed; " + stderr(errors));
            SockAddr seen = parse(c.family, last.substring(space + 1));
            assertEquals(s.getSockName(), seen, "the address Python saw for weft is weft's getsockname");
        } finally {
            if (!py.waitFor(10, TimeUnit.SECONDS)) {
                py.destroyForcibly(); // after a failure here it would wait for its peer for 30 s
                py.waitFor();
            }
        }
        assertEquals(0, py.exitValue(), () -> stderr(errors));
    }

    private static String stderr(Future<String> errors) {
        try {
            return errors.get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            return "(no stderr: " + e + ")";
        }
    }

    /** A megabyte in random chunks, sent while the echo is read; returns the count. */
    private static long streamEcho(Socket s, SplittableRandom r) throws Exception {
        byte[] data = Chunkings.data(r, 1 << 20);
        int[] chunks = Chunkings.split(r, data.length, 100_000);
        try (var vt = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<?> w = vt.submit(() -> {
                int at = 0;
                for (int size : chunks) {
                    s.sendAll(ByteBuffer.wrap(data, at, size));
                    at += size;
                }
                s.shutdown(Socket.SHUT_WR);
                return null;
            });
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            byte[] b = new byte[7919];
            for (int n; (n = s.recvInto(b, 0, b.length)) > 0; ) {
                got.write(b, 0, n);
            }
            w.get(30, TimeUnit.SECONDS);
            assertArrayEquals(data, got.toByteArray(), "the echo");
        }
        return data.length;
    }

    /** Forty messages of random sizes, one at a time, then an empty one; returns the bytes. */
    private static long messageEcho(Socket s, SplittableRandom r) throws IOException {
        int[] sizes = Chunkings.messageSizes(r, 40, 60_000);
        long total = 0;
        for (int i = 0; i < sizes.length; i++) {
            int size = Math.max(1, sizes[i]); // an empty message ends the exchange
            byte[] m = Chunkings.message(i, size);
            assertEquals(size, s.send(m));
            assertArrayEquals(m, s.recv(65536), "message " + i + " of " + size + " bytes, echoed whole");
            total += size;
        }
        s.send(new byte[0]);
        assertEquals(0, s.recv(16).length, "the empty message, echoed");
        return total;
    }

    /** Python's address as {@code show()} prints it. */
    private static SockAddr parse(Family f, String line) throws IOException {
        String[] p = line.split(" ");
        return switch (f) {
            case INET -> SockAddr.inet(p[0], Integer.parseInt(p[1]));
            case INET6 -> SockAddr.inet6(p[0], Integer.parseInt(p[1]), Integer.parseInt(p[2]), Integer.parseInt(p[3]));
            default -> new SockAddr.Unix(p.length < 2 ? new byte[0] : HexFormat.of().parseHex(p[1]));
        };
    }
}
