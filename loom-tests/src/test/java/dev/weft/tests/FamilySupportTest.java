package dev.weft.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.Family;
import dev.weft.Sockets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@link Sockets#supports(Family)} says what python3 finds on the same kernel: a family is
 * there unless {@code socket(family, SOCK_DGRAM)} fails with {@code EAFNOSUPPORT}. Runs here
 * and in the kernel lane, where every family the lane exists for must be there.
 */
@Tag(KernelLane.TAG)
class FamilySupportTest {
    private static final List<Family> LINUX = List.of(Family.UNIX, Family.INET, Family.INET6, Family.NETLINK, Family.PACKET,
            Family.VSOCK, Family.CAN, Family.ALG, Family.TIPC, Family.QIPCRTR, Family.RDS);

    @Test
    void supportsAgreesWithPython() throws Exception {
        Assumptions.assumeTrue(Sockets.provider().name().equals("linux"), "python3's AF_* names are Linux's here");
        Assumptions.assumeTrue(TestKit.hasPython3(), "no python3");
        String script = """
                import errno, socket, sys
                out = []
                for name in sys.argv[1:]:
                    try:
                        socket.socket(getattr(socket, name), socket.SOCK_DGRAM).close(); out.append("1")
                    except OSError as e:
                        out.append("0" if e.errno == errno.EAFNOSUPPORT else "1")
                print(" ".join(out), flush=True)
                """;
        List<String> names = new ArrayList<>();
        StringBuilder weft = new StringBuilder();
        for (Family f : LINUX) {
            names.add(f.constantName());
            weft.append(weft.isEmpty() ? "" : " ").append(Sockets.supports(f) ? "1" : "0");
        }
        try (TestKit.Python py = TestKit.python(script, names.toArray(String[]::new))) {
            assertEquals(py.firstLine, weft.toString(), "weft's supports(...) against python3's, for " + names);
        }
        assertTrue(Sockets.supports(Family.INET));
        assertFalse(Sockets.supports(Family.SYSTEM), "macOS's PF_SYSTEM has no number here");
        assertFalse(Sockets.supports(Family.UNSPEC));
        if (KernelLane.IN_LANE) {
            for (Family f : List.of(Family.CAN, Family.ALG, Family.TIPC, Family.VSOCK, Family.QIPCRTR)) {
                assertTrue(Sockets.supports(f), "the lane's kernel has " + f);
            }
        }
    }
}
