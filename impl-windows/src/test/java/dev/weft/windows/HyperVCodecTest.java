package dev.weft.windows;

import static dev.weft.windows.WinsockConstants.OFF_SOCKADDR_HV_FAMILY;
import static dev.weft.windows.WinsockConstants.OFF_SOCKADDR_HV_SERVICEID;
import static dev.weft.windows.WinsockConstants.OFF_SOCKADDR_HV_VMID;
import static dev.weft.windows.WinsockConstants.SIZEOF_SOCKADDR_HV;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.SockAddr;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HexFormat;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * {@code SOCKADDR_HV} as {@code hvsocket.h} lays it out (offsets from {@link WinsockConstants},
 * which the header test ties to mingw-w64), with GUIDs in Windows' mixed-endian form.
 */
class HyperVCodecTest {
    private final WindowsProvider p = new WindowsProvider();

    private static ByteBuffer area() {
        return ByteBuffer.allocate(dev.weft.common.Scratch.ADDR_SIZE).order(ByteOrder.nativeOrder());
    }

    @Test
    void theLoopbackVmIdHasTheBytesOfHvsocketHsDefineGuid() {
        // DEFINE_GUID(HV_GUID_LOOPBACK, 0xe0e16197, 0xdd56, 0x4a10, 0x91, 0x95, 0x5e, 0xe7, 0xa1, 0x55, 0xa8, 0x38)
        // in memory: Data1..Data3 little-endian, Data4 as written (python3's uuid.bytes_le agrees).
        UUID service = UUID.fromString("3049197c-facb-11e6-bd58-64006a7986d3");
        ByteBuffer b = area();
        int len = p.encodeSockAddr(new SockAddr.HyperV(SockAddr.HyperV.LOOPBACK, service), b, 0);
        assertEquals(SIZEOF_SOCKADDR_HV, len);
        assertEquals(34, b.getShort(OFF_SOCKADDR_HV_FAMILY)); // AF_HYPERV
        byte[] vm = new byte[16];
        b.get(OFF_SOCKADDR_HV_VMID, vm);
        assertArrayEquals(HexFormat.of().parseHex("9761e1e056dd104a91955ee7a155a838"), vm);
        byte[] sv = new byte[16];
        b.get(OFF_SOCKADDR_HV_SERVICEID, sv);
        assertArrayEquals(HexFormat.of().parseHex("7c194930cbfae611bd5864006a7986d3"), sv);
        assertEquals(new SockAddr.HyperV(SockAddr.HyperV.LOOPBACK, service), p.decodeSockAddr(b, 0, len));
    }

    @Test
    void everyPairOfGuidsRoundTrips() {
        SplittableRandom r = new SplittableRandom(34);
        for (int i = 0; i < 1_000; i++) {
            SockAddr.HyperV a = new SockAddr.HyperV(new UUID(r.nextLong(), r.nextLong()), new UUID(r.nextLong(), r.nextLong()));
            ByteBuffer b = area();
            int len = p.encodeSockAddr(a, b, 0);
            assertEquals(a, p.decodeSockAddr(b, 0, len));
        }
    }

    @Test
    void cpythonsStringsAreTakenAndPrintedLowercase() {
        SockAddr.HyperV a = SockAddr.HyperV.of("{E0E16197-DD56-4A10-9195-5EE7A155A838}", "3049197C-FACB-11E6-BD58-64006A7986D3");
        assertEquals(SockAddr.HyperV.LOOPBACK, a.vmId());
        assertEquals("('e0e16197-dd56-4a10-9195-5ee7a155a838', '3049197c-facb-11e6-bd58-64006a7986d3')", a.toString());
    }

    @Test
    void aStringThatIsNotAGuidIsRefusedNamingIt() {
        // UUID.fromString alone would take "1-1-1-1-1"; UuidFromStringW does not.
        for (String bad : new String[] {"1-1-1-1-1", "", "e0e16197dd564a1091955ee7a155a838", "{e0e16197-dd56-4a10-9195-5ee7a155a838",
                "e0e16197-dd56-4a10-9195-5ee7a155a83g"}) {
            var e = assertThrows(IllegalArgumentException.class, () -> SockAddr.HyperV.of(bad, SockAddr.HyperV.ZERO.toString()));
            assertTrue(e.getMessage().startsWith("vm_id is not a GUID"), e.getMessage());
        }
        assertThrows(NullPointerException.class, () -> new SockAddr.HyperV(null, SockAddr.HyperV.ZERO));
    }
}
