package dev.weft.tests;

import static dev.weft.SocketConstants.MSG_CTRUNC;
import static dev.weft.SocketConstants.SCM_RIGHTS;
import static dev.weft.SocketConstants.SOL_SOCKET;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.weft.Ancillary;
import dev.weft.Capability;
import dev.weft.Family;
import dev.weft.SockAddr;
import dev.weft.Socket;
import dev.weft.SocketType;
import dev.weft.Sockets;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** recvmsg/sendmsg with ancillary data and descriptor passing, with python3 as the other end. */
class MessagesTest {
    @TempDir
    Path tmp;

    @Test
    void cmsgLenAndSpaceEqualPythons() throws Exception {
        assumeTrue(TestKit.hasPython3(), "python3 is the reference and is not installed");
        assumeTrue(Sockets.hasConstant("SCM_RIGHTS"), "CPython has CMSG_LEN only where sendmsg carries ancillary data (not Windows)");
        String py = run("import socket\nprint(' '.join(f'{socket.CMSG_LEN(n)},{socket.CMSG_SPACE(n)}' for n in range(0, 70)))");
        StringBuilder ours = new StringBuilder();
        for (int n = 0; n < 70; n++) {
            ours.append(n == 0 ? "" : " ").append(Sockets.cmsgLen(n)).append(',').append(Sockets.cmsgSpace(n));
        }
        assertEquals(py.trim(), ours.toString());
        assertThrows(IllegalArgumentException.class, () -> Sockets.cmsgLen(-1));
        assertThrows(IllegalArgumentException.class, () -> Sockets.cmsgSpace(Integer.MAX_VALUE));
    }

    @Test
    void scatterGatherKeepsOrderAcrossHeapAndDirectBuffers() throws Exception {
        assumeTrue(Sockets.supports(Capability.UNIX_SEQPACKET), "needs AF_UNIX SOCK_SEQPACKET (Linux)");
        try (var pair = Sockets.socketPair(Family.UNIX, SocketType.SEQPACKET, 0)) {
            ByteBuffer a = ByteBuffer.wrap("head-".getBytes(StandardCharsets.US_ASCII));
            ByteBuffer b = ByteBuffer.allocateDirect(5).put("body-".getBytes(StandardCharsets.US_ASCII)).flip();
            ByteBuffer c = ByteBuffer.wrap("tail".getBytes(StandardCharsets.US_ASCII));
            assertEquals(14, pair.first().sendMsg(List.of(a, b, c), List.of(), 0, null));
            assertFalse(a.hasRemaining() || b.hasRemaining() || c.hasRemaining(), "positions advanced");
            ByteBuffer x = ByteBuffer.allocate(3);
            ByteBuffer y = ByteBuffer.allocateDirect(4);
            ByteBuffer z = ByteBuffer.allocate(20);
            Socket.MessageInto m = pair.second().recvMsgInto(List.of(x, y, z), 0, 0);
            assertEquals(14, m.nbytes());
            assertEquals("hea", new String(x.array(), StandardCharsets.US_ASCII));
            y.flip();
            byte[] yb = new byte[4];
            y.get(yb);
            assertEquals("d-bo", new String(yb, StandardCharsets.US_ASCII));
            assertEquals("dy-tail", new String(z.array(), 0, z.position(), StandardCharsets.US_ASCII));
        }
    }

    @Test
    void severalRightsMessagesInOneCallArriveAsSeparateItems() throws Exception {
        assumeTrue(TestKit.hasProcFd(), "counts and reads descriptors through /proc/self/fd");
        Path f1 = Files.writeString(tmp.resolve("one"), "first file");
        Path f2 = Files.writeString(tmp.resolve("two"), "second file");
        try (var pair = Sockets.socketPair();
) {
            int fd1 = fdOf(f1);
            int fd2 = fdOf(f2);
            try {
                pair.first().sendMsg(List.of(ByteBuffer.wrap(new byte[] {1})),
                        List.of(Ancillary.rights(new int[] {fd1}), Ancillary.rights(new int[] {fd2})), 0, null);
                Socket.Message m = pair.second().recvMsg(16, Sockets.cmsgSpace(4) * 2, 0);
                // Linux merges adjacent SCM_RIGHTS of one message into one item; either way both arrive.
                int[] got = m.ancillary().stream().filter(a -> a.level() == SOL_SOCKET && a.type() == SCM_RIGHTS)
                        .flatMapToInt(a -> java.util.Arrays.stream(a.ints())).toArray();
                assertEquals(2, got.length, m.ancillary().toString());
                assertEquals("first file", readFd(got[0]));
                assertEquals("second file", readFd(got[1]));
                for (int fd : got) {
                    Sockets.close(fd);
                }
            } finally {
                Sockets.close(fd1);
                Sockets.close(fd2);
            }
        }
    }

    @Test
    void descriptorsThatDoNotFitAreClosedNotLeaked() throws Exception {
        assumeTrue(TestKit.hasProcFd(), "counts and reads descriptors through /proc/self/fd");
        try (var pair = Sockets.socketPair()) {
            long before = TestKit.openFds();
            int[] fds = new int[4];
            for (int i = 0; i < fds.length; i++) {
                fds[i] = fdOf(Files.writeString(tmp.resolve("f" + i), "x"));
            }
            pair.first().sendFds(List.of(ByteBuffer.wrap(new byte[] {7})), fds, 0, null);
            for (int fd : fds) {
                Sockets.close(fd);
            }
            Socket.FdMessage m = pair.second().recvFds(16, 1, 0);
            assertEquals(1, m.fds().length);
            assertTrue((m.flags() & MSG_CTRUNC) != 0, "MSG_CTRUNC reported");
            Sockets.close(m.fds()[0]);
            assertEquals(before, TestKit.openFds(), "no descriptor left behind");
        }
    }

    @Test
    void receivedDescriptorsAreCloseOnExec() throws Exception {
        try (var pair = Sockets.socketPair(); Socket extra = Socket.open(Family.INET, SocketType.DGRAM)) {
            pair.first().sendFds(List.of(ByteBuffer.wrap(new byte[] {1})), new int[] {extra.fileno()}, 0, null);
            Socket.FdMessage m = pair.second().recvFds(4, 4, 0);
            try (Socket got = Sockets.fromFd(m.fds()[0])) {
                assertFalse(got.getInheritable());
                assertEquals(Family.INET, got.family());
                assertEquals(SocketType.DGRAM, got.type());
            } finally {
                Sockets.close(m.fds()[0]);
            }
        }
    }

    @Test
    void pythonSendsFdsWeftReceivesAndReadsTheFile() throws Exception {
        assumeTrue(TestKit.canCountFds(), "reads the received descriptor through /proc/self/fd or /dev/fd");
        Path file = Files.writeString(tmp.resolve("from-python.txt"), "python opened this");
        SockAddr name = rendezvous();
        try (Socket server = Socket.open(Family.UNIX, SocketType.STREAM)) {
            server.bind(name);
            server.listen(1);
            server.setTimeout(Duration.ofSeconds(20));
            Process py = python(PY_CONNECT + """
                    f = open(sys.argv[2])
                    socket.send_fds(s, [b'here'], [f.fileno()])
                    s.close()
                    """, pythonName(name), file.toString());
            try (var conn = server.accept()) {
                conn.socket().setTimeout(Duration.ofSeconds(20));
                Socket.FdMessage m = conn.socket().recvFds(16, 4, 0);
                assertEquals("here", new String(m.data(), StandardCharsets.US_ASCII));
                assertEquals(1, m.fds().length);
                assertEquals("python opened this", readFd(m.fds()[0]));
                Sockets.close(m.fds()[0]);
            }
            assertEquals(0, waitFor(py));
        }
    }

    @Test
    void weftSendsASocketPythonReceivesAndTalksOnIt() throws Exception {
        SockAddr name = rendezvous();
        try (Socket server = Socket.open(Family.UNIX, SocketType.STREAM);
             var pair = Sockets.socketPair()) {
            server.bind(name);
            server.listen(1);
            server.setTimeout(Duration.ofSeconds(20));
            Process py = python(PY_CONNECT + """
                    msg, fds, flags, addr = socket.recv_fds(s, 16, 4)
                    t = socket.socket(fileno=fds[0])
                    t.sendall(b'python says ' + msg)
                    t.close()
                    s.close()
                    """, pythonName(name));
            try (var conn = server.accept()) {
                conn.socket().sendFds(List.of(ByteBuffer.wrap("hi".getBytes(StandardCharsets.US_ASCII))),
                        new int[] {pair.second().fileno()}, 0, null);
            }
            pair.second().close(); // python now holds the only other copy
            pair.first().setTimeout(Duration.ofSeconds(20));
            assertEquals("python says hi", new String(pair.first().recv(64), StandardCharsets.US_ASCII));
            assertEquals(0, waitFor(py));
        }
    }

    @Test
    void truncatedAncillaryKeepsWhatArrivedAndSaysCtrunc() throws Exception {
        assumeTrue(TestKit.hasProcFd(), "counts and reads descriptors through /proc/self/fd");
        try (var pair = Sockets.socketPair(Family.UNIX, SocketType.DGRAM, 0)) {
            int[] fds = new int[3];
            for (int i = 0; i < 3; i++) {
                fds[i] = fdOf(Files.writeString(tmp.resolve("t" + i), "t"));
            }
            long before = TestKit.openFds() - 3;
            pair.first().sendFds(List.of(ByteBuffer.wrap(new byte[] {1})), fds, 0, null);
            for (int fd : fds) {
                Sockets.close(fd);
            }
            // Room for the header and one and a half descriptors.
            Socket.Message m = pair.second().recvMsg(4, Sockets.cmsgLen(6), 0);
            assertNotEquals(0, m.flags() & MSG_CTRUNC);
            int[] got = m.ancillary().get(0).ints();
            assertEquals(1, got.length);
            Sockets.close(got[0]);
            assertEquals(before, TestKit.openFds());
        }
    }

    @Test
    void aMessageLargerThanTheScratchAreaGoesWholeThroughSendmsgAndRecvmsg() throws Exception {
        assumeTrue(Sockets.supports(Capability.UNIX_SEQPACKET), "needs AF_UNIX SOCK_SEQPACKET (Linux)");
        try (var pair = Sockets.socketPair(Family.UNIX, SocketType.SEQPACKET, 0)) {
            pair.first().setOption(dev.weft.SockOpt.SO_SNDBUF, 2 << 20);
            pair.second().setOption(dev.weft.SockOpt.SO_RCVBUF, 2 << 20);
            byte[] big = new byte[600_000];
            new java.util.Random(3).nextBytes(big);
            // Two heap buffers that together exceed the pooled staging room.
            ByteBuffer a = ByteBuffer.wrap(big, 0, 300_000);
            ByteBuffer b = ByteBuffer.wrap(big, 300_000, 300_000);
            assertEquals(600_000, pair.first().sendMsg(List.of(a, b), List.of(), 0, null));
            ByteBuffer x = ByteBuffer.allocate(350_000);
            ByteBuffer y = ByteBuffer.allocate(350_000);
            Socket.MessageInto m = pair.second().recvMsgInto(List.of(x, y), 0, 0);
            assertEquals(600_000, m.nbytes(), "one message, whole");
            byte[] got = new byte[600_000];
            System.arraycopy(x.array(), 0, got, 0, 350_000);
            System.arraycopy(y.array(), 0, got, 350_000, 250_000);
            assertArrayEquals(big, got);
        }
    }

    // ---- helpers ---------------------------------------------------------------------

    /** A raw read-only descriptor for {@code file} (Java hides its own), through the provider. */
    static int fdOf(Path file) throws IOException {
        long fd = Sockets.provider().openForReading(file.toString());
        if (fd < 0) {
            throw new IOException("open failed: " + (-fd));
        }
        return (int) fd;
    }

    static String readFd(int fd) throws IOException {
        return Files.readString(TestKit.fdDir().resolve(Integer.toString(fd)));
    }

    /** python3 connects to argv[1]: an abstract name as {@code @name}, else a path. */
    private static final String PY_CONNECT = """
            import socket, sys
            s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            s.connect('\\0' + sys.argv[1][1:] if sys.argv[1].startswith('@') else sys.argv[1])
            """;

    /** Where python3 meets weft: an abstract name where there are such (Linux), else a path in a short directory. */
    private SockAddr rendezvous() throws IOException {
        String name = "weft-test-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
        if (Sockets.supports(Capability.UNIX_ABSTRACT)) {
            return SockAddr.unixAbstract(name);
        }
        Path dir = TestKit.shortTempDir("wmsg");
        dir.toFile().deleteOnExit();
        Path p = dir.resolve("s");
        p.toFile().deleteOnExit();
        return SockAddr.unix(p);
    }

    private static String pythonName(SockAddr a) {
        SockAddr.Unix u = (SockAddr.Unix) a;
        return u.isAbstract() ? "@" + u.path() : u.path();
    }

    static Process python(String script, String... args) throws IOException {
        String[] cmd = new String[args.length + 3];
        cmd[0] = "python3";
        cmd[1] = "-c";
        cmd[2] = script;
        System.arraycopy(args, 0, cmd, 3, args.length);
        return new ProcessBuilder(cmd).redirectErrorStream(true).start();
    }

    static int waitFor(Process p) throws Exception {
        if (!p.waitFor(20, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("python3 did not finish");
        }
        if (p.exitValue() != 0) {
            String out = new BufferedReader(new InputStreamReader(p.getInputStream())).lines().reduce("", (a, b) -> a + "\n" + b);
            throw new AssertionError("python3 failed: " + out);
        }
        return 0;
    }

    static String run(String script) throws Exception {
        Process p = python(script);
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(20, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        return out;
    }
}
