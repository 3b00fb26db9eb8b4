package dev.weft.linux;

import dev.weft.Family;
import dev.weft.SockAddr;
import dev.weft.common.FamilyCodec;
import java.nio.ByteBuffer;

/**
 * {@code struct sockaddr_tipc} (16 bytes): {@code addrtype} at 2, {@code scope} at 3, then
 * the union at 4: {@code nameseq} (type, lower, upper), {@code name} (type, instance, domain)
 * or {@code id} ({@code ref} at 4, {@code node} at 8). CPython's {@code (1|2, v1, v2, v3)}
 * fill 4, 8, 12 in order; its {@code (3, node, ref)} puts {@code node} at 8 and {@code ref} at 4.
 */
final class TipcCodec extends FamilyCodec<SockAddr.Tipc> {
    static final TipcCodec INSTANCE = new TipcCodec();

    private TipcCodec() {
        super(Family.TIPC, SockAddr.Tipc.class);
    }

    @Override
    public int encode(SockAddr.Tipc a, ByteBuffer b, int off) {
        b.put(off + 2, (byte) a.addrType());
        b.put(off + 3, (byte) a.scope());
        if (a.addrType() == SockAddr.Tipc.ID) {
            b.putInt(off + 4, a.v2());
            b.putInt(off + 8, a.v1());
        } else {
            b.putInt(off + 4, a.v1());
            b.putInt(off + 8, a.v2());
            b.putInt(off + 12, a.v3());
        }
        return 16;
    }

    @Override
    public SockAddr decode(ByteBuffer b, int off, int len, int nativeFamily) {
        if (len < 16) {
            return null;
        }
        int type = b.get(off + 2) & 0xFF;
        int scope = b.get(off + 3) & 0xFF;
        return switch (type) {
            case SockAddr.Tipc.NAMESEQ, SockAddr.Tipc.NAME ->
                    new SockAddr.Tipc(type, b.getInt(off + 4), b.getInt(off + 8), b.getInt(off + 12), scope);
            // An id's v3 is padding the kernel may leave as it likes: bytes the record cannot hold.
            case SockAddr.Tipc.ID -> b.getInt(off + 12) != 0 ? null
                    : new SockAddr.Tipc(type, b.getInt(off + 8), b.getInt(off + 4), 0, scope);
            default -> null;
        };
    }
}
