package dev.weft.examples;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.faults.FaultPlan;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The second acceptance: the seed's echo server and client, a UDP echo and the
 * demo run unchanged under every profile ({@code -Dweft.provider=faults
 * -Dweft.faults.profile=P}). Streams lose and reorder nothing: the demo's 100 clients
 * all get their echoes back (under chaos, whose resets no program can hide, none gets a
 * wrong one), the seed's client prints a beginning of what it sent; the UDP echo's
 * replies are exactly what the provider's log says it lost and doubled.
 */
class ProfilesRunTest {
    private static final Pattern RECEIVED = Pattern.compile("Received b'([^']*)'");

    @Test
    void theEchoProgramsAndTheDemoRunUnderEveryProfile() throws Exception {
        Map<String, Process> runs = new LinkedHashMap<>();
        for (String profile : FaultPlan.profiles()) {
            // Started together: most of each run is waiting for injected latency.
            runs.put(profile, ChildJvm.start(List.of("-Dweft.provider=faults", "-Dweft.faults.profile=" + profile, "-Dweft.faults.seed=" + profile.length()),
                    UnderFaultsMain.class.getName()));
        }
        for (var run : runs.entrySet()) {
            String profile = run.getKey();
            String out = ChildJvm.output(run.getValue());
            String what = "under " + profile + ":\n" + out;
            Matcher m = RECEIVED.matcher(out);
            assertTrue(m.find(), what);
            assertTrue(!m.group(1).isEmpty() && "Hello, world".startsWith(m.group(1)), "the naive client gets a beginning; " + what);
            assertTrue(out.contains("; accounting matches"), what);
            assertTrue(out.contains("weft demo: provider faults"), what);
            if (profile.equals("chaos")) {
                assertFalse(out.contains("echo differs"), what);
            } else {
                assertTrue(out.contains("clients: 100 ok, 0 failed") && out.trim().endsWith("PASSED"), what);
            }
            if (profile.equals("flaky-lan") || profile.equals("lossy-wifi")) {
                assertTrue(out.matches("(?s).*requests lost [1-9].*"), "datagrams were lost: " + what);
            }
        }
    }
}
