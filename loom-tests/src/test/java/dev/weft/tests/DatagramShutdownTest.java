package dev.weft.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.weft.Capability;
import dev.weft.Family;
import dev.weft.OsError;
import dev.weft.SockAddr;
import dev.weft.Socket;
import dev.weft.SocketType;
import dev.weft.Sockets;
import dev.weft.WouldBlockException;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A read shutdown ends a datagram socket's blocked receive with an empty result, as the
 * kernel's blocking {@code recvfrom} (and so CPython's blocking mode) does: UDP over IPv4 and
 * IPv6 and AF_UNIX datagrams, connected or not, {@code SHUT_RD} and {@code SHUT_RDWR}. weft
 * does the same in timeout mode, where CPython retries until its timeout (documented on
 * {@link Socket#shutdown}). Streams keep their own rule.
 */
class DatagramShutdownTest {
    /** The unix case binds an abstract name (no file to clean up), so it runs where those exist (Linux). */
    private static final List<String> FAMILIES = Sockets.supports(Capability.UNIX_ABSTRACT)
            ? List.of("v4", "v6", "unix") : List.of("v4", "v6");

    private static Socket open(String family, boolean connected) throws IOException {
        Socket s;
        switch (family) {
            case "v4" -> {
                s = Socket.open(Family.INET, SocketType.DGRAM);
                s.bind(SockAddr.inet("127.0.0.1", 0));
            }
            case "v6" -> {
                s = Socket.open(Family.INET6, SocketType.DGRAM);
                s.bind(SockAddr.inet6("::1", 0));
            }
            default -> {
                s = Socket.open(Family.UNIX, SocketType.DGRAM);
                s.bind(SockAddr.unixAbstract(TestKit.uniqueName("dgram-shutdown")));
            }
        }
        if (connected) {
            s.connect(s.getSockName());
        }
        return s;
    }

    private static String show(Socket.Received r) {
        return r.data().length == 0 && r.address() == null ? "(b'', None)" : "(" + r.data().length + " bytes, " + r.address() + ")";
    }

    /** One case, as the python script below prints it: the blocked receive's result, shutdown's errno, a later recv. */
    private static String weftCase(String family, int how, Duration timeout, boolean connected) throws Exception {
        try (Socket s = open(family, connected)) {
            s.setTimeout(timeout);
            TestKit.Started<String> receiver = TestKit.start(true, "dgram-receiver", () -> show(s.recvFrom(100)));
            TestKit.awaitParkedInWeft(receiver.thread());
            String shutdown = "0";
            try {
                s.shutdown(how);
            } catch (IOException e) {
                shutdown = Integer.toString(((OsError) e).nativeErrno());
            }
            String got = receiver.get();
            return family + " " + how + " " + connected + " " + got + " " + shutdown + " " + (s.recv(100).length == 0 ? "b''" : "data");
        }
    }

    @Test
    void aReadShutdownEndsABlockedDatagramReceiveAsTheKernelsBlockingRecvDoes() throws Exception {
        assumeTrue(TestKit.hasPython3(), "python3 is the reference and is not installed");
        assumeTrue(Sockets.supports(Capability.INET6), "no IPv6 loopback here");
        Process p = new ProcessBuilder("python3", "-c", """
                import socket, sys, threading, time
                def case(fam, how, conn):
                    if fam == 'unix':
                        s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM); s.bind('\\0weft-py-%d' % time.monotonic_ns())
                    else:
                        f = socket.AF_INET if fam == 'v4' else socket.AF_INET6
                        s = socket.socket(f, socket.SOCK_DGRAM); s.bind(('127.0.0.1' if fam == 'v4' else '::1', 0))
                    if conn:
                        s.connect(s.getsockname())
                    out = []
                    t = threading.Thread(target=lambda: out.append(repr(s.recvfrom(100)))); t.start(); time.sleep(0.1)
                    err = 0
                    try:
                        s.shutdown(how)
                    except OSError as e:
                        err = e.errno
                    t.join(10)
                    print(fam, how, conn, out[0], err, repr(s.recv(100)))
                for fam in sys.argv[1].split(','):
                    for how in (socket.SHUT_RD, socket.SHUT_RDWR):
                        for conn in (False, True):
                            case(fam, how, conn)
                """, String.join(",", FAMILIES)).redirectErrorStream(true).start();
        String expected = new String(p.getInputStream().readAllBytes()).strip();
        assertEquals(0, p.waitFor(), expected);
        for (Duration mode : new Duration[] {null, Duration.ofSeconds(60)}) {
            List<String> ours = new ArrayList<>();
            for (String family : FAMILIES) {
                for (int how : new int[] {Socket.SHUT_RD, Socket.SHUT_RDWR}) {
                    for (boolean connected : new boolean[] {false, true}) {
                        ours.add(weftCase(family, how, mode, connected).replace("false", "False").replace("true", "True"));
                    }
                }
            }
            assertEquals(expected, String.join("\n", ours), "timeout " + mode);
        }
    }

    @Test
    void recvMsgAndRecvMmsgEndEmptyToo() throws Exception {
        for (String family : FAMILIES.stream().filter(f -> !f.equals("v6")).toList()) {
            try (Socket s = open(family, true)) {
                TestKit.Started<Socket.Message> msg = TestKit.start(true, "recvmsg", () -> s.recvMsg(100, 64, 0));
                TestKit.Started<Integer> batch = TestKit.start(true, "recvmmsg", () -> s.recvMmsg(4, 100, 0).size());
                TestKit.awaitParkedInWeft(msg.thread());
                TestKit.awaitParkedInWeft(batch.thread());
                s.shutdown(Socket.SHUT_RD);
                Socket.Message m = msg.get();
                assertEquals(0, m.data().length);
                assertEquals(List.of(), m.ancillary());
                assertEquals(0, m.flags());
                assertEquals(null, m.address());
                assertEquals(0, batch.get());
            }
        }
    }

    @Test
    void inNonBlockingModeAShutDatagramSocketStillSaysWouldBlock() throws Exception {
        // The kernel's non-blocking recvfrom says EAGAIN after a shutdown, and so does CPython.
        try (Socket s = open("v4", true)) {
            s.shutdown(Socket.SHUT_RD);
            s.setBlocking(false);
            assertThrows(WouldBlockException.class, () -> s.recv(100));
        }
    }

    @Test
    void aStreamsReadShutdownKeepsItsOwnRule() throws Exception {
        try (Sockets.SocketPair pair = Sockets.socketPair()) {
            Socket s = pair.first();
            TestKit.Started<Integer> receiver = TestKit.start(true, "stream-receiver", () -> s.recv(100).length);
            TestKit.awaitParkedInWeft(receiver.thread());
            s.shutdown(Socket.SHUT_RD);
            assertEquals(0, receiver.get(), "end of stream, as before");
            s.setBlocking(false);
            assertEquals(0, s.recv(100).length, "a shut stream reads its end even in non-blocking mode");
        }
    }
}
