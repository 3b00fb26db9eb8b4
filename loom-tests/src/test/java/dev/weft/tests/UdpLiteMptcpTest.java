package dev.weft.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.Family;
import dev.weft.SockAddr;
import dev.weft.SockOpt;
import dev.weft.Socket;
import dev.weft.SocketType;
import dev.weft.Sockets;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Protocols by number on INET sockets, with python3 as the peer on loopback: UDP-Lite
 * ({@code IPPROTO_UDPLITE}) whose {@code UDPLITE_SEND_CSCOV} coverage a receiver's
 * {@code UDPLITE_RECV_CSCOV} accepts or drops as the kernel rules; MPTCP
 * ({@code IPPROTO_MPTCP}) echoing on a stream socket.
 */
class UdpLiteMptcpTest {
    private static final int UDPLITE = Sockets.constant("IPPROTO_UDPLITE", -1);
    private static final int MPTCP = Sockets.constant("IPPROTO_MPTCP", -1);

    private static Socket open(SocketType type, int proto, String what) {
        Assumptions.assumeTrue(proto >= 0, "this OS has no " + what);
        try {
            return Socket.open(Family.INET, type, proto);
        } catch (IOException e) {
            Assumptions.abort("this kernel has no " + what + ": " + e.getMessage());
            return null;
        }
    }

    /**
     * python3 requires coverage 20: weft's datagram covering 8 bytes (partial, under 20) is
     * dropped by python3's kernel socket; 24 and full coverage arrive. Then python3 sends
     * with coverage 8 and weft, requiring none, receives it.
     */
    @Test
    void udpLiteChecksumCoverageIsSentAndEnforcedAgainstPython() throws Exception {
        try (Socket s = open(SocketType.DGRAM, UDPLITE, "UDP-Lite")) {
            s.bind(SockAddr.inet("127.0.0.1", 0));
            s.setTimeout(Duration.ofSeconds(20));
            assertEquals(UDPLITE, s.getOption(SockOpt.SO_PROTOCOL), "SO_PROTOCOL");
            Process py = new ProcessBuilder("python3", "-c", """
                    import socket, sys
                    r = socket.socket(socket.AF_INET, socket.SOCK_DGRAM, socket.IPPROTO_UDPLITE)
                    r.setsockopt(socket.IPPROTO_UDPLITE, socket.UDPLITE_RECV_CSCOV, 20)
                    r.bind(('127.0.0.1', 0))
                    r.settimeout(20)
                    print(r.getsockname()[1], flush=True)
                    got = []
                    while len(got) < 2:
                        d, a = r.recvfrom(256)
                        got.append(d[:6].decode())
                    print(' '.join(got), flush=True)
                    t = socket.socket(socket.AF_INET, socket.SOCK_DGRAM, socket.IPPROTO_UDPLITE)
                    t.setsockopt(socket.IPPROTO_UDPLITE, socket.UDPLITE_SEND_CSCOV, 8)
                    t.sendto(b'py-cov8'.ljust(40, b'.'), ('127.0.0.1', int(sys.argv[1])))
                    """, String.valueOf(((SockAddr.Inet4) s.getSockName()).port())).redirectErrorStream(true).start();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(py.getInputStream(), StandardCharsets.UTF_8))) {
                int port = Integer.parseInt(out.readLine().trim());
                SockAddr to = SockAddr.inet("127.0.0.1", port);
                s.setOption(SockOpt.UDPLITE_SEND_CSCOV, 8);
                assertEquals(8, s.getOption(SockOpt.UDPLITE_SEND_CSCOV), "read back");
                s.sendTo(pad("cov-08"), to);
                s.setOption(SockOpt.UDPLITE_SEND_CSCOV, 24);
                s.sendTo(pad("cov-24"), to);
                s.setOption(SockOpt.UDPLITE_SEND_CSCOV, 0);
                s.sendTo(pad("full.."), to);
                assertEquals("cov-24 full..", out.readLine(), "python3 received: coverage 8 < 20 was dropped");
                Socket.Received r = s.recvFrom(256);
                assertEquals("py-cov8", new String(r.data(), 0, 7, StandardCharsets.US_ASCII));
                assertEquals(40, r.data().length);
                assertTrue(py.waitFor(30, TimeUnit.SECONDS), "python3 ends");
                assertEquals(0, py.exitValue());
            } finally {
                py.destroyForcibly();
                py.waitFor(30, TimeUnit.SECONDS);
                PacketVethTest.closePipes(py);
            }
            s.setOption(SockOpt.UDPLITE_RECV_CSCOV, 20);
            assertEquals(20, s.getOption(SockOpt.UDPLITE_RECV_CSCOV), "read back");
        }
    }

    private static byte[] pad(String marker) {
        return Arrays.copyOf(marker.getBytes(StandardCharsets.US_ASCII), 40);
    }

    @Test
    void mptcpEchoesOverLoopbackWithPython() throws Exception {
        Path enabled = Path.of("/proc/sys/net/mptcp/enabled");
        Assumptions.assumeTrue(Files.isReadable(enabled) && Files.readString(enabled).trim().equals("1"),
                "MPTCP is off or absent here (net.mptcp.enabled)");
        try (Socket listener = open(SocketType.STREAM, MPTCP, "MPTCP")) {
            assertEquals(MPTCP, listener.getOption(SockOpt.SO_PROTOCOL), "SO_PROTOCOL");
            listener.bind(SockAddr.inet("127.0.0.1", 0));
            listener.listen(4);
            listener.setTimeout(Duration.ofSeconds(20));
            int port = ((SockAddr.Inet4) listener.getSockName()).port();
            Process py = new ProcessBuilder("python3", "-c", """
                    import socket, sys
                    c = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_MPTCP)
                    c.settimeout(20)
                    c.connect(('127.0.0.1', int(sys.argv[1])))
                    c.sendall(b'over-mptcp')
                    c.shutdown(socket.SHUT_WR)
                    got = b''
                    while True:
                        d = c.recv(100)
                        if not d: break
                        got += d
                    print(got.decode(), c.getsockopt(socket.SOL_SOCKET, socket.SO_PROTOCOL), flush=True)
                    """, String.valueOf(port)).redirectErrorStream(true).start();
            try (Socket conn = listener.accept().socket()) {
                assertEquals(MPTCP, conn.getOption(SockOpt.SO_PROTOCOL), "the accepted socket is MPTCP");
                List<Byte> all = new ArrayList<>();
                for (byte[] d; (d = conn.recv(100)).length > 0;) {
                    for (byte b : d) {
                        all.add(b);
                    }
                }
                byte[] got = new byte[all.size()];
                for (int i = 0; i < got.length; i++) {
                    got[i] = all.get(i);
                }
                assertArrayEquals("over-mptcp".getBytes(StandardCharsets.US_ASCII), got);
                conn.sendAll(got);
            }
            String out = new String(py.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            assertTrue(py.waitFor(30, TimeUnit.SECONDS), "python3 ends");
            PacketVethTest.closePipes(py);
            assertEquals("over-mptcp " + MPTCP, out, "python3's echo and its SO_PROTOCOL");
        }
    }
}
