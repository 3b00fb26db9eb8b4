package dev.weft.linux;

import dev.weft.Family;
import dev.weft.SockAddr;
import dev.weft.common.FamilyCodec;
import java.nio.ByteBuffer;

/** {@code struct sockaddr_qrtr} (12 bytes): a pad short, {@code sq_node}, {@code sq_port}, native order. */
final class QipcrtrCodec extends FamilyCodec<SockAddr.Qipcrtr> {
    static final QipcrtrCodec INSTANCE = new QipcrtrCodec();

    private QipcrtrCodec() {
        super(Family.QIPCRTR, SockAddr.Qipcrtr.class);
    }

    @Override
    public int encode(SockAddr.Qipcrtr a, ByteBuffer b, int off) {
        b.putInt(off + 4, a.node());
        b.putInt(off + 8, a.port());
        return 12;
    }

    @Override
    public SockAddr decode(ByteBuffer b, int off, int len, int nativeFamily) {
        return len < 12 ? null : new SockAddr.Qipcrtr(b.getInt(off + 4), b.getInt(off + 8));
    }
}
