package dev.weft.linux;

import dev.weft.Credentials;
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

    /** By option name, over the POSIX ones. */
    static final Map<String, OptionCodec<?>> NAMED = Map.of(
            "IP_ADD_MEMBERSHIP", IP_MREQN,
            "IP_DROP_MEMBERSHIP", IP_MREQN,
            "TCP_INFO", TCP_INFO,
            "SO_PEERCRED", UCRED);
}
