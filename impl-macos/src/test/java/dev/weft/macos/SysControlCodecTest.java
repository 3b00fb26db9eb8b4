package dev.weft.macos;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.weft.SockAddr;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

/**
 * {@code struct sockaddr_ctl} in the SA_LEN layout, against an independent rendering of
 * xnu's bsd/sys/kern_control.h: {@code u_char sc_len; u_char sc_family; u_int16_t
 * ss_sysaddr; u_int32_t sc_id; u_int32_t sc_unit; u_int32_t sc_reserved[5];}.
 */
class SysControlCodecTest {
    private final MacProvider p = new MacProvider();

    private static byte[] rendered(int id, int unit) {
        ByteBuffer b = ByteBuffer.allocate(32).order(ByteOrder.nativeOrder());
        b.put((byte) 32).put((byte) 32)   // sc_len, sc_family = AF_SYSTEM (sys/socket.h: 32)
                .putShort((short) 2)      // ss_sysaddr = AF_SYS_CONTROL (sys_domain.h: 2)
                .putInt(id).putInt(unit); // sc_reserved stays zero
        return b.array();
    }

    @Test
    void encodesByteForByteAndRoundTrips() {
        for (int[] c : new int[][] {{0, 0}, {0xDEADBEEF, 7}, {-1, -1}, {1, 0x7FFFFFFF}}) {
            SockAddr.SysControl a = new SockAddr.SysControl(c[0], c[1]);
            ByteBuffer b = ByteBuffer.allocate(256).order(ByteOrder.nativeOrder());
            int len = p.encodeSockAddr(a, b, 0);
            assertEquals(DarwinConstants.SIZEOF_SOCKADDR_CTL, len);
            byte[] got = new byte[32];
            b.get(0, got);
            assertArrayEquals(rendered(c[0], c[1]), got, a.toString());
            assertEquals(a, p.decodeSockAddr(b, 0, len));
        }
    }

    @Test
    void anotherSubsystemOrShortBytesDecodeRaw() {
        ByteBuffer b = ByteBuffer.wrap(rendered(5, 6)).order(ByteOrder.nativeOrder());
        b.putShort(2, (short) DarwinConstants.SYSPROTO_EVENT);
        assertInstanceOf(SockAddr.Raw.class, p.decodeSockAddr(b, 0, 32));
        ByteBuffer c = ByteBuffer.wrap(rendered(5, 6)).order(ByteOrder.nativeOrder());
        assertInstanceOf(SockAddr.Raw.class, p.decodeSockAddr(c, 0, 8));
    }

    @Test
    void printsUnsignedAsPython() {
        assertEquals("system:(4294967295, 1)", new SockAddr.SysControl(-1, 1).toString());
    }
}
