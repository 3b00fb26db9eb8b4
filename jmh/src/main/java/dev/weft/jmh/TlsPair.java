package dev.weft.jmh;

import dev.weft.Socket;
import dev.weft.tls.TlsSocket;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS connections for the benchmarks' {@code Tls} cases: weft's {@link TlsSocket} over a weft
 * TCP pair, and its twin, the JDK's {@link SSLSocket} layered over a {@code java.net.Socket}
 * pair. Same context (a throwaway EC P-256 certificate for localhost made with the JDK's
 * keytool), same protocol (TLS 1.3) and cipher suite, name verification on for both clients.
 */
final class TlsPair {
    private TlsPair() {}

    private static final String PASS = "benchpw";
    private static SSLContext context;
    // Not a monitor: the first caller waits for keytool, and a virtual thread parked under
    // a monitor would pin its carrier on JDK 21.
    private static final ReentrantLock CONTEXT_LOCK = new ReentrantLock();

    /** The context both sides use: it presents the certificate and trusts it. */
    static SSLContext context() throws IOException {
        CONTEXT_LOCK.lock();
        try {
            return context != null ? context : (context = newContext());
        } finally {
            CONTEXT_LOCK.unlock();
        }
    }

    private static SSLContext newContext() throws IOException {
        try {
            Path dir = Files.createTempDirectory("weft-bench-tls");
            Path ks = dir.resolve("bench.p12");
            String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
            Process p = new ProcessBuilder(keytool, "-genkeypair", "-alias", "bench", "-keyalg", "EC",
                    "-groupname", "secp256r1", "-dname", "CN=localhost", "-ext", "san=dns:localhost,ip:127.0.0.1",
                    "-validity", "2", "-keystore", ks.toString(), "-storetype", "PKCS12",
                    "-storepass", PASS, "-keypass", PASS).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException("keytool failed: " + out);
            }
            KeyStore store = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(ks)) {
                store.load(in, PASS.toCharArray());
            }
            Files.delete(ks);
            Files.delete(dir);
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(store, PASS.toCharArray());
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(store);
            SSLContext c = SSLContext.getInstance("TLSv1.3");
            c.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
            return c;
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e);
        }
    }

    /** weft's TLS over {@code read}/{@code sendAll}-style calls. */
    record Weft(TlsSocket t) implements Conn {
        @Override
        public void writeFully(ByteBuffer b) throws IOException {
            t.sendAll(b);
        }

        @Override
        public int read(ByteBuffer b) throws IOException {
            int n = t.recvInto(b);
            return n == 0 && b.hasRemaining() ? -1 : n;
        }

        @Override
        public void close() throws IOException {
            t.close();
        }
    }

    /** The JDK's SSLSocket through its streams (heap buffers only). */
    record Jdk(SSLSocket s, InputStream in, OutputStream out) implements Conn {
        Jdk(SSLSocket s) throws IOException {
            this(s, s.getInputStream(), s.getOutputStream());
        }

        @Override
        public void writeFully(ByteBuffer b) throws IOException {
            out.write(b.array(), b.arrayOffset() + b.position(), b.remaining());
            b.position(b.limit());
        }

        @Override
        public int read(ByteBuffer b) throws IOException {
            int n = in.read(b.array(), b.arrayOffset() + b.position(), b.remaining());
            if (n > 0) {
                b.position(b.position() + n);
            }
            return n;
        }

        @Override
        public void close() throws IOException {
            s.close();
        }
    }

    /** A loopback TCP connection (TCP_NODELAY) with TLS over it, handshake done. */
    static Conn.Pair open(String impl) throws IOException {
        SSLContext ctx = context();
        return switch (impl) {
            case Conn.WEFT -> {
                Conn.Pair plain = Conn.tcp(Conn.WEFT);
                Socket c = ((Conn.Weft) plain.client()).s();
                Socket a = ((Conn.Weft) plain.server()).s();
                TlsSocket client = TlsSocket.client(c, ctx, "localhost");
                TlsSocket server = TlsSocket.server(a, ctx);
                handshake(client::handshake, server::handshake);
                yield new Conn.Pair(new Weft(client), new Weft(server), plain.rest());
            }
            case Conn.JDK -> {
                ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
                java.net.Socket c = new java.net.Socket(InetAddress.getLoopbackAddress(), listener.getLocalPort());
                java.net.Socket a = listener.accept();
                c.setTcpNoDelay(true);
                a.setTcpNoDelay(true);
                SSLSocket client = (SSLSocket) ctx.getSocketFactory().createSocket(c, "localhost", listener.getLocalPort(), true);
                SSLParameters p = client.getSSLParameters();
                p.setEndpointIdentificationAlgorithm("HTTPS");
                client.setSSLParameters(p);
                SSLSocket server = (SSLSocket) ctx.getSocketFactory().createSocket(a, null, true);
                server.setUseClientMode(false);
                handshake(client::startHandshake, server::startHandshake);
                yield new Conn.Pair(new Jdk(client), new Jdk(server), listener);
            }
            default -> throw new IllegalArgumentException("impl " + impl);
        };
    }

    interface Step {
        void run() throws IOException;
    }

    private static void handshake(Step client, Step server) throws IOException {
        CompletableFuture<Void> s = CompletableFuture.runAsync(() -> {
            try {
                server.run();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, r -> Thread.ofVirtual().start(r));
        client.run();
        s.join();
    }
}
