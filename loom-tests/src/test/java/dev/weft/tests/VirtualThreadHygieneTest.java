package dev.weft.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * weft never pins a virtual thread while it waits, and never holds a carrier: a JFR
 * recording of {@code jdk.VirtualThreadPinned} over a mixed workload holds no event with a
 * weft frame (a deliberate pin in a test class shows the recording would see one; a pin
 * inside the JVM's loading of a class, or another library's static initializer, is
 * reported but not blamed on weft, see {@link HygieneMain}), and
 * with a single carrier 1,000 socket pairs all finish their ping-pongs, timeouts and a
 * close while blocked. Both run in child JVMs ({@link HygieneMain}), where weft's classes
 * are first loaded on virtual threads.
 */
class VirtualThreadHygieneTest {
    @Test
    void noPinnedEventHasAWeftFrame() throws Exception {
        String out = child(List.of(), "jfr");
        Matcher m = Pattern.compile("PINNED (\\d+) weft (\\d+) control (\\d+) class-loading (\\d+)").matcher(out);
        assertTrue(m.find(), out);
        System.out.println(m.group(0) + (m.group(4).equals("0") ? "" : "\n" + out.lines().filter(l -> l.startsWith("JVM-PINNED"))
                .reduce("", (a, b) -> a + b + "\n")));
        assertTrue(Integer.parseInt(m.group(3)) >= 1, "the control pin was not recorded, so the recording proves nothing:\n" + out);
        assertEquals(0, Integer.parseInt(m.group(2)), "pinned events with weft frames:\n" + out);
    }

    /**
     * weft waits by parking, never on a monitor; {@link HygieneMain} relies on this to tell a
     * JVM class-resolution pin (a contended monitor under a weft frame) from weft's own.
     */
    @Test
    void weftsMainCodeTakesNoMonitor() throws Exception {
        Path root = Path.of(System.getProperty("user.dir")).getParent();
        List<String> offenders = new java.util.ArrayList<>();
        for (String module : List.of("api", "impl-posix", "impl-linux", "impl-macos", "impl-windows")) {
            Path src = root.resolve(module).resolve("src/main/java");
            org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(src), "sources not beside the tests: " + src);
            try (var files = Files.walk(src)) {
                for (Path f : (Iterable<Path>) files.filter(x -> x.toString().endsWith(".java"))::iterator) {
                    String text = Files.readString(f).replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\n]*", "");
                    if (Pattern.compile("\\bsynchronized\\b").matcher(text).find()) {
                        offenders.add(root.relativize(f).toString());
                    }
                }
            }
        }
        assertEquals(List.of(), offenders, "weft code must park (locks, LockSupport), not hold monitors");
    }

    @Test
    void aThousandSocketPairsMakeProgressOnOneCarrier() throws Exception {
        String out = child(List.of("-Djdk.virtualThreadScheduler.parallelism=1", "-Djdk.virtualThreadScheduler.maxPoolSize=1"),
                "carrier", "1000");
        assertTrue(out.contains("DONE 10001 rounds, failures 0, carriers 1 "), out);
    }

    private static String child(List<String> jvmOptions, String... args) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(ChildJvm.command(HygieneMain.class, jvmOptions, List.of(args))).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(110, TimeUnit.SECONDS), "child did not exit: " + out);
        assertEquals(0, p.exitValue(), out);
        return out;
    }
}
