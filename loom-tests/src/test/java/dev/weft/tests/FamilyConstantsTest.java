package dev.weft.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.Sockets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * CPython's constants of each family weft has a record for ({@code AF_*}, {@code CAN_*},
 * {@code J1939_*}, {@code ALG_*}, {@code TIPC_*}, {@code VMADDR_*}, {@code SO_VM_*},
 * {@code NETLINK_*}, {@code BTPROTO_*}, {@code HCI_*}, {@code ETH_P_*}, {@code PACKET_*}, {@code SOL_*}...) are in the provider's table
 * with the values python3 has on the same machine. In the kernel lane that python3 is the
 * guest's {@code /usr/bin/python3}, built against the headers of Debian's kernel. Names with
 * lower case ({@code AF_DECnet}) are not in the table, as {@code tools/gen-linux-constants.py}
 * leaves them out.
 */
@Tag(KernelLane.TAG)
class FamilyConstantsTest {
    private static final List<String> PREFIXES = List.of("AF_", "CAN_", "J1939_", "SO_J1939_", "SCM_J1939_", "ALG_", "TIPC_",
            "VMADDR_", "SO_VM_", "IOCTL_VM_", "NETLINK_", "ETH_P_", "PACKET_", "SOL_", "IPPROTO_", "UDPLITE_",
            "BTPROTO_", "HCI_");

    @Test
    void everyFamilyConstantOfPythonIsHereWithItsValue() throws Exception {
        Assumptions.assumeTrue(Sockets.provider().name().equals("linux"), "the Linux table against Linux's python3");
        Assumptions.assumeTrue(TestKit.hasPython3(), "no python3");
        String script = """
                import socket, sys
                pre = tuple(sys.argv[1:])
                print(" ".join(f"{n}={getattr(socket, n)}" for n in sorted(dir(socket))
                               if n.startswith(pre) and n.isupper() and isinstance(getattr(socket, n), int)), flush=True)
                """;
        Map<String, Integer> mine = Sockets.provider().constants();
        Map<String, String> missing = new TreeMap<>();
        List<String> differ = new ArrayList<>();
        int checked = 0;
        try (TestKit.Python py = TestKit.python(script, PREFIXES.toArray(String[]::new))) {
            for (String kv : py.firstLine.split(" ")) {
                String[] p = kv.split("=", 2);
                Integer v = mine.get(p[0]);
                if (v == null) {
                    missing.put(p[0], p[1]);
                } else if (v.longValue() != Long.parseLong(p[1]) && (v & 0xFFFFFFFFL) != Long.parseLong(p[1])) {
                    differ.add(p[0] + ": weft " + v + ", python3 " + p[1]);
                } else {
                    checked++;
                }
            }
        }
        System.out.println("family constants: " + checked + " equal to python3's");
        assertTrue(differ.isEmpty(), "values differ from python3's: " + differ);
        assertTrue(missing.isEmpty(), "python3 has, weft lacks: " + missing);
    }
}
