package dev.weft.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.Errno;
import dev.weft.Family;
import dev.weft.OsError;
import dev.weft.Socket;
import dev.weft.SocketType;
import dev.weft.Sockets;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * ICMP ping sockets ({@code SOCK_DGRAM} + {@code IPPROTO_ICMP}): refused with
 * {@code EACCES} where {@code net.ipv4.ping_group_range} leaves this process's group out
 * (as CPython reports it), and echoing in a namespace the test makes with the range opened.
 */
class IcmpPingSocketTest {
    private static final int ICMP = Sockets.constant("IPPROTO_ICMP", 1);

    @Test
    void outsideThePingGroupRangeTheSocketIsRefusedAsInCPython() throws Exception {
        Path range = Path.of("/proc/sys/net/ipv4/ping_group_range");
        Assumptions.assumeTrue(Files.isReadable(range), "no ping_group_range on this kernel");
        String[] r = Files.readAllLines(range).get(0).trim().split("\\s+");
        long gid = ((Number) Files.getAttribute(Path.of("/proc/self"), "unix:gid")).longValue(); // this process's group
        Assumptions.assumeTrue(gid < Long.parseLong(r[0]) || gid > Long.parseLong(r[1]),
                "this process's group " + gid + " is inside ping_group_range " + r[0] + "-" + r[1]);
        IOException e = assertThrows(IOException.class, () -> Socket.open(Family.INET, SocketType.DGRAM, ICMP));
        OsError err = assertInstanceOf(OsError.class, e);
        assertEquals(Errno.EACCES, err.errno(), "errno of " + e);
        Process p = new ProcessBuilder("python3", "-c", """
                import socket
                try:
                    socket.socket(socket.AF_INET, socket.SOCK_DGRAM, socket.IPPROTO_ICMP)
                    print('opened')
                except OSError as e:
                    print(e.errno)
                """).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        PacketVethTest.closePipes(p);
        assertEquals(String.valueOf(err.nativeErrno()), out, "python3's errno");
    }

    @Test
    void aPingSocketEchoesInANamespaceThatAllowsIt() throws Exception {
        Assumptions.assumeTrue(run(List.of("sh", "-c", "unshare -n sysctl -qw net.ipv4.ping_group_range='0 2147483647'")) == 0,
                "cannot make a network namespace and set its ping_group_range (needs unshare and CAP_NET_ADMIN)");
        List<String> java = ChildJvm.command(PingMain.class, List.of(), List.of());
        StringBuilder cmd = new StringBuilder("ip link set lo up && sysctl -qw net.ipv4.ping_group_range='0 2147483647' && exec");
        for (String a : java) {
            cmd.append(" '").append(a.replace("'", "'\\''")).append('\'');
        }
        List<String> full = new ArrayList<>(List.of("unshare", "-n", "sh", "-c", cmd.toString()));
        Process p = new ProcessBuilder(full).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the child ends");
        PacketVethTest.closePipes(p);
        System.out.print(out);
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.trim().endsWith("ALL PASSED"), out);
    }

    private static int run(List<String> cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        int rc = p.waitFor(30, TimeUnit.SECONDS) ? p.exitValue() : -1;
        PacketVethTest.closePipes(p);
        return rc;
    }
}
