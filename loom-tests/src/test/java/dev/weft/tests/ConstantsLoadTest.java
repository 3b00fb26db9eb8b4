package dev.weft.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Reading a constant in a fresh JVM ({@link ConstantsLoadMain}) starts no thread, opens no
 * socket or other non-file descriptor, and neither starts the provider's poller nor runs its capability probes (which
 * open and close sockets, so only the counting provider sees them): numbers are data. The
 * same reports after opening a socket do show new threads and descriptors, so they can see.
 */
class ConstantsLoadTest {
    private static Map<String, String> run(List<String> classPath, List<String> options) throws Exception {
        Process p = new ProcessBuilder(ChildJvm.command(ConstantsLoadMain.class, classPath, options, List.of()))
                .redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "child did not exit: " + out);
        assertEquals(0, p.exitValue(), out);
        Map<String, String> lines = new TreeMap<>();
        out.lines().filter(l -> !l.startsWith("WARNING")).forEach(l -> {
            int sp = l.indexOf(' ');
            lines.put(sp < 0 ? l : l.substring(0, sp), sp < 0 ? "" : l.substring(sp + 1));
        });
        assertTrue(lines.containsKey("OPEN_FDS"), out);
        return lines;
    }

    private static void assertNothingStarted(Map<String, String> r) {
        assertEquals("[]", r.get("THREADS"), "threads started by reading a constant");
        assertEquals("[]", r.get("FDS"), "descriptors opened by reading a constant");
        assertNotEquals("[]", r.get("OPEN_THREADS"), "opening a socket starts the poller, and the report sees it");
        assertTrue(r.get("OPEN_FDS").contains("socket:"), "opening a socket shows in the report: " + r.get("OPEN_FDS"));
    }

    @Test
    void readingAConstantWithTheDefaultProviderStartsNothing() throws Exception {
        Map<String, String> r = run(List.of(), List.of());
        assertTrue(r.get("VALUE").matches("\\d+ true \\w+"), r.toString());
        assertNothingStarted(r);
    }

    @Test
    void readingAConstantNeitherStartsThePollerNorProbes() throws Exception {
        Path services = Path.of(ConstantsLoadTest.class.getResource("counting-provider").toURI());
        Map<String, String> r = run(List.of(services.toString()), List.of("-Dweft.provider=counting"));
        assertTrue(r.get("VALUE").endsWith(" true counting"), r.toString());
        assertEquals("poller=0 capabilities=0 sockets=0", r.get("COUNTS"));
        assertNothingStarted(r);
    }
}
