package dev.weft.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.Family;
import dev.weft.SockAddr;
import dev.weft.Socket;
import dev.weft.SocketType;
import dev.weft.Sockets;
import java.io.IOException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code AF_RDS} over loopback, as CPython's RDSTest: SEQPACKET sockets bound to
 * {@code (127.0.0.1, 0)} exchange a datagram by {@code sendto}, the receiver names the
 * sender's {@code AF_INET} address, python3 as the peer reads it the same; reads in every mode.
 */
@Tag(KernelLane.TAG)
class RdsFamilyTest {
    @BeforeEach
    void needsRds() throws IOException {
        KernelLane.assumeSocket(Family.RDS, SocketType.SEQPACKET, 0, "AF_RDS");
    }

    private static Socket bound() throws IOException {
        Socket s = Socket.open(Family.RDS, SocketType.SEQPACKET);
        s.bind(SockAddr.inet("127.0.0.1", 0));
        s.setTimeout(TestKit.BOUND);
        return s;
    }

    @Test
    void aDatagramReachesTheBoundAddressAndNamesItsSender() throws Exception {
        try (Socket srv = bound(); Socket cli = bound()) {
            cli.sendTo("rds!".getBytes(), srv.getSockName());
            Socket.Received r = srv.recvFrom(64);
            assertArrayEquals("rds!".getBytes(), r.data());
            assertEquals(cli.getSockName(), r.address(), "from the sender's (host, port)");
            assertArrayEquals("more".getBytes(), TestKit.readModes(srv, () -> cli.sendTo("more".getBytes(), srv.getSockName())));
        }
    }

    /**
     * AF_RDS's sendmsg refuses MSG_NOSIGNAL (EOPNOTSUPP): a family rule, so a socket adopted
     * with fromfd, which the provider did not open, sends without it too.
     */
    @Test
    void anAdoptedSocketSendsToo() throws Exception {
        try (Socket opened = bound(); Socket cli = Sockets.fromFd(opened.fileno()); Socket srv = bound()) {
            cli.sendTo("adopted".getBytes(), srv.getSockName());
            assertArrayEquals("adopted".getBytes(), srv.recv(64));
        }
    }

    @Test
    void pythonReadsTheSameSender() throws Exception {
        String script = """
                import socket, sys
                s = socket.socket(socket.PF_RDS, socket.SOCK_SEQPACKET, 0); s.settimeout(float(sys.argv[1]))
                s.bind(("127.0.0.1", 0)); print(s.getsockname()[1], flush=True)
                data, addr = s.recvfrom(64); print("%s %d" % addr, flush=True)
                s.sendto(data[::-1], addr)
                """;
        try (Socket cli = bound(); TestKit.Python py = TestKit.python(script, Long.toString(TestKit.BOUND.toSeconds()))) {
            cli.sendTo("abc".getBytes(), SockAddr.inet("127.0.0.1", Integer.parseInt(py.firstLine)));
            SockAddr.Inet4 me = (SockAddr.Inet4) cli.getSockName();
            assertEquals(me.host() + " " + me.port(), py.nextLine(), "python3's recvfrom address is weft's getsockname");
            assertArrayEquals("cba".getBytes(), cli.recv(64));
            assertEquals(0, py.waitFor(), py.stderr());
        }
    }
}
