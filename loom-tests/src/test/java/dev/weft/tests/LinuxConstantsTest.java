package dev.weft.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.Errno;
import dev.weft.Sockets;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The provider's constant and errno tables equal what the running python3 reports (it was
 * built against this machine's headers): every name Python has, weft has with the same value.
 */
class LinuxConstantsTest {
    private static List<String[]> python(String script) throws Exception {
        Process p = new ProcessBuilder("python3", "-c", script).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        List<String[]> rows = new ArrayList<>();
        out.lines().forEach(l -> rows.add(l.split(" ")));
        return rows;
    }

    @Test
    void everySocketConstantPythonHasMatches() throws Exception {
        List<String[]> rows = python("""
                import socket
                for n in dir(socket):
                    v = getattr(socket, n)
                    if n.isupper() and isinstance(v, int):
                        print(n, int(v) & 0xFFFFFFFF)
                """);
        assertTrue(rows.size() > 300, "python3 exposes its constants");
        List<String> wrong = new ArrayList<>();
        for (String[] r : rows) {
            Integer ours = Sockets.provider().constants().get(r[0]);
            if (ours == null || Integer.toUnsignedLong(ours) != Long.parseLong(r[1])) {
                wrong.add(r[0] + "=" + r[1] + " (weft " + ours + ")");
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void everyErrnoPythonHasMapsBothWays() throws Exception {
        List<String[]> rows = python("""
                import errno
                for n in dir(errno):
                    if n.startswith('E'):
                        print(n, getattr(errno, n))
                """);
        List<String> wrong = new ArrayList<>();
        for (String[] r : rows) {
            Errno e;
            try {
                e = Errno.valueOf(r[0]);
            } catch (IllegalArgumentException missing) {
                wrong.add(r[0] + " has no Errno");
                continue;
            }
            int n = Integer.parseInt(r[1]);
            if (Sockets.provider().nativeErrno(e) != n) {
                wrong.add(r[0] + "=" + n + " (weft " + Sockets.provider().nativeErrno(e) + ")");
            }
            if (Sockets.provider().errno(n) == Errno.UNKNOWN) {
                wrong.add(n + " unnamed");
            }
        }
        assertEquals(List.of(), wrong);
    }
}
