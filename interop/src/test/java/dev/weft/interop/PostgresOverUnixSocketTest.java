package dev.weft.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A real PostgreSQL (Debian's {@code postgresql}), started by the test in a temporary
 * directory with no TCP listener, reached by the pgjdbc driver only through
 * {@link UnixSocketFactory} ({@code socketFactory} + {@code socketFactoryArg}): a query, a
 * batch insert, a result of several MB, and {@code setNetworkTimeout} firing (SO_TIMEOUT
 * on a read through the adapter). Skipped, with the reason, where PostgreSQL cannot be
 * installed or started. Every wait is bounded.
 */
@Timeout(120)
class PostgresOverUnixSocketTest {
    private static Path dir;
    private static Path bin;
    private static List<String> asServerUser;
    private static String url;

    @BeforeAll
    static void startCluster() throws Exception {
        Assumptions.assumeTrue(System.getProperty("os.name").startsWith("Linux"), "the test drives Debian's PostgreSQL");
        bin = findBin();
        if (bin == null && isRoot() && new File("/usr/bin/apt-get").canExecute()) {
            // Best effort and bounded: a machine without the package gets it once.
            run(Path.of("/tmp"), List.of("apt-get", "install", "-y", "-q", "postgresql"), 300);
            bin = findBin();
        }
        Assumptions.assumeTrue(bin != null, "PostgreSQL is not installed (/usr/lib/postgresql/*/bin/initdb) and could not be installed");
        asServerUser = List.of();
        dir = Files.createTempDirectory("weft-pg");
        if (isRoot()) {
            // PostgreSQL refuses to run as root: run it as the postgres user, which owns the directory.
            Assumptions.assumeTrue(new File("/usr/sbin/runuser").canExecute() || new File("/sbin/runuser").canExecute(),
                    "running PostgreSQL as root needs runuser to switch to the postgres user");
            Assumptions.assumeTrue(run(dir, List.of("id", "-u", "postgres"), 10) == 0, "no postgres user to run the server as");
            asServerUser = List.of("runuser", "-u", "postgres", "--");
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            assertEquals(0, run(dir, List.of("chown", "postgres", dir.toString()), 10));
        }
        Path data = dir.resolve("data");
        int r = run(dir, server(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", "weft", "-A", "trust",
                "-E", "UTF8", "--no-sync", "--no-instructions"), 120);
        Assumptions.assumeTrue(r == 0, "initdb failed (exit " + r + "): " + log("initdb"));
        r = run(dir, server(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", dir.resolve("server.log").toString(),
                "-w", "-t", "60", "-o", "-k " + dir + " -c listen_addresses='' -p 5432 -F", "start"), 90);
        Assumptions.assumeTrue(r == 0, "PostgreSQL did not start (exit " + r + "): " + log("server"));
        url = "jdbc:postgresql://localhost/postgres?user=weft&connectTimeout=10&socketTimeout=60"
                + "&socketFactory=dev.weft.interop.UnixSocketFactory&socketFactoryArg=" + dir.resolve(".s.PGSQL.5432");
    }

    @AfterAll
    static void stopCluster() throws Exception {
        if (dir == null) {
            return;
        }
        try {
            if (bin != null && Files.exists(dir.resolve("data/postmaster.pid"))) {
                run(dir, server(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "immediate",
                        "-w", "-t", "30", "stop"), 45);
            }
        } finally {
            try (Stream<Path> s = Files.walk(dir)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static Path findBin() throws IOException {
        Path base = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(base)) {
            return null;
        }
        try (Stream<Path> s = Files.list(base)) {
            return s.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("pg_ctl")))
                    .max(Comparator.comparing(Path::toString)).orElse(null);
        }
    }

    private static List<String> server(String... cmd) {
        List<String> c = new ArrayList<>(asServerUser);
        c.addAll(List.of(cmd));
        return c;
    }

    /** Runs {@code cmd} with output to a file in {@code cwd}, killing it after {@code seconds}; its exit code, or -1. */
    private static int run(Path cwd, List<String> cmd, int seconds) throws Exception {
        String name = Path.of(cmd.get(asServerUser.isEmpty() || !cmd.get(0).equals("runuser") ? 0 : asServerUser.size())).getFileName().toString();
        Process p;
        try {
            p = new ProcessBuilder(cmd).directory(cwd.toFile()).redirectErrorStream(true)
                    .redirectOutput(cwd.resolve(name + ".out").toFile()).start();
        } catch (IOException e) {
            return -1;
        }
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            return -1;
        }
        return p.exitValue();
    }

    private static String log(String name) {
        try {
            Path out = dir.resolve(name + ".out");
            Path log = dir.resolve(name + ".log");
            return (Files.exists(out) ? Files.readString(out) : "") + (Files.exists(log) ? Files.readString(log) : "");
        } catch (IOException e) {
            return e.toString();
        }
    }

    @Test
    void aQueryReachesTheServerOverTheAfUnixFactory() throws Exception {
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select 1 + 1, inet_client_addr() is null")) {
            assertTrue(rs.next());
            assertEquals(2, rs.getInt(1));
            assertTrue(rs.getBoolean(2), "a Unix-socket client has no inet address");
        }
    }

    @Test
    void aBatchInsertLandsEveryRow() throws Exception {
        try (Connection c = DriverManager.getConnection(url)) {
            try (Statement st = c.createStatement()) {
                st.execute("create temporary table t (id int primary key, name text)");
            }
            try (PreparedStatement ps = c.prepareStatement("insert into t values (?, ?)")) {
                for (int i = 0; i < 5_000; i++) {
                    ps.setInt(1, i);
                    ps.setString(2, "row " + i);
                    ps.addBatch();
                }
                int[] counts = ps.executeBatch();
                assertEquals(5_000, counts.length);
            }
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select count(*), sum(id) from t")) {
                assertTrue(rs.next());
                assertEquals(5_000, rs.getInt(1));
                assertEquals(4_999L * 5_000 / 2, rs.getLong(2));
            }
        }
    }

    @Test
    void aResultOfSeveralMegabytesArrivesWhole() throws Exception {
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select i, repeat(chr(65 + i), 1000000) from generate_series(0, 7) i")) {
            long total = 0;
            int rows = 0;
            while (rs.next()) {
                String s = rs.getString(2);
                assertEquals(1_000_000, s.length());
                assertEquals((char) ('A' + rs.getInt(1)), s.charAt(999_999));
                total += s.length();
                rows++;
            }
            assertEquals(8, rows);
            assertEquals(8_000_000, total);
        }
    }

    @Test
    void setNetworkTimeoutFiresOnASlowQuery() throws Exception {
        var executor = Executors.newVirtualThreadPerTaskExecutor();
        try (Connection c = DriverManager.getConnection(url)) {
            c.setNetworkTimeout(executor, 300);
            try (Statement st = c.createStatement()) {
                SQLException e = assertThrows(SQLException.class, () -> st.execute("select pg_sleep(30)"));
                assertTrue(causes(e).stream().anyMatch(SocketTimeoutException.class::isInstance),
                        "the read through the adapter timed out: " + causes(e));
            }
            assertTrue(c.isClosed(), "pgjdbc closes a connection whose read timed out");
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void aMissingSocketPathIsAClearDriverError() {
        String missing = dir.resolve(".s.PGSQL.1").toString();
        SQLException e = assertThrows(SQLException.class, () -> DriverManager.getConnection(
                "jdbc:postgresql://localhost/postgres?user=weft&socketFactory=dev.weft.interop.UnixSocketFactory&socketFactoryArg=" + missing));
        assertTrue(causes(e).stream().anyMatch(t -> String.valueOf(t.getMessage()).contains(missing)), "names the path: " + causes(e));
    }

    private static List<Throwable> causes(Throwable t) {
        List<Throwable> l = new ArrayList<>();
        for (; t != null && l.size() < 10; t = t.getCause()) {
            l.add(t);
        }
        return l;
    }
}
