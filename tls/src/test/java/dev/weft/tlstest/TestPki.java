package dev.weft.tlstest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Assumptions;

/**
 * A throwaway PKI made by Debian's openssl in a temporary directory: a CA, certificates it
 * signs for {@code localhost}/127.0.0.1 and for {@code other.example}, and a self-signed
 * {@code localhost} certificate no one trusts. Skips the test when openssl is missing.
 * In a package of its own: weft-server's tests use it from weft-tls's test jar, where a
 * class in package {@code dev.weft.tls} would be hidden by the named module.
 */
public final class TestPki {
    public static final String PASSWORD = "weft";
    public final Path dir;

    private TestPki(Path dir) {
        this.dir = dir;
    }

    /** Makes the PKI in {@code dir}, or skips the calling test with the reason. */
    public static TestPki create(Path dir) throws IOException, InterruptedException {
        Assumptions.assumeTrue(onPath("openssl"), "openssl is not installed (apt-get install openssl)");
        TestPki pki = new TestPki(dir);
        pki.run("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                "-keyout", "ca.key", "-out", "ca.pem", "-days", "2", "-subj", "/CN=weft test CA");
        pki.leaf("localhost", "DNS:localhost,IP:127.0.0.1");
        pki.leaf("other", "DNS:other.example");
        pki.run("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                "-keyout", "rogue.key", "-out", "rogue.pem", "-days", "2", "-subj", "/CN=localhost",
                "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1");
        pki.p12("rogue", false);
        return pki;
    }

    private void leaf(String name, String san) throws IOException, InterruptedException {
        run("openssl", "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                "-keyout", name + ".key", "-out", name + ".csr", "-subj", "/CN=" + name);
        Files.writeString(dir.resolve(name + ".ext"),
                "subjectAltName=" + san + "\nextendedKeyUsage=serverAuth,clientAuth\n");
        run("openssl", "x509", "-req", "-in", name + ".csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
                "-out", name + ".pem", "-days", "2", "-extfile", name + ".ext");
        p12(name, true);
    }

    private void p12(String name, boolean withCa) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("openssl", "pkcs12", "-export", "-in", name + ".pem",
                "-inkey", name + ".key", "-out", name + ".p12", "-passout", "pass:" + PASSWORD, "-name", name));
        if (withCa) {
            cmd.addAll(List.of("-certfile", "ca.pem"));
        }
        run(cmd.toArray(String[]::new));
    }

    /** {@code <name>.pem} (certificate) or {@code <name>.key}, for openssl and python peers. */
    public Path file(String name) {
        return dir.resolve(name);
    }

    /** A context that presents certificate {@code name} ("localhost", "other", "rogue") and trusts the CA. */
    public SSLContext serverContext(String name) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(dir.resolve(name + ".p12"))) {
            ks.load(in, PASSWORD.toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, PASSWORD.toCharArray());
        SSLContext c = SSLContext.getInstance("TLS");
        c.init(kmf.getKeyManagers(), trustManagers().getTrustManagers(), null);
        return c;
    }

    /** A context that trusts only the CA. */
    public SSLContext clientContext() throws Exception {
        SSLContext c = SSLContext.getInstance("TLS");
        c.init(null, trustManagers().getTrustManagers(), null);
        return c;
    }

    private TrustManagerFactory trustManagers() throws Exception {
        KeyStore ts = KeyStore.getInstance("PKCS12");
        ts.load(null, null);
        try (InputStream in = Files.newInputStream(dir.resolve("ca.pem"))) {
            ts.setCertificateEntry("ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ts);
        return tmf;
    }

    private void run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", cmd) + " failed: " + out);
        }
    }

    /** Whether {@code tool} is an executable on PATH. */
    public static boolean onPath(String tool) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, tool))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Sockets this process has open now (Linux; -1 elsewhere). Only sockets: the JVM opens
     * and closes files and pipes (jars, child processes' pipes) on its own schedule.
     */
    public static int openSockets() {
        try (var s = Files.list(Path.of("/proc/self/fd"))) {
            return (int) s.filter(f -> {
                try {
                    return Files.readSymbolicLink(f).toString().startsWith("socket:");
                } catch (IOException e) {
                    return false; // closed while listing
                }
            }).count();
        } catch (IOException e) {
            return -1;
        }
    }
}
