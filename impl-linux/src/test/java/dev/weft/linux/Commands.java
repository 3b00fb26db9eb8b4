package dev.weft.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** Runs a tool of this machine (python3, cc, what cc built): a test without the tool is skipped, not failed. */
final class Commands {
    private Commands() {}

    /** The command's output (stdout and stderr); asserts it exits 0. */
    static String run(String... command) throws Exception {
        Process p;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException notInstalled) {
            return Assumptions.abort(command[0] + " is not installed here: " + notInstalled.getMessage());
        }
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), List.of(command) + " did not finish");
        assertEquals(0, p.exitValue(), List.of(command) + ": " + out);
        return out;
    }
}
