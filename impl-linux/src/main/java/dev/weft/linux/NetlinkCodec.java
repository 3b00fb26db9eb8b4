package dev.weft.linux;

import dev.weft.Family;
import dev.weft.SockAddr;
import dev.weft.common.FamilyCodec;
import java.nio.ByteBuffer;

/** {@code struct sockaddr_nl}: two bytes of padding, the port id, the multicast group mask (native order). */
final class NetlinkCodec extends FamilyCodec<SockAddr.Netlink> {
    static final NetlinkCodec INSTANCE = new NetlinkCodec();

    private NetlinkCodec() {
        super(Family.NETLINK, SockAddr.Netlink.class);
    }

    @Override
    public int encode(SockAddr.Netlink a, ByteBuffer b, int off) {
        b.putInt(off + 4, a.pid());
        b.putInt(off + 8, a.groups());
        return 12;
    }

    @Override
    public SockAddr decode(ByteBuffer b, int off, int len, int nativeFamily) {
        return len < 12 ? null : new SockAddr.Netlink(b.getInt(off + 4), b.getInt(off + 8));
    }
}
