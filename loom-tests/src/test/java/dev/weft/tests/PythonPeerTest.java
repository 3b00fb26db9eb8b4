package dev.weft.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.Capability;
import dev.weft.Family;
import dev.weft.SockAddr;
import dev.weft.Socket;
import dev.weft.SocketType;
import dev.weft.Sockets;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * CPython's own {@code socket} module as the other end: an echo server in {@code python3}
 * over TCP and over an abstract AF_UNIX name, and a weft client talking to it.
 */
class PythonPeerTest {

    /**
     * One-connection echo server. argv[1] is "tcp" or "unix"; for unix argv[2] is the abstract
     * name. Prints the port (or "ready") once listening, echoes until the client shuts down
     * its side, then reports how many bytes it echoed on stdout.
     */
    static final String ECHO_SERVER = """
            import socket, sys
            kind = sys.argv[1]
            if kind == "tcp":
                srv = socket.create_server(("127.0.0.1", 0))
                print(srv.getsockname()[1], flush=True)
            else:
                srv = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
                srv.bind(b"\\0" + sys.argv[2].encode())
                srv.listen()
                print("ready", flush=True)
            srv.settimeout(30)
            conn, addr = srv.accept()
            conn.settimeout(30)
            total = 0
            with conn:
                while True:
                    data = conn.recv(65536)
                    if not data:
                        break
                    conn.sendall(data)
                    total += len(data)
            print(total, flush=True)
            """;

    @BeforeAll
    static void needPython() {
        Assumptions.assumeTrue(TestKit.hasPython3(), "python3 with its socket module is not installed");
    }

    @Test
    void weftClientTalksToAPythonTcpEchoServer() throws Exception {
        try (TestKit.Python py = TestKit.python(ECHO_SERVER, "tcp")) {
            int port = Integer.parseInt(py.firstLine);
            try (Socket c = Sockets.createConnection("127.0.0.1", port, Duration.ofSeconds(10), null)) {
                assertEquals(Family.INET, c.family());
                exchange(c, py);
            }
        }
    }

    @Test
    void weftClientTalksToAPythonAbstractUnixEchoServer() throws Exception {
        Assumptions.assumeTrue(Sockets.supports(Capability.UNIX_ABSTRACT), "needs Linux's abstract AF_UNIX namespace");
        String name = TestKit.uniqueName("py-echo");
        try (TestKit.Python py = TestKit.python(ECHO_SERVER, "unix", name)) {
            assertEquals("ready", py.firstLine);
            try (Socket c = Socket.open(Family.UNIX, SocketType.STREAM)) {
                c.setTimeout(Duration.ofSeconds(10));
                c.connect(SockAddr.unixAbstract(name));
                assertEquals(SockAddr.unixAbstract(name), c.getPeerName());
                exchange(c, py);
            }
        }
    }

    /** Small, then large data (echoed while still sending), then end of stream; Python counts what it echoed. */
    private static void exchange(Socket c, TestKit.Python py) throws Exception {
        byte[] hello = "hello from weft".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        c.sendAll(hello);
        assertArrayEquals(hello, TestKit.inVirtualThread(() -> TestKit.recvExactly(c, hello.length)));

        byte[] big = TestKit.randomBytes(2 << 20, 17);
        TestKit.Started<Void> writer = TestKit.start(true, "writer", () -> {
            c.sendAll(big);
            c.shutdown(Socket.SHUT_WR);
            return null;
        });
        byte[] back = TestKit.inVirtualThread(() -> TestKit.readToEof(c));
        writer.get();
        assertArrayEquals(big, back);
        assertEquals(Integer.toString(hello.length + big.length), py.nextLine(), "bytes Python echoed; " + py.stderr());
        assertEquals(0, py.waitFor(), py.stderr());
    }
}
