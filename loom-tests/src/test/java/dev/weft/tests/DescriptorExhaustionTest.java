package dev.weft.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * weft's first use in a process with no descriptor free fails with a clear {@code EMFILE}
 * and leaves nothing poisoned: once descriptors are free, a later call works. Where JNA
 * itself cannot initialise (which it can never retry), the error says so. Each case runs
 * {@link DescriptorExhaustionMain} in a child JVM, as the failure is once per JVM.
 */
class DescriptorExhaustionTest {
    private static String run(String ulimit, List<String> jvmOptions, String arg) throws Exception {
        return run(ulimit, ChildJvm.command(DescriptorExhaustionMain.class, jvmOptions, List.of(arg)));
    }

    private static String run(String ulimit, List<String> childCommand) throws Exception {
        String command = childCommand.stream()
                .map(a -> "'" + a.replace("'", "'\\''") + "'").collect(Collectors.joining(" "));
        Process p = new ProcessBuilder("sh", "-c", (ulimit == null ? "" : "ulimit -n " + ulimit + " && ") + "exec " + command)
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "child JVM did not finish");
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    private static String line(String out, String step) {
        return out.lines().filter(l -> l.startsWith(step + ":")).findFirst().orElseThrow(() -> new AssertionError("no " + step + " in:\n" + out));
    }

    @Test
    void noDescriptorFreeAtFirstUseIsAClearEmfileAndALaterCallWorks() throws Exception {
        assumeTrue(new File("/dev/null").exists() && new File("/bin/sh").exists(), "needs a POSIX shell and /dev/null");
        String out = run("64", List.of(), "exhaust=true");
        assertTrue(out.contains("exhausted "), out);
        String first = line(out, "first");
        assertTrue(first.contains("EMFILE") && first.contains("ulimit -n") && first.contains("at start-up"), out);
        assertTrue(line(out, "capabilities").contains("EMFILE"), out);
        assertEquals("after: ok 42", line(out, "after"), out);
    }

    @Test
    void aJnaThatCannotInitialiseIsNamedInTheError() throws Exception {
        assumeTrue(new File("/bin/sh").exists(), "needs a POSIX shell");
        // JNA told not to unpack its library and given nowhere to find it: its static initialiser fails for good.
        // On the JNA binding (forced: on FFM weft never loads JNA's library, NativeBindingTest).
        String out = run(null, List.of("-Djna.nounpack=true", "-Djna.nosys=true", "-Djna.boot.library.path=/nonexistent",
                "-Dweft.native=jna"), "exhaust=false");
        String first = line(out, "first");
        assertTrue(first.contains("JNA") && first.contains("cannot retry in this JVM") && first.contains("Troubleshooting"), out);
        String after = line(out, "after");
        assertTrue(after.contains("cannot retry in this JVM") && after.contains("First failure"), out);
    }

    @Test
    void anFfmBindingThatCannotStartIsNamedInTheError() throws Exception {
        assumeTrue(new File("/bin/sh").exists(), "needs a POSIX shell");
        assumeTrue(Runtime.version().feature() >= 22, "FFM needs JDK 22+: on " + Runtime.version().feature() + " weft runs on JNA only");
        // FFM forced, and native access not granted: the binding refuses to start, for good.
        List<String> command = new ArrayList<>(ChildJvm.command(DescriptorExhaustionMain.class, List.of(), List.of("exhaust=false")));
        command.removeIf(a -> a.startsWith("--enable-native-access") || a.startsWith("-Dweft.native="));
        command.add(1, "-Dweft.native=ffm");
        String out = run(null, command);
        String first = line(out, "first");
        assertTrue(first.contains("native binding (FFM)") && first.contains("FFM cannot retry in this JVM")
                && !first.contains("JNA"), out);
        assertTrue(line(out, "after").contains("First failure"), out);
    }
}
