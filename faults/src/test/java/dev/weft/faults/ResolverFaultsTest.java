package dev.weft.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.Family;
import dev.weft.GaiException;
import dev.weft.SocketType;
import dev.weft.Sockets;
import dev.weft.faults.FaultPlan.Knob;
import org.junit.jupiter.api.Test;

/**
 * Resolver faults reach code that never names a provider ({@code Sockets.getAddrInfo} uses
 * weft's own), through a session on the installed provider: chosen names fail with
 * {@code EAI_NONAME}, others with {@code EAI_AGAIN} at the plan's rate, numeric addresses
 * never, and the session's end ends the faults.
 */
class ResolverFaultsTest {
    @Test
    void chosenNamesFailAndNumericAddressesNever() throws Exception {
        FaultPlan plan = FaultPlan.none().withSeed(1).with(Knob.DNS_NONAME, "db.internal,localhost");
        try (FaultSession s = Faults.session(plan)) {
            GaiException e = assertThrows(GaiException.class, () -> Sockets.getAddrInfo("localhost", 80, Family.INET, SocketType.STREAM));
            assertEquals("EAI_NONAME", e.eaiName());
            assertEquals(dev.weft.SocketConstants.EAI_NONAME, e.eaiCode());
            // As CPython's, weft's gethostbyname asks getaddrinfo, and fails with its gaierror.
            assertEquals("EAI_NONAME", assertThrows(GaiException.class, () -> Sockets.getHostByName("db.internal")).eaiName());
            assertFalse(Sockets.getAddrInfo("127.0.0.1", 80, Family.INET, SocketType.STREAM).isEmpty());
            assertEquals(2, s.log().size());
            assertEquals("dns:localhost resolve#0 gai EAI_NONAME", s.log().events().get(1).toString());
        }
        assertFalse(Sockets.getAddrInfo("localhost", 80, Family.INET, SocketType.STREAM).isEmpty(), "no faults after the session");
    }

    @Test
    void slowDnsFailsSomeLookupsTemporarilyAndTheSameSeedFailsTheSameOnes() throws Exception {
        FaultPlan plan = FaultPlan.profile("slow-dns").withSeed(5).with(Knob.DNS_DELAY_US, "0-2000").with(Knob.DNS_AGAIN, "0.5");
        String first = lookups(plan);
        assertTrue(first.contains("EAI_AGAIN") && first.contains("ok"), first);
        assertEquals(first, lookups(plan));
    }

    private static String lookups(FaultPlan plan) throws Exception {
        StringBuilder b = new StringBuilder();
        try (FaultSession s = Faults.session(plan)) {
            for (int i = 0; i < 8; i++) { // a real lookup of localhost takes ~0.1 s here
                try {
                    Sockets.getAddrInfo("localhost", 80, Family.INET, SocketType.STREAM);
                    b.append("ok ");
                } catch (GaiException e) {
                    b.append(e.eaiName()).append(' ');
                }
            }
            b.append('\n').append(s.log());
        }
        return b.toString();
    }
}
