package dev.weft.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.Sockets;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Program 3's Windows form off Windows: one line pointing to the Linux form, no socket opened, no error. */
class WindowsRawSnifferTest {
    @Test
    void offWindowsItSaysWhereItRunsAndEnds() throws Exception {
        Assumptions.assumeFalse(Sockets.provider().name().equals("windows"), "on Windows it sniffs (needs Administrator)");
        PrintStream old = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            WindowsRawSniffer.main(new String[0]);
        } finally {
            System.setOut(old);
        }
        assertEquals("WindowsRawSniffer needs Windows (SIO_RCVALL); this is " + Sockets.provider().name()
                + ": run RawSniffer, the Linux form", out.toString(StandardCharsets.UTF_8).strip());
    }
}
