package dev.weft.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.tlstest.TestPki;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JDK's own {@link SSLSocket}, layered with {@code SSLSocketFactory.createSocket(socket,
 * host, port, autoClose)} over a {@code java.net.Socket} from {@link WeftSocketFactory}, talks
 * to a real TLS peer ({@code openssl s_server}, started by the test): existing code that
 * layers TLS this way runs on weft unchanged.
 */
class SslSocketOverAdapterTest {
    @TempDir
    static Path dir;
    static TestPki pki;
    private Process server;

    @BeforeAll
    static void pki() throws Exception {
        Assumptions.assumeTrue(available("openssl", "version"), "openssl is not installed (Debian: apt-get install openssl)");
        pki = TestPki.create(dir);
    }

    private static boolean available(String... cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (server != null) {
            server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** {@code openssl s_server -rev} presenting certificate {@code cert}: its port once it listens. */
    private int sServer(String cert) throws IOException {
        server = new ProcessBuilder("openssl", "s_server", "-accept", "127.0.0.1:0", "-cert", cert + ".pem",
                "-key", cert + ".key", "-rev", "-naccept", "1").directory(dir.toFile()).redirectErrorStream(true).start();
        BufferedReader r = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        for (String line; (line = r.readLine()) != null; ) {
            if (line.startsWith("ACCEPT ")) {
                return Integer.parseInt(line.substring(line.lastIndexOf(':') + 1).trim());
            }
        }
        throw new IOException("openssl s_server did not start");
    }

    private static SSLSocket layer(java.net.Socket plain, int port, String host) throws Exception {
        SSLSocket s = (SSLSocket) pki.clientContext().getSocketFactory().createSocket(plain, host, port, true);
        SSLParameters p = s.getSSLParameters();
        p.setEndpointIdentificationAlgorithm("HTTPS");
        s.setSSLParameters(p);
        s.setSoTimeout(20_000);
        return s;
    }

    @Test
    void theJdksSslSocketOverTheAdapterTalksToOpenssl() throws Exception {
        int port = sServer("localhost");
        java.net.Socket plain = new WeftSocketFactory().createSocket("127.0.0.1", port);
        assertTrue(WeftSockets.unwrap(plain).isPresent(), "the layer below is weft's");
        try (SSLSocket s = layer(plain, port, "localhost")) {
            s.startHandshake();
            OutputStream out = s.getOutputStream();
            out.write("hello weft\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
            String line;
            do {
                line = in.readLine(); // -rev greets with a line of its own, then answers each line reversed
            } while (line != null && !line.equals("tfew olleh"));
            assertEquals("tfew olleh", line);
            assertEquals("TLSv1.3", s.getSession().getProtocol());
        }
        assertTrue(plain.isClosed(), "autoClose: closing the TLS layer closes weft's socket");
    }

    @Test
    void aCertificateForAnotherHostFailsTheHandshakeAndAutoCloseClosesWeftsSocket() throws Exception {
        int port = sServer("other");
        java.net.Socket plain = new WeftSocketFactory().createSocket("127.0.0.1", port);
        SSLSocket s = layer(plain, port, "localhost");
        assertThrows(SSLHandshakeException.class, s::startHandshake);
        s.close();
        assertTrue(plain.isClosed());
        assertTrue(WeftSockets.unwrap(plain).map(w -> !w.isOpen()).orElse(false), "the weft socket is closed too");
    }
}
