package dev.weft.macos;

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
 * The committed DarwinConstants.java is exactly what tools/gen-darwin-constants.py makes of
 * Apple's headers now, for aarch64 and x86_64 (the generator fails if they disagree and the
 * table does not carry both). Runs wherever the generator's toolchain (zig from npm, in the
 * cache) is present; the test never installs it (tools/check-headers.sh does, in CI) and skips
 * with the generator's reason otherwise.
 */
class DarwinConstantsHeaderTest {
    static final String GENERATOR = "tools/gen-darwin-constants.py";
    static final String TABLE = "impl-macos/src/main/java/dev/weft/macos/DarwinConstants.java";

    @Test
    void committedTableEqualsWhatTheHeadersGiveNow() throws Exception {
        Path root = repositoryRoot();
        Path log = Files.createTempFile("weft-darwin-headers", ".txt");
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
