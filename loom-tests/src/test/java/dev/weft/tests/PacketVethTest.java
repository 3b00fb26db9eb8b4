package dev.weft.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.Family;
import dev.weft.Sockets;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * {@code AF_PACKET} across a veth pair in a network namespace this test makes ({@code unshare -n}
 * around a child JVM, {@link PacketVethMain}): a raw Ethernet frame from python3 reaches a
 * weft RAW socket parked in the poller, with the full {@code (ifname, proto, pkttype, hatype, addr)};
 * weft's DGRAM sendTo reaches python3; {@code PACKET_ADD_MEMBERSHIP} sets promiscuous mode and
 * a link-layer group as {@code ip} reports them. Skips without {@code unshare}, {@code ip} or the privilege.
 */
class PacketVethTest {
    @Test
    void framesCrossAVethPairInAFreshNamespace() throws Exception {
        Assumptions.assumeTrue(Sockets.provider().nativeFamily(Family.PACKET) >= 0, "this OS has no AF_PACKET");
        Assumptions.assumeTrue(run(List.of("sh", "-c", "unshare -n sh -c 'ip link add wv0 type veth peer name wv1'")) == 0,
                "cannot make a network namespace with a veth pair (needs unshare, ip and CAP_NET_ADMIN)");
        List<String> cmd = new ArrayList<>(List.of("unshare", "-n"));
        cmd.addAll(ChildJvm.command(PacketVethMain.class, List.of(), List.of()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the child ends");
        closePipes(p);
        System.out.print(out);
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.trim().endsWith("ALL PASSED"), out);
    }

    private static int run(List<String> cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        int rc = p.waitFor(30, TimeUnit.SECONDS) ? p.exitValue() : -1;
        closePipes(p);
        return rc;
    }

    /** Closes the child's pipes here, so no descriptor is left for the process reaper to close during a later test's count. */
    static void closePipes(Process p) throws IOException {
        p.getOutputStream().close();
        p.getInputStream().close();
        p.getErrorStream().close();
    }

}
