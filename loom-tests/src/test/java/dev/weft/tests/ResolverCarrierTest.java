package dev.weft.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The resolver never holds a carrier: with one carrier and lookups that block in the
 * kernel until another virtual thread releases them, 1,000 concurrent
 * {@code getAddrInfo} calls still complete ({@link CarrierProbeMain}). The same calls made
 * on the virtual threads themselves hang, which shows the check has teeth.
 */
class ResolverCarrierTest {
    private static final List<String> ONE_CARRIER = List.of("-Djdk.virtualThreadScheduler.parallelism=1",
            "-Djdk.virtualThreadScheduler.maxPoolSize=1", "-Dweft.provider=blocking-probe");

    @Test
    void thousandLookupsCompleteOnOneCarrierAndInterruptAndTimeoutReachTheCaller() throws Exception {
        assumeTrue(System.getProperty("os.name").toLowerCase().contains("linux"), "the probe provider wraps the Linux provider");
        String out = runChild("pool", 0);
        assertTrue(out.contains("COMPLETED 1000 of 1000, on virtual threads 0"), out);
        assertTrue(out.contains("INTERRUPT ok"), out);
        assertTrue(out.contains("TIMEOUT ok after the deadline"), out);
    }

    @Test
    void theSameLookupsOnTheVirtualThreadsHoldTheCarrier() throws Exception {
        assumeTrue(System.getProperty("os.name").toLowerCase().contains("linux"), "the probe provider wraps the Linux provider");
        String out = runChild("direct", 3);
        assertTrue(out.startsWith("STUCK entered=1 "), out);
    }

    private static String runChild(String mode, int expectedExit) throws IOException, InterruptedException {
        Path services = Files.createTempDirectory("weft-probe");
        try {
            Path file = services.resolve("META-INF/services/dev.weft.spi.SocketProvider");
            Files.createDirectories(file.getParent());
            Files.writeString(file, BlockingProbeProvider.class.getName() + "\n");
            List<String> cmd = ChildJvm.command(CarrierProbeMain.class, List.of(services.toString()), ONE_CARRIER, List.of(mode));
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(90, TimeUnit.SECONDS), "child did not exit: " + out);
            assertEquals(expectedExit, p.exitValue(), out);
            return out.lines().filter(l -> !l.startsWith("WARNING")).reduce("", (a, b) -> a + b + "\n");
        } finally {
            try (var walk = Files.walk(services)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }
}
