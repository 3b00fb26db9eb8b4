package dev.weft.windows;

import dev.weft.Family;
import dev.weft.SockAddr;
import dev.weft.common.FamilyCodec;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.UUID;

/**
 * {@code SOCKADDR_HV} (hvsocket.h, 36 bytes): the family, a reserved {@code USHORT}, then
 * {@code VmId} and {@code ServiceId} as Windows {@code GUID}s. A GUID is {@code Data1}
 * (32 bits), {@code Data2} and {@code Data3} (16 bits each), all little-endian on every
 * Windows target, then {@code Data4}'s 8 bytes in string order; a {@link UUID}'s two longs hold
 * the same fields big-endian, so the first three are swapped and the last 8 bytes copied.
 * Offsets are {@link WinsockConstants}' (from the headers).
 */
final class HyperVCodec extends FamilyCodec<SockAddr.HyperV> {
    static final HyperVCodec INSTANCE = new HyperVCodec();

    private HyperVCodec() {
        super(Family.HYPERV, SockAddr.HyperV.class);
    }

    @Override
    public int encode(SockAddr.HyperV a, ByteBuffer b, int off) {
        b.putShort(off + WinsockConstants.OFF_SOCKADDR_HV_RESERVED, (short) 0);
        putGuid(b, off + WinsockConstants.OFF_SOCKADDR_HV_VMID, a.vmId());
        putGuid(b, off + WinsockConstants.OFF_SOCKADDR_HV_SERVICEID, a.serviceId());
        return WinsockConstants.SIZEOF_SOCKADDR_HV;
    }

    @Override
    public SockAddr decode(ByteBuffer b, int off, int len, int nativeFamily) {
        if (len < WinsockConstants.SIZEOF_SOCKADDR_HV) {
            return null;
        }
        return new SockAddr.HyperV(getGuid(b, off + WinsockConstants.OFF_SOCKADDR_HV_VMID),
                getGuid(b, off + WinsockConstants.OFF_SOCKADDR_HV_SERVICEID));
    }

    static void putGuid(ByteBuffer b, int at, UUID g) {
        ByteBuffer le = b.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        long hi = g.getMostSignificantBits();
        le.putInt(at, (int) (hi >>> 32)).putShort(at + 4, (short) (hi >>> 16)).putShort(at + 6, (short) hi);
        b.duplicate().order(ByteOrder.BIG_ENDIAN).putLong(at + 8, g.getLeastSignificantBits());
    }

    static UUID getGuid(ByteBuffer b, int at) {
        ByteBuffer le = b.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        long hi = (le.getInt(at) & 0xFFFF_FFFFL) << 32 | (le.getShort(at + 4) & 0xFFFFL) << 16 | (le.getShort(at + 6) & 0xFFFFL);
        return new UUID(hi, b.duplicate().order(ByteOrder.BIG_ENDIAN).getLong(at + 8));
    }
}
