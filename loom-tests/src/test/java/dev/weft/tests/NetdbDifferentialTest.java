package dev.weft.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.weft.Sockets;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Python's {@code socket} module and weft's {@link Sockets}, side by side on one generated
 * corpus ({@link NetdbCorpus}, seeded: {@code -Dweft.netdb.seed=N} replays another): every
 * value and every failure (gaierror code and text, herror, OSError errno or text, invalid
 * argument) must agree. python3 runs once per test, all cases on its stdin.
 */
class NetdbDifferentialTest {
    private static final long SEED = Long.getLong("weft.netdb.seed", 20261124L);

    @Test
    void moduleFunctionsAgreeWithCPython() throws Exception {
        assumeTrue(commandWorks("python3", "-c", "import socket"), "python3 is not installed: no reference to compare with");
        List<NetdbCase> cases = NetdbCorpus.generate(SEED, NetdbCorpus.Group.LOCAL, Sockets.getHostName());
        assertTrue(cases.size() >= 500, "corpus too small: " + cases.size());
        List<String> expected = runPython(cases, List.of());
        List<String> actual = new ArrayList<>();
        for (NetdbCase c : cases) {
            actual.add(WeftNetdb.evaluate(c));
        }
        compare(cases, expected, actual);
    }

    /**
     * The cases that would ask DNS (unknown names, reverse lookups of unlisted addresses,
     * herror paths), run on both sides inside a new network namespace where the query fails
     * at once: the failures (EAI_AGAIN, TRY_AGAIN...) must agree too.
     */
    @Test
    void resolverFailuresAgreeInAnIsolatedNetworkNamespace() throws Exception {
        assumeTrue(commandWorks("python3", "-c", "import socket"), "python3 is not installed: no reference to compare with");
        assumeTrue(commandWorks("unshare", "-n", "true"),
                "cannot create a network namespace (unshare -n): the DNS-reaching cases are not run outside one");
        List<NetdbCase> cases = NetdbCorpus.generate(SEED, NetdbCorpus.Group.ISOLATED, Sockets.getHostName());
        List<String> expected = runPython(cases, List.of("unshare", "-n"));
        List<String> command = new ArrayList<>(List.of("unshare", "-n"));
        command.addAll(ChildJvm.command(WeftNetdb.class, List.of(), List.of(Long.toString(SEED), "ISOLATED")));
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        p.getOutputStream().close();
        List<String> actual = readLines(p.getInputStream());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "weft child did not finish");
        assertEquals(0, p.exitValue(), "weft child failed");
        compare(cases, expected, actual);
    }

    private static void compare(List<NetdbCase> cases, List<String> expected, List<String> actual) {
        assertEquals(cases.size(), expected.size(), "python3 answered " + expected.size() + " of " + cases.size() + " cases");
        assertEquals(cases.size(), actual.size(), "weft answered " + actual.size() + " of " + cases.size() + " cases");
        Map<String, int[]> perOp = new TreeMap<>();
        StringBuilder diffs = new StringBuilder();
        int bad = 0;
        for (int i = 0; i < cases.size(); i++) {
            String op = cases.get(i).op();
            int[] counts = perOp.computeIfAbsent(op, k -> new int[2]);
            counts[expected.get(i).startsWith("[\"ok\"") ? 0 : 1]++;
            if (!expected.get(i).equals(actual.get(i))) {
                if (++bad <= 25) {
                    diffs.append("\n  case ").append(cases.get(i).toJson())
                            .append("\n    python3: ").append(expected.get(i))
                            .append("\n    weft:    ").append(actual.get(i));
                }
            }
        }
        String dump = System.getProperty("weft.netdb.dump");
        if (dump != null) {
            // Every case with both answers, for reading what the corpus covers.
            StringBuilder all = new StringBuilder();
            for (int i = 0; i < cases.size(); i++) {
                all.append(cases.get(i).toJson()).append("\n  py: ").append(expected.get(i))
                        .append("\n  wf: ").append(actual.get(i)).append('\n');
            }
            try {
                Files.writeString(Path.of(dump + "-" + cases.size() + ".txt"), all);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        StringBuilder summary = new StringBuilder();
        perOp.forEach((op, c) -> summary.append(op).append(' ').append(c[0]).append(" ok/").append(c[1]).append(" fail, "));
        System.out.println("netdb differential, seed " + SEED + ": " + cases.size() + " cases compared: " + summary);
        if (bad > 0) {
            fail(bad + " of " + cases.size() + " cases differ (seed " + SEED + ", -Dweft.netdb.seed to replay):" + diffs);
        }
    }

    private static List<String> runPython(List<NetdbCase> cases, List<String> prefix) throws Exception {
        Path script = Files.createTempFile("netdb_oracle", ".py");
        try {
            try (InputStream in = NetdbDifferentialTest.class.getResourceAsStream("netdb_oracle.py")) {
                Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
            }
            List<String> command = new ArrayList<>(prefix);
            command.addAll(List.of("python3", script.toString()));
            ProcessBuilder pb = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
            pb.environment().put("PYTHONIOENCODING", "utf-8");
            Process p = pb.start();
            Thread feeder = Thread.ofPlatform().start(() -> {
                try (Writer w = new OutputStreamWriter(p.getOutputStream(), StandardCharsets.UTF_8)) {
                    for (NetdbCase c : cases) {
                        w.write(c.toJson());
                        w.write('\n');
                    }
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            List<String> lines = readLines(p.getInputStream());
            feeder.join();
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "python3 did not finish");
            assertEquals(0, p.exitValue(), "python3 oracle failed");
            return lines;
        } finally {
            Files.deleteIfExists(script);
        }
    }

    private static List<String> readLines(InputStream in) throws IOException {
        List<String> lines = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String l; (l = r.readLine()) != null; ) {
                lines.add(l);
            }
        }
        return lines;
    }

    static boolean commandWorks(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
