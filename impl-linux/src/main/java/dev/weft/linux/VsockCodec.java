package dev.weft.linux;

import dev.weft.Family;
import dev.weft.SockAddr;
import dev.weft.common.FamilyCodec;
import java.nio.ByteBuffer;

/** {@code struct sockaddr_vm}: a reserved short, the port, the CID (native order), flags and zeros. */
final class VsockCodec extends FamilyCodec<SockAddr.Vsock> {
    static final VsockCodec INSTANCE = new VsockCodec();

    private VsockCodec() {
        super(Family.VSOCK, SockAddr.Vsock.class);
    }

    @Override
    public int encode(SockAddr.Vsock v, ByteBuffer b, int off) {
        b.putInt(off + 4, v.port());
        b.putInt(off + 8, v.cid());
        return 16;
    }

    @Override
    public SockAddr decode(ByteBuffer b, int off, int len, int nativeFamily) {
        return len < 12 ? null : new SockAddr.Vsock(b.getInt(off + 8), b.getInt(off + 4));
    }
}
