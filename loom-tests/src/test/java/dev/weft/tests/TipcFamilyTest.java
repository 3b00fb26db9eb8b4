package dev.weft.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weft.Errno;
import dev.weft.Family;
import dev.weft.OsError;
import dev.weft.SockAddr;
import dev.weft.Socket;
import dev.weft.SocketType;
import dev.weft.TipcTopology;
import dev.weft.WeftTimeoutException;
import dev.weft.WouldBlockException;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code AF_TIPC}: an RDM message to a service name reaches the socket bound to the range
 * holding it, with the sender's socket id as the address (python3 as the peer reads the
 * same id from the same bytes); weft's three modes on an RDM socket; a STREAM connection to
 * a service; binding a socket id ({@code TIPC_ADDR_ID}) is refused by the kernel, an
 * unknown address type by the record.
 */
@Tag(KernelLane.TAG)
class TipcFamilyTest {
    @BeforeEach
    void needsTipc() throws IOException {
        KernelLane.assumeSocket(Family.TIPC, SocketType.RDM, 0, "AF_TIPC");
    }

    @Test
    void anRdmMessageReachesTheBoundNameWithTheSendersId() throws Exception {
        try (Socket srv = Socket.open(Family.TIPC, SocketType.RDM); Socket cli = Socket.open(Family.TIPC, SocketType.RDM)) {
            srv.bind(new SockAddr.Tipc(SockAddr.Tipc.NAMESEQ, 18000, 200, 210));
            srv.setTimeout(TestKit.BOUND);
            cli.sendTo("tipc!".getBytes(), new SockAddr.Tipc(SockAddr.Tipc.NAME, 18000, 205, 0));
            Socket.Received r = srv.recvFrom(64);
            assertArrayEquals("tipc!".getBytes(), r.data());
            SockAddr.Tipc from = (SockAddr.Tipc) r.address();
            assertEquals(SockAddr.Tipc.ID, from.addrType(), "the sender as a socket id");
            assertEquals(cli.getSockName(), from, "the sender's own getsockname");
        }
    }

    @Test
    void pythonReadsTheSameSocketIdFromTheSameBytes() throws Exception {
        String script = """
                import socket, sys
                s = socket.socket(socket.AF_TIPC, socket.SOCK_RDM)
                s.bind((socket.TIPC_ADDR_NAMESEQ, 18001, 1, 1)); s.settimeout(float(sys.argv[1]))
                print("ready", flush=True)
                data, addr = s.recvfrom(64)
                print(" ".join(map(str, addr)), flush=True)
                s.sendto(data[::-1], addr)
                """;
        try (Socket cli = Socket.open(Family.TIPC, SocketType.RDM);
                TestKit.Python py = TestKit.python(script, Long.toString(TestKit.BOUND.toSeconds()))) {
            cli.setTimeout(TestKit.BOUND);
            cli.sendTo("abc".getBytes(), new SockAddr.Tipc(SockAddr.Tipc.NAME, 18001, 1, 0));
            SockAddr.Tipc me = (SockAddr.Tipc) cli.getSockName();
            String expected = me.addrType() + " " + Integer.toUnsignedString(me.v1()) + " " + Integer.toUnsignedString(me.v2())
                    + " 0 " + me.scope();
            assertEquals(expected, py.nextLine(), "python3's (TIPC_ADDR_ID, node, ref, 0, scope) is weft's getsockname");
            Socket.Received back = cli.recvFrom(64);
            assertArrayEquals("cba".getBytes(), back.data(), "python3's reply to the id it received");
            assertEquals(0, py.waitFor(), py.stderr());
        }
    }

    @Test
    void rdmModes() throws Exception {
        try (Socket srv = Socket.open(Family.TIPC, SocketType.RDM); Socket cli = Socket.open(Family.TIPC, SocketType.RDM)) {
            srv.bind(new SockAddr.Tipc(SockAddr.Tipc.NAMESEQ, 18002, 0, 0));
            srv.setTimeout(Duration.ofMillis(100));
            assertThrows(WeftTimeoutException.class, () -> srv.recv(64), "timeout mode");
            srv.setBlocking(false);
            assertThrows(WouldBlockException.class, () -> srv.recv(64), "non-blocking");
            srv.setTimeout(TestKit.BOUND);
            var reader = TestKit.start(true, "tipc-reader", () -> srv.recv(64));
            TestKit.awaitParkedInWeft(reader.thread());
            cli.sendTo("wake".getBytes(), new SockAddr.Tipc(SockAddr.Tipc.NAME, 18002, 0, 0));
            assertArrayEquals("wake".getBytes(), reader.get(), "the reader parked in the poller gets it");
        }
    }

    /**
     * A client of {@code type} connected to a server bound to the service {@code (name, 1)},
     * and the server's accepted end; closing it closes all three.
     */
    private record Connection(Socket srv, Socket cli, Socket conn) implements AutoCloseable {
        static Connection open(SocketType type, int name) throws Exception {
            Socket srv = Socket.open(Family.TIPC, type);
            Socket cli = Socket.open(Family.TIPC, type);
            srv.bind(new SockAddr.Tipc(SockAddr.Tipc.NAMESEQ, name, 1, 1));
            srv.listen();
            srv.setTimeout(TestKit.BOUND);
            cli.setTimeout(TestKit.BOUND);
            // A TIPC connect completes only when the server accepts: connect from another thread.
            var connect = TestKit.start(true, "tipc-connect", () -> {
                cli.connect(new SockAddr.Tipc(SockAddr.Tipc.NAME, name, 1, 0));
                return true;
            });
            Socket conn = srv.accept().socket();
            connect.get();
            conn.setTimeout(TestKit.BOUND);
            return new Connection(srv, cli, conn);
        }

        @Override
        public void close() throws IOException {
            try (srv; cli; conn) {
                // all three, whatever fails
            }
        }
    }

    @Test
    void aStreamConnectsToAServiceWhenItIsAccepted() throws Exception {
        try (Connection c = Connection.open(SocketType.STREAM, 18003)) {
            c.cli().sendAll("stream".getBytes());
            assertArrayEquals("stream".getBytes(), TestKit.recvExactly(c.conn(), 6));
        }
    }

    @Test
    void aSeqpacketConnectionKeepsMessageBoundaries() throws Exception {
        try (Connection c = Connection.open(SocketType.SEQPACKET, 18004)) {
            c.cli().send("a".getBytes());
            c.cli().send("bcd".getBytes());
            assertArrayEquals("a".getBytes(), c.conn().recv(64), "one message per recv");
            assertArrayEquals("bcd".getBytes(), c.conn().recv(64));
            assertEquals(c.cli().getSockName(), c.conn().getPeerName(), "the peer is the client's socket id");
        }
    }

    /**
     * The topology service: a subscription to a range reports a socket binding a name in it
     * (PUBLISHED, with that socket's id and the part of the range bound) and its close
     * (WITHDRAWN), with the subscription echoed; python3 subscribed to the same range with
     * {@code "=5I8s"} reads the same events; a subscription with a timeout ends in
     * SUBSCR_TIMEOUT.
     */
    @Test
    void theTopologyServiceReportsBindingsInASubscribedRange() throws Exception {
        String script = """
                import socket, struct, sys
                t = socket.socket(socket.AF_TIPC, socket.SOCK_SEQPACKET); t.settimeout(float(sys.argv[1]))
                t.connect((socket.TIPC_ADDR_NAME, socket.TIPC_TOP_SRV, socket.TIPC_TOP_SRV, 0))
                t.send(struct.pack("=5I8s", 18200, 0, 100, socket.TIPC_WAIT_FOREVER & 0xffffffff, socket.TIPC_SUB_PORTS, b"python"))
                print("ready", flush=True)
                for _ in range(2):
                    ev, lo, up, ref, node = struct.unpack("=5I28x", t.recv(48))
                    print(ev, lo, up, ref, node, flush=True)
                """;
        try (Socket top = Socket.open(Family.TIPC, SocketType.SEQPACKET);
                TestKit.Python py = TestKit.python(script, Long.toString(TestKit.BOUND.toSeconds()))) {
            top.setTimeout(TestKit.BOUND);
            top.connect(TipcTopology.SERVICE);
            var sub = new TipcTopology.Subscription(18200, 0, 100, TipcTopology.WAIT_FOREVER, TipcTopology.SUB_PORTS, "weft".getBytes());
            top.send(sub.toBytes());
            Socket bound = Socket.open(Family.TIPC, SocketType.RDM);
            SockAddr.Tipc id;
            try (bound) {
                bound.bind(new SockAddr.Tipc(SockAddr.Tipc.NAMESEQ, 18200, 10, 20));
                id = (SockAddr.Tipc) bound.getSockName();
                TipcTopology.Event e = TipcTopology.Event.of(top.recv(TipcTopology.Event.SIZE));
                assertEquals(TipcTopology.PUBLISHED, e.event());
                assertEquals(10, e.foundLower());
                assertEquals(20, e.foundUpper());
                assertEquals(id.v1(), e.node(), "the bound socket's node");
                assertEquals(id.v2(), e.ref(), "and its reference");
                assertEquals(sub, e.subscription(), "the subscription, handle included");
                assertEquals(TipcTopology.PUBLISHED + " 10 20 " + Integer.toUnsignedString(id.v2()) + " " + Integer.toUnsignedString(id.v1()),
                        py.nextLine(), "python3's event");
            }
            TipcTopology.Event w = TipcTopology.Event.of(top.recv(TipcTopology.Event.SIZE));
            assertEquals(TipcTopology.WITHDRAWN, w.event(), "closing the socket withdraws its name");
            assertEquals(id.v2(), w.ref());
            assertEquals(TipcTopology.WITHDRAWN + " 10 20 " + Integer.toUnsignedString(id.v2()) + " " + Integer.toUnsignedString(id.v1()),
                    py.nextLine());
            var brief = new TipcTopology.Subscription(18201, 0, 0, 100, TipcTopology.SUB_SERVICE, new byte[0]);
            top.send(brief.toBytes());
            TipcTopology.Event timeout = TipcTopology.Event.of(top.recv(TipcTopology.Event.SIZE));
            assertEquals(TipcTopology.SUBSCR_TIMEOUT, timeout.event(), "nothing bound in 100 ms");
            assertEquals(brief, timeout.subscription());
            assertEquals(0, py.waitFor(), py.stderr());
        }
        assertThrows(IllegalArgumentException.class, () -> new TipcTopology.Subscription(1, 0, 0, 0, 0, new byte[0]), "no filter bits");
    }

    @Test
    void aWrongAddressTypeIsAClearErrorAndLeaksNothing() throws Exception {
        TestKit.FdCounts before = TestKit.FdCounts.now();
        try (Socket s = Socket.open(Family.TIPC, SocketType.RDM)) {
            SockAddr.Tipc id = (SockAddr.Tipc) s.getSockName();
            IOException e = assertThrows(IOException.class, () -> s.bind(id), "binding a socket id");
            assertEquals(Errno.EAFNOSUPPORT, ((OsError) e).errno(), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> new SockAddr.Tipc(4, 1, 2, 3), "no address type 4");
        assertThrows(IllegalArgumentException.class, () -> new SockAddr.Tipc(0, 1, 2, 3), "nor 0");
        TestKit.assertNoFdLeak(before);
    }
}
