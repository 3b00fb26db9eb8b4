package dev.weft.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.SockAddr;
import dev.weft.Socket;
import dev.weft.Sockets;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import dev.weft.tlstest.TestPki;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** weft's TLS against real peers the test starts: Debian's {@code openssl s_server}/{@code s_client} and python3's {@code ssl}. */
class TlsPeerTest {
    @TempDir
    static Path dir;
    static TestPki pki;
    private final List<Process> peers = new ArrayList<>();

    @BeforeAll
    static void pki() throws Exception {
        pki = TestPki.create(dir);
    }

    @AfterEach
    void stopPeers() throws InterruptedException {
        for (Process p : peers) {
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private Process start(String... cmd) throws IOException {
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        peers.add(p);
        return p;
    }

    /** {@code openssl s_server -rev} with certificate {@code cert}; returns its port once it listens. */
    private int sServer(String cert, BufferedReader[] out) throws IOException {
        Process p = start("openssl", "s_server", "-accept", "127.0.0.1:0", "-cert", cert + ".pem", "-key", cert + ".key",
                "-rev", "-naccept", "1");
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        out[0] = r;
        for (String line; (line = r.readLine()) != null; ) {
            if (line.startsWith("ACCEPT ")) {
                return Integer.parseInt(line.substring(line.lastIndexOf(':') + 1).trim());
            }
        }
        throw new IOException("openssl s_server did not start");
    }

    private static TlsSocket connect(int port, String hostname) throws Exception {
        Socket plain = Sockets.createConnection(SockAddr.inet("127.0.0.1", port), Duration.ofSeconds(10), null);
        TlsSocket t = TlsSocket.client(plain, pki.clientContext(), hostname);
        t.setTimeout(Duration.ofSeconds(20));
        return t;
    }

    private static String readLine(TlsSocket t) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (;;) {
            byte[] b = t.recv(1);
            if (b.length == 0 || b[0] == '\n') {
                return sb.toString();
            }
            sb.append((char) b[0]);
        }
    }

    @Test
    void clientTalksToOpensslServer() throws Exception {
        BufferedReader[] out = new BufferedReader[1];
        int port = sServer("localhost", out);
        try (TlsSocket t = connect(port, "localhost")) {
            t.sendAll("hello weft\n".getBytes());
            // -rev first greets with a line of its own, then answers each line reversed.
            String line;
            do {
                line = readLine(t);
            } while (!line.equals("tfew olleh"));
            assertEquals("TLSv1.3", t.session().getProtocol());
        }
    }

    @Test
    void aServerCertificateNoOneTrustsFailsWithSslHandshakeExceptionAndLeaksNothing() throws Exception {
        BufferedReader[] out = new BufferedReader[1];
        int port = sServer("rogue", out);
        int before = TestPki.openSockets();
        TlsSocket t = connect(port, "localhost");
        SSLHandshakeException e = assertThrows(SSLHandshakeException.class, t::handshake);
        assertTrue(e.getMessage().contains("certification path") || e.getMessage().contains("PKIX"), e.getMessage());
        assertFalse(t.isOpen());
        assertFalse(t.plain().isOpen(), "the plain socket is closed with it");
        assertEquals(before, TestPki.openSockets(), "no socket left open");
    }

    @Test
    void aServerCertificateForAnotherHostFailsTheHandshake() throws Exception {
        BufferedReader[] out = new BufferedReader[1];
        int port = sServer("other", out);
        TlsSocket t = connect(port, "localhost");
        SSLHandshakeException e = assertThrows(SSLHandshakeException.class, () -> t.sendAll("x\n".getBytes()));
        assertTrue(e.getMessage().contains("localhost"), e.getMessage());
        assertFalse(t.plain().isOpen());
    }

    @Test
    void serverAnswersOpensslClientThatVerifiesTheName() throws Exception {
        try (Socket l = Sockets.createServer(SockAddr.inet("127.0.0.1", 0))) {
            int port = ((SockAddr.Inet4) l.getSockName()).port();
            Process c = start("openssl", "s_client", "-connect", "127.0.0.1:" + port, "-CAfile", "ca.pem",
                    "-servername", "localhost", "-verify_hostname", "localhost", "-verify_return_error", "-brief");
            BlockingQueue<String> lines = new LinkedBlockingQueue<>();
            Thread.ofVirtual().start(() -> new BufferedReader(new InputStreamReader(c.getInputStream(), StandardCharsets.UTF_8))
                    .lines().forEach(lines::add));
            l.setTimeout(Duration.ofSeconds(20));
            try (TlsSocket s = TlsSocket.server(l.accept().socket(), pki.serverContext("localhost"))) {
                s.setTimeout(Duration.ofSeconds(20));
                s.handshake(); // s_client reads its input once connected
                OutputStream in = c.getOutputStream();
                in.write("ping\n".getBytes());
                in.flush();
                assertEquals("ping", readLine(s));
                s.sendAll("pong\n".getBytes());
                String line;
                do {
                    line = lines.poll(20, TimeUnit.SECONDS);
                } while (line != null && !line.equals("pong"));
                assertEquals("pong", line, () -> "s_client said " + lines);
                in.close(); // without -quiet (which implies -ign_eof), s_client ends the session at end of input
                assertEquals(0, s.recv(10).length, "s_client's close reads as end of stream");
            }
            assertTrue(c.waitFor(20, TimeUnit.SECONDS));
        }
    }

    private static void assumePythonSsl() throws Exception {
        Assumptions.assumeTrue(TestPki.onPath("python3"), "python3 is not installed");
        Process p = new ProcessBuilder("python3", "-c", "import ssl").start();
        Assumptions.assumeTrue(p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0, "python3 has no ssl module");
    }

    @Test
    void clientSendsSniToAPythonServer() throws Exception {
        assumePythonSsl();
        Path py = dir.resolve("server.py");
        Files.writeString(py, """
                import socket, ssl, sys
                ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
                ctx.load_cert_chain('localhost.pem', 'localhost.key')
                seen = []
                ctx.sni_callback = lambda s, name, c: seen.append(name)
                l = socket.create_server(('127.0.0.1', 0))
                print(l.getsockname()[1], flush=True)
                c, _ = l.accept()
                with ctx.wrap_socket(c, server_side=True) as t:
                    data = t.recv(100)
                    t.sendall(b'sni=' + seen[0].encode() + b' ' + data)
                    t.unwrap()
                """);
        Process p = start("python3", py.toString());
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        int port = Integer.parseInt(r.readLine().trim());
        try (TlsSocket t = connect(port, "localhost")) {
            t.sendAll("hi".getBytes());
            assertEquals("sni=localhost hi", new String(t.recv(100)));
            assertEquals(0, t.recv(100).length, "python's unwrap() sent close_notify");
        }
        assertTrue(p.waitFor(20, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), () -> "python: " + r.lines().toList());
    }

    @Test
    void serverClosesWithCloseNotifyThatAStrictPythonClientChecks() throws Exception {
        assumePythonSsl();
        Path py = dir.resolve("client.py");
        // suppress_ragged_eofs=False: an end without close_notify would raise SSLEOFError.
        Files.writeString(py, """
                import socket, ssl, sys
                ctx = ssl.create_default_context(cafile='ca.pem')
                with socket.create_connection(('127.0.0.1', int(sys.argv[1]))) as c:
                    with ctx.wrap_socket(c, server_hostname='localhost', suppress_ragged_eofs=False) as t:
                        t.sendall(b'hello')
                        got = b''
                        while True:
                            d = t.recv(100)
                            if not d: break
                            got += d
                        print(got.decode(), t.version(), flush=True)
                """);
        try (Socket l = Sockets.createServer(SockAddr.inet("127.0.0.1", 0))) {
            int port = ((SockAddr.Inet4) l.getSockName()).port();
            Process p = start("python3", py.toString(), String.valueOf(port));
            l.setTimeout(Duration.ofSeconds(20));
            try (TlsSocket s = TlsSocket.server(l.accept().socket(), pki.serverContext("localhost"))) {
                s.setTimeout(Duration.ofSeconds(20));
                byte[] b = s.recv(100);
                s.sendAll(("echo " + new String(b)).getBytes());
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            assertTrue(p.waitFor(20, TimeUnit.SECONDS));
            List<String> lines = r.lines().toList();
            assertEquals(0, p.exitValue(), () -> "python: " + lines);
            assertEquals(List.of("echo hello TLSv1.3"), lines);
        }
    }
}
