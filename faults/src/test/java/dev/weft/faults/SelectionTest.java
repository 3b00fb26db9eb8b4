package dev.weft.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.faults.selection.OpenOne;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * How a JVM comes to use the fault provider: on the class or module path it never wins by
 * priority alone; {@code -Dweft.provider=faults} or a {@code weft.faults.*} property selects
 * it (an explicit other provider wins over the latter); a bad setting is one clear message.
 */
class SelectionTest {
    private static Process start(List<String> vmArgs) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java")));
        cmd.addAll(vmArgs);
        cmd.add(OpenOne.class.getName());
        return new ProcessBuilder(cmd).redirectErrorStream(true).start();
    }

    private static String output(Process p) throws Exception {
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), out);
        return out;
    }

    private static Process onClassPath(String... props) throws Exception {
        List<String> args = new ArrayList<>(List.of("--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path")));
        args.addAll(List.of(props));
        return start(args);
    }

    @Test
    void onTheClassPathItIsChosenOnlyWhenAskedFor() throws Exception {
        // The JVMs start together: each takes a second or so to start here.
        Process plain = onClassPath();
        Process named = onClassPath("-Dweft.provider=faults");
        Process profiled = onClassPath("-Dweft.faults.profile=short-reads", "-Dweft.faults.seed=42");
        Process other = onClassPath("-Dweft.provider=linux", "-Dweft.faults.profile=short-reads");
        Process badly = onClassPath("-Dweft.provider=faults", "-Dweft.faults.profile=flaky-wan");
        assertTrue(output(plain).contains("provider linux got 4 bytes"), "present but not asked for: the OS provider");
        String byName = output(named);
        assertTrue(byName.contains("provider faults got 4 bytes"), byName);
        String byProfile = output(profiled);
        assertTrue(byProfile.contains("provider faults got"), byProfile);
        assertTrue(byProfile.contains("weft.faults: seed=42 profile=short-reads short-read=0.5 (replay: -Dweft.faults.seed=42 -Dweft.faults.profile=short-reads)"),
                byProfile);
        assertTrue(output(other).contains("provider linux got 4 bytes"), "an explicit provider wins over weft.faults.*");
        String bad = output(badly);
        assertTrue(bad.contains("error: weft.faults: bad settings: no fault profile named 'flaky-wan'"), bad);
    }

    private static String where(String className) throws Exception {
        return Path.of(Class.forName(className).getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }

    @Test
    void onTheModulePathItIsFoundThroughProvides() throws Exception {
        String modulePath = Stream.of("dev.weft.Socket", "dev.weft.faults.FaultProvider", "dev.weft.common.Scratch",
                        "dev.weft.posix.PosixProvider", "dev.weft.linux.LinuxProvider", "com.sun.jna.Native")
                .map(c -> {
                    try {
                        return where(c);
                    } catch (Exception e) {
                        throw new IllegalStateException(c, e);
                    }
                }).distinct().collect(Collectors.joining(File.pathSeparator));
        String out = output(start(List.of("--enable-native-access=com.sun.jna,dev.weft.posix,dev.weft.linux", "--module-path", modulePath,
                "--add-modules", "dev.weft.faults,dev.weft.linux", "-cp", where(OpenOne.class.getName()), "-Dweft.provider=faults")));
        assertTrue(out.contains("provider faults got 4 bytes"), out);
        assertEquals(-1, out.indexOf("error"), out);
    }
}
