package dev.weft.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The seed's programs and the demo run as the README shows and report success. */
class ExamplesRunTest {
    private static String run(ThrowingRunnable r) throws Exception {
        PrintStream old = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            r.run();
        } finally {
            System.setOut(old);
        }
        String s = out.toString(StandardCharsets.UTF_8);
        old.print(s);
        return s;
    }

    interface ThrowingRunnable {
        void run() throws Exception;
    }

    @Test
    void seedProgramsEchoAndRebindAfterTimeWait() throws Exception {
        String out = run(() -> SeedExamples.main(new String[0]));
        assertTrue(out.contains("Received b'Hello, world'"), out);
        assertTrue(out.contains("without SO_REUSEADDR: [Errno 98]"), out);
        assertTrue(out.contains("with SO_REUSEADDR: bound"), out);
        assertTrue(out.trim().endsWith("PASSED"), out);
    }

    @Test
    void demoEchoesOverTcpAndUnixWithManyClients() throws Exception {
        String out = run(() -> Demo.main(new String[] {"300", "3"}));
        assertTrue(out.contains("300 ok, 0 failed"), out);
        assertTrue(out.trim().endsWith("PASSED"), out);
    }
}
