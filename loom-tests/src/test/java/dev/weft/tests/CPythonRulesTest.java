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
}
