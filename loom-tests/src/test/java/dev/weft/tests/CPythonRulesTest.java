package dev.weft.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.weft.Capability;
import dev.weft.Errno;
import dev.weft.Family;
import dev.weft.OsError;
import dev.weft.SockAddr;
import dev.weft.Socket;
import dev.weft.SocketConstants;
import dev.weft.SocketFile;
import dev.weft.SocketType;
import dev.weft.Sockets;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rules of CPython's {@code socket} module that weft follows, each checked against what
 * python3 does on this machine, and the deliberate differences pinned where weft documents
 * them.
 */
class CPythonRulesTest {
    @TempDir
    Path tmp;

    @BeforeAll
    static void needsPython() {
        assumeTrue(TestKit.hasPython3(), "python3 is the reference and is not installed");
    }

    @AfterEach
    void resetDefaultTimeout() {
        Sockets.setDefaultTimeout(null);
    }

    /** python3's output for {@code script}, stripped; fails if it did not exit 0. */
    static String python(String script) throws Exception {
        Process p = new ProcessBuilder("python3", "-c", script).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(20, TimeUnit.SECONDS), "python3 did not finish");
        assertEquals(0, p.exitValue(), out);
        return out.strip();
    }

    /** A timeout as Python prints {@code gettimeout()}. */
    static String py(Duration timeout) {
        return timeout == null ? "None" : Double.toString(timeout.toNanos() / 1e9);
    }

    // ---- 1: SOCK_NONBLOCK and SOCK_CLOEXEC in the type -----------------------------------

    @Test
    void typeFlagsAreMaskedOffTheTypeAndNonblockMeansNonBlocking() throws Exception {
        assumeTrue(SocketConstants.SOCK_NONBLOCK > 0 && SocketConstants.SOCK_CLOEXEC > 0, "no SOCK_NONBLOCK here");
        String expected = python("""
                import socket
                socket.setdefaulttimeout(5)
                for f in (socket.SOCK_NONBLOCK, socket.SOCK_CLOEXEC, socket.SOCK_NONBLOCK | socket.SOCK_CLOEXEC):
                    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM | f)
                    print(int(s.type), s.gettimeout())
                """);
        Sockets.setDefaultTimeout(Duration.ofSeconds(5));
        List<String> ours = new ArrayList<>();
        for (int f : new int[] {SocketConstants.SOCK_NONBLOCK, SocketConstants.SOCK_CLOEXEC,
                SocketConstants.SOCK_NONBLOCK | SocketConstants.SOCK_CLOEXEC}) {
            try (Socket s = Socket.open(SocketConstants.AF_INET, SocketConstants.SOCK_STREAM | f, 0)) {
                assertEquals(SocketType.STREAM, s.type());
                ours.add(s.nativeType() + " " + py(s.getTimeout()));
            }
        }
        assertEquals(expected, String.join("\n", ours));
    }

    // ---- 2: the result of close(2) -------------------------------------------------------

    @Test
    void closeOfADescriptorClosedUnderneathRaisesEbadf() throws Exception {
        int pythonErrno = Integer.parseInt(python("""
                import socket, os
                s = socket.socket()
                os.close(s.fileno())
                try:
                    s.close()
                    print(0)
                except OSError as e:
                    print(e.errno)
                """));
        Socket s = Socket.open(Family.INET, SocketType.STREAM);
        Sockets.close(s.fileno());
        IOException e = assertThrows(IOException.class, s::close);
        assertEquals(Errno.EBADF, ((OsError) e).errno(), e.toString());
        assertEquals(pythonErrno, ((OsError) e).nativeErrno());
        assertFalse(s.isOpen(), "closed all the same");
        assertEquals(-1, s.fileno());
        s.close(); // once closed, close is a no-op, as CPython's
    }

    // ---- 3: repr -------------------------------------------------------------------------

    /** The field names of a repr, with {@code [closed]} as a field. */
    static List<String> fields(String repr) {
        List<String> out = new ArrayList<>();
        if (repr.contains("[closed]")) {
            out.add("[closed]");
        }
        Matcher m = Pattern.compile("(\\w+)=").matcher(repr);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    @Test
    void toStringShowsTheFieldsCPythonsReprShows() throws Exception {
        String expected = python("""
                import socket
                l = socket.create_server(('127.0.0.1', 0))
                c = socket.create_connection(l.getsockname())
                u = socket.socket(socket.AF_UNIX)
                s = socket.socket()
                x = socket.socket(); x.close()
                for o in (s, l, c, u, x):
                    print(repr(o))
                """);
        List<String> ours = new ArrayList<>();
        try (Socket unbound = Socket.open(Family.INET, SocketType.STREAM);
             Socket server = Sockets.createServer(SockAddr.inet("127.0.0.1", 0));
             Socket client = Sockets.createConnection(server.getSockName(), Duration.ofSeconds(10), null);
             Socket unix = Socket.open(Family.UNIX, SocketType.STREAM)) {
            Socket closed = Socket.open(Family.INET, SocketType.STREAM);
            closed.close();
            for (Socket s : List.of(unbound, server, client, unix, closed)) {
                ours.add(s.toString());
            }
        }
        String[] theirs = expected.split("\n");
        assertEquals(theirs.length, ours.size());
        for (int i = 0; i < theirs.length; i++) {
            assertEquals(fields(theirs[i]), fields(ours.get(i)), theirs[i] + " against " + ours.get(i));
        }
        assertFalse(ours.get(0).contains("raddr"), ours.get(0));
    }

    // ---- 4: makefile's default mode ------------------------------------------------------

    @Test
    void aModeWithoutROrWReads() throws Exception {
        String expected = python("""
                import socket, io
                a, b = socket.socketpair()
                for mode in ('b', ''):
                    f = a.makefile(mode)
                    b.sendall(b'line\\n')
                    print(f.readable(), f.writable(), isinstance(f, io.TextIOBase), repr(f.readline()))
                """);
        List<String> ours = new ArrayList<>();
        try (Sockets.SocketPair pair = Sockets.socketPair()) {
            try (SocketFile f = pair.first().makeFile("b", -1, null)) {
                pair.second().sendAll("line\n".getBytes(StandardCharsets.US_ASCII));
                InputStream in = f.inputStream();
                assertThrows(IllegalStateException.class, f::outputStream);
                byte[] line = new byte[5];
                assertEquals(5, in.readNBytes(line, 0, 5));
                ours.add("True False False b'" + new String(line, StandardCharsets.US_ASCII).replace("\n", "\\n") + "'");
            }
            try (SocketFile f = pair.first().makeFile("", -1, null)) {
                pair.second().sendAll("line\n".getBytes(StandardCharsets.US_ASCII));
                BufferedReader r = f.reader();
                assertThrows(IllegalStateException.class, f::writer);
                ours.add("True False True '" + r.readLine() + "\\n'");
            }
        }
        assertEquals(expected, String.join("\n", ours));
    }

    // ---- 5: CMSG_LEN and CMSG_SPACE at their bounds ----------------------------------------

    @Test
    void cmsgLenAndSpaceHaveCPythonsBoundsEach() throws Exception {
        assumeTrue(Sockets.hasConstant("SCM_RIGHTS"), "CPython has CMSG_LEN only where sendmsg carries ancillary data (not Windows)");
        String expected = python("""
                import socket
                for n in range(0x7fffffe0, 0x80000000):
                    out = []
                    for f in (socket.CMSG_LEN, socket.CMSG_SPACE):
                        try:
                            out.append(str(f(n)))
                        except OverflowError:
                            out.append('E')
                    print(n, *out)
                """);
        List<String> ours = new ArrayList<>();
        for (int n = 0x7fffffe0; n > 0; n++) { // up to Integer.MAX_VALUE, then it wraps
            String len;
            String space;
            try {
                len = Integer.toString(Sockets.cmsgLen(n));
            } catch (IllegalArgumentException e) {
                len = "E";
            }
            try {
                space = Integer.toString(Sockets.cmsgSpace(n));
            } catch (IllegalArgumentException e) {
                space = "E";
            }
            ours.add(n + " " + len + " " + space);
        }
        assertEquals(expected, String.join("\n", ours));
    }

    // ---- 6: create_connection's default timeout ----------------------------------------------

    @Test
    void createConnectionWithoutATimeoutTakesTheDefaultAndNullBlocks() throws Exception {
        try (Socket server = Sockets.createServer(SockAddr.inet("127.0.0.1", 0))) {
            SockAddr.Inet4 at = (SockAddr.Inet4) server.getSockName();
            String expected = python("""
                    import socket, sys
                    socket.setdefaulttimeout(3)
                    a = ('127.0.0.1', int(sys.argv[1]))
                    print(socket.create_connection(a).gettimeout(), socket.create_connection(a, None).gettimeout())
                    """.replace("sys.argv[1]", Integer.toString(at.port())));
            Sockets.setDefaultTimeout(Duration.ofSeconds(3));
            try (Socket byName = Sockets.createConnection("127.0.0.1", at.port());
                 Socket byAddress = Sockets.createConnection(at);
                 Socket blocking = Sockets.createConnection("127.0.0.1", at.port(), null, null)) {
                assertEquals(expected, py(byName.getTimeout()) + " " + py(blocking.getTimeout()));
                assertEquals(Duration.ofSeconds(3), byAddress.getTimeout());
            }
        }
    }

    // ---- 8: reads after a timeout, sendfile's count, and the documented differences ------

    @Test
    void aFileThatTimedOutRefusesToReadAgain() throws Exception {
        String expected = python("""
                import socket
                for mode in ('r', 'rb'):
                    a, b = socket.socketpair()
                    a.settimeout(0.2)
                    f = a.makefile(mode)
                    try:
                        f.readline()
                    except TimeoutError:
                        print('timeout')
                    b.sendall(b'late\\n')
                    try:
                        f.readline()
                    except OSError as e:
                        print(e)
                """);
        List<String> ours = new ArrayList<>();
        for (String mode : new String[] {"r", "rb"}) {
            try (Sockets.SocketPair pair = Sockets.socketPair();
                 SocketFile f = pair.first().makeFile(mode, -1, null)) {
                pair.first().setTimeout(Duration.ofMillis(200));
                IOException first = assertThrows(IOException.class, () -> readLine(f, mode));
                assertInstanceOf(SocketTimeoutException.class, first);
                ours.add("timeout");
                pair.second().sendAll("late\n".getBytes(StandardCharsets.US_ASCII));
                ours.add(assertThrows(IOException.class, () -> readLine(f, mode)).getMessage());
            }
        }
        assertEquals(expected, String.join("\n", ours));
    }

    private static void readLine(SocketFile f, String mode) throws IOException {
        if (mode.contains("b")) {
            f.inputStream().read();
        } else {
            f.reader().readLine();
        }
    }

    @Test
    void sendFileRefusesACountOfZeroAsCPythonDoes() throws Exception {
        Path file = Files.writeString(tmp.resolve("data"), "some bytes");
        String expected = python("""
                import socket
                a, b = socket.socketpair()
                try:
                    a.sendfile(open('%s', 'rb'), 0, 0)
                except ValueError as e:
                    print(type(e).__name__, e)
                """.formatted(file));
        try (Sockets.SocketPair pair = Sockets.socketPair();
             var ch = java.nio.channels.FileChannel.open(file)) {
            IllegalArgumentException byPath = assertThrows(IllegalArgumentException.class, () -> pair.first().sendFile(file, 0, 0));
            assertThrows(IllegalArgumentException.class, () -> pair.first().sendFile(ch, 0, 0));
            assertEquals(expected, "ValueError " + byPath.getMessage());
            assertEquals(10, pair.first().sendFile(file, 0, -1), "a negative count is CPython's None");
        }
    }

    @Test
    void aZeroLengthRecvIntoAnArrayReadsNothingAsJavaIoDoes() throws Exception {
        // Documented on Socket.recvInto(byte[], int, int): CPython's recv_into(buf, 0) fills the buffer.
        try (Sockets.SocketPair pair = Sockets.socketPair()) {
            pair.second().sendAll(new byte[] {1, 2, 3});
            byte[] b = new byte[3];
            assertEquals(0, pair.first().recvInto(b, 0, 0));
            assertEquals(3, pair.first().recvInto(ByteBuffer.wrap(b)), "recv_into(buf) reads the whole buffer");
            assertArrayEquals(new byte[] {1, 2, 3}, b);
        }
    }

    @Test
    void getNameInfoAnswersForTheAddressANameResolvedTo() throws Exception {
        // Documented on Sockets.getNameInfo and SockAddr: CPython's getnameinfo takes numeric hosts only.
        String expected = python("""
                import socket
                try:
                    socket.getnameinfo(('localhost', 22), socket.NI_NUMERICHOST)
                except socket.gaierror as e:
                    print(e.errno == socket.EAI_NONAME)
                """);
        assertEquals("True", expected);
        SockAddr byName = SockAddr.inet("localhost", 22);
        assertEquals(((SockAddr.Inet4) byName).host(),
                Sockets.getNameInfo(byName, SocketConstants.NI_NUMERICHOST | SocketConstants.NI_NUMERICSERV).host());
    }

    // ---- 9: makefile takes no reference it cannot give back ----------------------------------

    /** Peer's view: the descriptor was really closed (end of stream within the bound). */
    private static void assertReallyClosed(Sockets.SocketPair pair) throws IOException {
        pair.second().setTimeout(Duration.ofSeconds(10));
        assertEquals(0, pair.second().recv(1).length, "the descriptor was closed, so the peer sees the end");
    }

    @Test
    void aBufferTooLargeForAnArrayIsRefusedAndTheSocketStillCloses() throws Exception {
        try (Sockets.SocketPair pair = Sockets.socketPair()) {
            assertThrows(IllegalArgumentException.class, () -> pair.first().makeFile("wb", Integer.MAX_VALUE, null));
            assertThrows(IllegalArgumentException.class, () -> pair.first().makeFile("rb", Integer.MAX_VALUE - 7, null));
            pair.first().close();
            assertReallyClosed(pair);
        }
    }

    @Test
    void aMakeFileThatFailsHalfWayReleasesWhatItTook() throws Exception {
        Charset broken = new Charset("x-weft-broken", null) {
            @Override
            public boolean contains(Charset cs) {
                return false;
            }

            @Override
            public CharsetDecoder newDecoder() {
                throw new IllegalStateException("no decoder");
            }

            @Override
            public CharsetEncoder newEncoder() {
                throw new IllegalStateException("no encoder");
            }
        };
        try (Sockets.SocketPair pair = Sockets.socketPair()) {
            assertThrows(IllegalStateException.class, () -> pair.first().makeFile("rw", -1, broken));
            assertThrows(IllegalStateException.class, () -> pair.first().makeFile("w", -1, broken));
            pair.first().close();
            assertReallyClosed(pair);
        }
    }

    // ---- 10, 11: raw addresses, and caller errors surface as themselves ----------------------

    /** 127.0.0.1:port as the bytes after an AF_INET sockaddr's family field. */
    private static SockAddr.Raw rawInet(int port) {
        byte[] d = new byte[14];
        d[0] = (byte) (port >> 8);
        d[1] = (byte) port;
        d[2] = 127;
        d[5] = 1;
        return new SockAddr.Raw(SocketConstants.AF_INET, d);
    }

    @Test
    void aRawAddressOfAKnownFamilyServesAndConnects() throws Exception {
        try (Socket server = Sockets.createServer(rawInet(0))) {
            assertEquals(Family.INET, server.family());
            int port = ((SockAddr.Inet4) server.getSockName()).port();
            try (Socket c = Sockets.createConnection(rawInet(port), Duration.ofSeconds(10), null);
                 Socket.Accepted a = server.accept()) {
                assertEquals(SockAddr.inet("127.0.0.1", port), c.getPeerName());
                assertEquals(c.getSockName(), a.address());
            }
        }
    }

    @Test
    void aRawAddressOfAnUnknownFamilyIsAClearArgumentError() {
        SockAddr.Raw alien = new SockAddr.Raw(12345, new byte[14]);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Sockets.createServer(alien)).getMessage().contains("12345"));
        assertThrows(IllegalArgumentException.class, () -> Sockets.createConnection(alien, Duration.ofSeconds(1), null));
        assertThrows(IllegalArgumentException.class,
                () -> Sockets.createConnection(List.of(alien), Duration.ofSeconds(1), null, Duration.ofMillis(50)));
    }

    @Test
    void aSourceAddressOfTheWrongFamilySurfacesAsItself() throws Exception {
        assumeTrue(Sockets.supports(Capability.INET6), "no IPv6 here");
        try (Socket server = Sockets.createServer(SockAddr.inet("127.0.0.1", 0))) {
            SockAddr target = server.getSockName();
            SockAddr v6 = SockAddr.inet6("::1", 0);
            assertThrows(IllegalArgumentException.class, () -> Sockets.createConnection(target, Duration.ofSeconds(5), v6));
            assertThrows(IllegalArgumentException.class,
                    () -> Sockets.createConnection(List.of(target), Duration.ofSeconds(5), v6, Duration.ofMillis(50)));
            // Among addresses of both families, the source picks those of its own.
            try (Socket c = Sockets.createConnection(List.of(SockAddr.inet6("::1", 1), target), Duration.ofSeconds(5),
                    SockAddr.inet("127.0.0.1", 0))) {
                assertEquals(target, c.getPeerName());
            }
        }
    }
}
