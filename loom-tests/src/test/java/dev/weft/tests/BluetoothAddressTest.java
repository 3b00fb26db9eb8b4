package dev.weft.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.SockAddr;
import dev.weft.common.SockAddrCodec;
import dev.weft.common.SockAddrLayout;
import dev.weft.linux.LinuxProvider;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * {@link SockAddr.Bluetooth}'s four forms are the bytes python3's {@code struct} packs for
 * Linux's {@code sockaddr_l2} ({@code "=HH6sHBx"}), {@code sockaddr_rc} ({@code "=H6sBx"}),
 * {@code sockaddr_hci} ({@code "=HHH"}) and {@code sockaddr_sco} ({@code "=H6s"}) with the
 * bdaddr reversed, as BlueZ's {@code str2ba} stores it, and decode back by length; bad
 * bdaddrs, ports and protocols are refused with their reason. No kernel needed.
 */
class BluetoothAddressTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final int AF_BLUETOOTH = 31;
    private static final SockAddrCodec CODEC = new SockAddrCodec(SockAddrLayout.SA_FAMILY, Map.of("AF_BLUETOOTH", AF_BLUETOOTH),
            LinuxProvider.FAMILIES);

    private static String encode(SockAddr a) {
        ByteBuffer b = ByteBuffer.allocate(128).order(ByteOrder.nativeOrder());
        int len = CODEC.encode(a, b, 0);
        byte[] got = new byte[len];
        b.get(0, got);
        assertEquals(a, CODEC.decode(ByteBuffer.wrap(got).order(ByteOrder.nativeOrder()), 0, len), "decodes back: " + a);
        return HEX.formatHex(got);
    }

    @Test
    void theFourFormsArePythonsStructLayouts() throws Exception {
        Assumptions.assumeTrue(TestKit.hasPython3(), "no python3");
        Assumptions.assumeTrue(ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN, "the formats below are x86_64/aarch64's");
        String script = """
                import struct
                ba = bytes(reversed(bytes.fromhex("0123456789ab")))
                print(struct.pack("<HH6sHBx", 31, 0x1001, ba, 0, 0).hex(),
                      struct.pack("=H6sBx", 31, ba, 30).hex(),
                      struct.pack("=HHH", 31, 0x0102, 0).hex(),
                      struct.pack("=H6s", 31, ba).hex(), flush=True)
                """;
        List<SockAddr> forms = List.of(SockAddr.Bluetooth.l2cap("01:23:45:67:89:ab", 0x1001),
                SockAddr.Bluetooth.rfcomm("1:23:45:67:89:AB", 30), SockAddr.Bluetooth.hci(0x0102),
                SockAddr.Bluetooth.sco("01:23:45:67:89:Ab"));
        try (TestKit.Python py = TestKit.python(script)) {
            String[] want = py.firstLine.split(" ");
            for (int i = 0; i < forms.size(); i++) {
                assertEquals(want[i], encode(forms.get(i)), forms.get(i).toString());
            }
        }
        assertEquals("01:23:45:67:89:AB", ((SockAddr.Bluetooth) forms.get(1)).bdaddr(), "CPython's %02X form");
        assertEquals("bluetooth-rfcomm('01:23:45:67:89:AB', 30)", forms.get(1).toString());
        assertEquals("bluetooth-hci(258,)", forms.get(2).toString());
    }

    @Test
    void theKernelsLengthsPickTheForm() {
        ByteBuffer b = ByteBuffer.allocate(16).order(ByteOrder.nativeOrder()).putShort(0, (short) AF_BLUETOOTH);
        assertEquals(SockAddr.Bluetooth.l2cap(SockAddr.Bluetooth.BDADDR_ANY, 0), CODEC.decode(b, 0, 14));
        assertEquals(SockAddr.Bluetooth.rfcomm(SockAddr.Bluetooth.BDADDR_ANY, 0), CODEC.decode(b, 0, 10));
        assertEquals(SockAddr.Bluetooth.sco(SockAddr.Bluetooth.BDADDR_ANY), CODEC.decode(b, 0, 8));
        assertEquals(SockAddr.Bluetooth.hci(0), CODEC.decode(b, 0, 6));
        assertTrue(CODEC.decode(b, 0, 7) instanceof SockAddr.Raw, "no Bluetooth struct is 7 bytes");
        assertEquals("00:00:00:FF:FF:FF", SockAddr.Bluetooth.BDADDR_LOCAL);
    }

    @Test
    void badInputIsRefusedWithItsReason() {
        for (String bad : List.of("", "01:23:45:67:89", "01:23:45:67:89:AB:CD", "001:23:45:67:89:AB", "0g:23:45:67:89:AB",
                "01-23-45-67-89-AB", "01:23:45:67:89:", "\u0661:23:45:67:89:AB")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SockAddr.Bluetooth.rfcomm(bad, 1), bad);
            assertTrue(e.getMessage().contains("XX:XX:XX:XX:XX:XX"), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> SockAddr.Bluetooth.rfcomm(SockAddr.Bluetooth.BDADDR_ANY, 256), "channel");
        assertThrows(IllegalArgumentException.class, () -> SockAddr.Bluetooth.l2cap(SockAddr.Bluetooth.BDADDR_ANY, 0x10000), "psm");
        assertThrows(IllegalArgumentException.class, () -> SockAddr.Bluetooth.hci(-1), "dev_id");
        assertThrows(IllegalArgumentException.class, () -> new SockAddr.Bluetooth(4, SockAddr.Bluetooth.BDADDR_ANY, 0), "protocol");
        assertThrows(IllegalArgumentException.class, () -> new SockAddr.Bluetooth(SockAddr.Bluetooth.HCI, "01:23:45:67:89:AB", 0));
        assertThrows(NullPointerException.class, () -> SockAddr.Bluetooth.sco(null));
    }
}
