package dev.weft.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * {@code -Dweft.provider=windows} on another OS, through the public API in a fresh JVM (the
 * choice is made once per JVM): the first socket fails with the provider's one line, an
 * {@code UnsupportedOperationException}, and no JNA error or JVM crash comes before it.
 */
class ForcedOnLinuxTest {
    /** The child: opens a socket with the provider forced and prints what happened. */
    public static void main(String[] args) {
        try (dev.weft.Socket s = dev.weft.Socket.open()) {
            System.out.println("OPENED " + s);
        } catch (Throwable t) {
            System.out.println("THROWN " + t.getClass().getName() + ": " + t.getMessage());
        }
    }

    @Test
    void forcingTheWindowsProviderFailsWithOneClearLine() throws Exception {
        Assumptions.assumeFalse(new WindowsProvider().isSupported(), "on Windows the provider runs");
        Path out = Files.createTempFile("weft-forced", ".txt");
        try {
            String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process p = new ProcessBuilder(List.of(javaBin, "-Dweft.provider=windows", "--enable-native-access=ALL-UNNAMED",
                    "-cp", System.getProperty("java.class.path") + java.io.File.pathSeparator
                            + System.getProperty("jdk.module.path", ""),
                    ForcedOnLinuxTest.class.getName()))
                    .redirectErrorStream(true).redirectOutput(out.toFile()).start();
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the child JVM did not finish");
            String text = Files.readString(out, StandardCharsets.UTF_8).strip();
            assertEquals(0, p.exitValue(), text);
            assertEquals("THROWN java.lang.UnsupportedOperationException: weft: the windows provider runs only on Windows"
                    + " (x64, arm64), not on " + System.getProperty("os.name") + " " + System.getProperty("os.arch"), text);
        } finally {
            Files.deleteIfExists(out);
        }
    }
}
