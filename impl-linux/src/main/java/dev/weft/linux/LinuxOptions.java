package dev.weft.linux;

import dev.weft.CanFilter;
import dev.weft.Credentials;
import dev.weft.PacketMembership;
import dev.weft.SockOpt;
import dev.weft.TcpInfo;
import dev.weft.common.OptionCodec;
import dev.weft.common.OptionCodecs;
import java.util.Map;

/** The option value layouts only Linux has, by the options that use them. */
final class LinuxOptions {
    private LinuxOptions() {}

    /** {@code struct ip_mreqn}: group, interface address, interface index (either may choose the interface). */
    static final OptionCodec<SockOpt.Membership> IP_MREQN = OptionCodec.of(SockOpt.Membership.class, m -> {
        OptionCodecs.requireIpv4(m);
        return OptionCodecs.buffer(12).put(m.group().getAddress()).put(OptionCodecs.interfaceAddress(m))
                .putInt(m.interfaceIndex()).array();
    }, null);

    /** {@code struct tcp_info}, read-only. */
    static final OptionCodec<TcpInfo> TCP_INFO = OptionCodec.of(TcpInfo.class, null, LinuxStructs::tcpInfo);

    /** {@code struct ucred}, read-only. */
    static final OptionCodec<Credentials> UCRED = OptionCodec.of(Credentials.class, null, LinuxStructs::ucred);

    /** {@code struct packet_mreq}: ifindex, type, address length, address[8]. */
    static final OptionCodec<PacketMembership> PACKET_MREQ = OptionCodec.of(PacketMembership.class, m -> {
        byte[] a = m.address();
        return OptionCodecs.buffer(16).putInt(m.interfaceIndex()).putShort((short) m.type()).putShort((short) a.length)
                .put(a).array();
    }, null);

    /** {@code struct can_filter[]}: {@code can_id}, {@code can_mask}, native order, 8 bytes each. */
    static final OptionCodec<CanFilter[]> CAN_FILTERS = OptionCodec.of(CanFilter[].class, fs -> {
        var b = OptionCodecs.buffer(8 * fs.length);
        for (CanFilter f : fs) {
            b.putInt(f.canId()).putInt(f.canMask());
        }
        return b.array();
    }, (v, n) -> {
        var b = java.nio.ByteBuffer.wrap(v, 0, n).order(java.nio.ByteOrder.nativeOrder());
        CanFilter[] fs = new CanFilter[n / 8];
        for (int i = 0; i < fs.length; i++) {
            fs[i] = new CanFilter(b.getInt(8 * i), b.getInt(8 * i + 4));
        }
        return fs;
    });

    /** A C {@code uint64_t} in native order (AF_VSOCK's buffer sizes). */
    static final OptionCodec<Long> U64 = OptionCodec.of(Long.class, v -> OptionCodecs.buffer(8).putLong(v).array(),
            (v, n) -> {
                if (n != 8) {
                    throw new IllegalArgumentException("a 64-bit option value of " + n + " bytes");
                }
                return java.nio.ByteBuffer.wrap(v, 0, 8).order(java.nio.ByteOrder.nativeOrder()).getLong();
            });

    /** By option name, over the POSIX ones. */
    static final Map<String, OptionCodec<?>> NAMED = Map.of(
            "IP_ADD_MEMBERSHIP", IP_MREQN,
            "IP_DROP_MEMBERSHIP", IP_MREQN,
            "TCP_INFO", TCP_INFO,
            "SO_PEERCRED", UCRED,
            "PACKET_ADD_MEMBERSHIP", PACKET_MREQ,
            "PACKET_DROP_MEMBERSHIP", PACKET_MREQ,
            "CAN_RAW_FILTER", CAN_FILTERS,
            "SO_VM_SOCKETS_BUFFER_SIZE", U64,
            "SO_VM_SOCKETS_BUFFER_MIN_SIZE", U64,
            "SO_VM_SOCKETS_BUFFER_MAX_SIZE", U64);
}
