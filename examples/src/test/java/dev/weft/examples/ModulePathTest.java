package dev.weft.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * weft on the module path, as a modular application uses it: the provider is found by
 * ServiceLoader through {@code provides}, and with the documented
 * {@code --enable-native-access} modules the JDK prints no native-access warning.
 */
class ModulePathTest {
    private static String where(String className) throws Exception {
        return Path.of(Class.forName(className).getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }

    @Test
    void demoRunsOnTheModulePathWithoutNativeAccessWarnings() throws Exception {
        String modulePath = Stream.of("dev.weft.examples.Demo", "dev.weft.Socket", "dev.weft.common.Scratch", "dev.weft.posix.PosixProvider",
                        "dev.weft.linux.LinuxProvider", "com.sun.jna.Native",
                        "dev.weft.server.StreamServer") // weft-tls is optional for it: not on this path
                .map(c -> {
                    try {
                        return where(c);
                    } catch (Exception e) {
                        throw new IllegalStateException(c, e);
                    }
                })
                .distinct().collect(Collectors.joining(File.pathSeparator));
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = List.of(java, "--enable-native-access=com.sun.jna,dev.weft.posix,dev.weft.linux",
                "--module-path", modulePath, "-m", "dev.weft.examples/dev.weft.examples.Demo", "60", "2");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), out);
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("provider linux"), out);
        assertTrue(out.trim().endsWith("PASSED"), out);
        assertFalse(out.contains("restricted method"), "native-access warning:\n" + out);
    }
}
