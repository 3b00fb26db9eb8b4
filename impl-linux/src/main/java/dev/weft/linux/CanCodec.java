package dev.weft.linux;

import dev.weft.Family;
import dev.weft.SockAddr;
import dev.weft.common.FamilyCodec;
import java.nio.ByteBuffer;

/**
 * {@code struct sockaddr_can} (24 bytes): a pad short, {@code can_ifindex}, then the union
 * of ISOTP's {@code rx_id}/{@code tx_id} and J1939's {@code name} (u64 at 8), {@code pgn}
 * (at 16) and {@code addr} (at 20). The interface is named as in {@link PacketCodec} (the
 * same lookup); {@code ""} is index 0, every interface, as in CPython. The whole struct is
 * always passed, as CPython does: {@code CAN_RAW} needs 8 bytes of it, ISOTP 16, J1939 all.
 */
final class CanCodec extends FamilyCodec<SockAddr.Can> {
    /** {@code ENODEV} on Linux: what {@code SIOCGIFINDEX} fails with for an unknown name. */
    private static final int ENODEV = 19;
    /** {@code sizeof(struct sockaddr_can)}. */
    private static final int SIZE = 24;

    static final CanCodec INSTANCE = new CanCodec(PacketCodec.LIBC);

    private final PacketCodec.Interfaces interfaces;

    CanCodec(PacketCodec.Interfaces interfaces) {
        super(Family.CAN, SockAddr.Can.class);
        this.interfaces = interfaces;
    }

    @Override
    public int encode(SockAddr.Can a, ByteBuffer b, int off) {
        int index = 0;
        if (!a.ifname().isEmpty()) {
            index = interfaces.index(a.ifname());
            if (index <= 0) {
                return index < 0 ? index : -ENODEV;
            }
        }
        b.putInt(off + 4, index);
        b.putLong(off + 8, a.name());
        b.putInt(off + 16, a.pgn());
        b.put(off + 20, (byte) a.addr());
        return SIZE;
    }

    @Override
    public SockAddr decode(ByteBuffer b, int off, int len, int nativeFamily) {
        if (len < 8) {
            return null;
        }
        int index = b.getInt(off + 4);
        String name = "";
        if (index != 0) {
            String n = interfaces.name(index);
            if (n != null && !PacketCodec.fits(n)) {
                return null;
            }
            name = n == null ? "" : n;
        }
        long j1939Name = len >= 16 ? b.getLong(off + 8) : 0;
        int pgn = len >= 20 ? b.getInt(off + 16) : 0;
        int addr = len >= 21 ? b.get(off + 20) & 0xFF : 0;
        return new SockAddr.Can(name, j1939Name, pgn, addr);
    }
}
