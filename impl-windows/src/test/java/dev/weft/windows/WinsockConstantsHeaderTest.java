package dev.weft.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The committed WinsockConstants.java is exactly what tools/gen-winsock-constants.py makes of
 * the mingw-w64 headers now (with the SDK values mingw-w64 lacks, each checked against
 * mingw-w64 wherever it has them). Runs wherever x86_64-w64-mingw32-gcc is installed; the test
 * never installs it (tools/check-headers.sh does, in CI) and skips with the reason otherwise.
 */
class WinsockConstantsHeaderTest {
    static final String GENERATOR = "tools/gen-winsock-constants.py";
    static final String TABLE = "impl-windows/src/main/java/dev/weft/windows/WinsockConstants.java";

    @Test
    void committedTableEqualsWhatTheHeadersGiveNow() throws Exception {
        Path root = repositoryRoot();
        Path log = Files.createTempFile("weft-winsock-headers", ".txt");
        try {
            Process p;
            try {
                p = new ProcessBuilder("python3", GENERATOR, "--no-install", "--check", TABLE)
                        .directory(root.toFile()).redirectErrorStream(true)
                        .redirectOutput(log.toFile()).start();
            } catch (IOException e) {
                Assumptions.abort("no python3 to run " + GENERATOR + ": " + e.getMessage());
                return;
            }
            p.getOutputStream().close();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail(GENERATOR + " did not finish in 120 s");
            }
            String text = Files.readString(log, StandardCharsets.UTF_8);
            Assumptions.assumeFalse(p.exitValue() == 77, () -> "header check skipped: " + text.strip());
            assertEquals(0, p.exitValue(), () -> TABLE + " differs from the headers; regenerate it with\n"
                    + "  python3 " + GENERATOR + " > " + TABLE + "\n" + text);
        } finally {
            Files.deleteIfExists(log);
        }
    }


    /** The directory holding tools/ (tests run in the module's directory). */
    static Path repositoryRoot() {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve(GENERATOR))) {
                assertTrue(Files.isRegularFile(d.resolve(TABLE)), TABLE);
                return d;
            }
        }
        Assumptions.abort("no " + GENERATOR + " above " + Path.of("").toAbsolutePath() + " (not a source checkout)");
        return null;
    }
}
