package dev.weft.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The classic lookups (gethostbyname, gethostbyaddr, getservbyname, getservbyport,
 * getprotobyname under one lock), macOS's only path since Apple's C library has no
 * {@code _r} forms, give what the reentrant ones give: both run here in child JVMs, the
 * classic one forced with {@code -Dweft.netdb.classic=true}, and print the same lines.
 */
class ClassicNetdbTest {
    private static String run(List<String> jvmOptions) throws Exception {
        Process p = new ProcessBuilder(ChildJvm.command(ClassicNetdbMain.class, jvmOptions, List.of()))
                .redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "child JVM did not finish");
        assertEquals(0, p.exitValue(), out);
        return out.lines().filter(l -> !l.startsWith("WARNING")).reduce("", (a, b) -> a + b + "\n");
    }

    @Test
    void theClassicPathAnswersAsTheReentrantOne() throws Exception {
        assumeTrue(!System.getProperty("os.name").toLowerCase().startsWith("windows"), "the POSIX lookups");
        String reentrant = run(List.of());
        String classic = run(List.of("-Dweft.netdb.classic=true"));
        System.out.print("ClassicNetdbTest:\n" + classic);
        assertTrue(classic.contains("proto 17") && classic.contains("serv 80 http"), classic);
        assertEquals(reentrant, classic);
    }
}
