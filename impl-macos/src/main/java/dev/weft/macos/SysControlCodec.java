package dev.weft.macos;

import static dev.weft.macos.DarwinConstants.AF_SYS_CONTROL;
import static dev.weft.macos.DarwinConstants.OFF_SOCKADDR_CTL_SC_ID;
import static dev.weft.macos.DarwinConstants.OFF_SOCKADDR_CTL_SC_UNIT;
import static dev.weft.macos.DarwinConstants.OFF_SOCKADDR_CTL_SS_SYSADDR;
import static dev.weft.macos.DarwinConstants.SIZEOF_SOCKADDR_CTL;

import dev.weft.Family;
import dev.weft.SockAddr;
import dev.weft.common.FamilyCodec;
import java.nio.ByteBuffer;

/**
 * {@code struct sockaddr_ctl} (xnu bsd/sys/kern_control.h, offsets via DarwinConstants):
 * after the header, {@code ss_sysaddr} ({@code AF_SYS_CONTROL}), {@code sc_id},
 * {@code sc_unit} and five reserved words; 32 bytes, as CPython's {@code getsockaddrarg}
 * writes it. A {@code PF_SYSTEM} address of another subsystem ({@code SYSPROTO_EVENT})
 * decodes to {@link SockAddr.Raw}.
 */
final class SysControlCodec extends FamilyCodec<SockAddr.SysControl> {
    static final SysControlCodec INSTANCE = new SysControlCodec();

    private SysControlCodec() {
        super(Family.SYSTEM, SockAddr.SysControl.class);
    }

    @Override
    public int encode(SockAddr.SysControl a, ByteBuffer b, int off) {
        b.putShort(off + OFF_SOCKADDR_CTL_SS_SYSADDR, (short) AF_SYS_CONTROL);
        b.putInt(off + OFF_SOCKADDR_CTL_SC_ID, a.id());
        b.putInt(off + OFF_SOCKADDR_CTL_SC_UNIT, a.unit());
        return SIZEOF_SOCKADDR_CTL;
    }

    @Override
    public SockAddr decode(ByteBuffer b, int off, int len, int nativeFamily) {
        if (len < OFF_SOCKADDR_CTL_SC_UNIT + 4 || b.getShort(off + OFF_SOCKADDR_CTL_SS_SYSADDR) != AF_SYS_CONTROL) {
            return null;
        }
        return new SockAddr.SysControl(b.getInt(off + OFF_SOCKADDR_CTL_SC_ID), b.getInt(off + OFF_SOCKADDR_CTL_SC_UNIT));
    }
}
