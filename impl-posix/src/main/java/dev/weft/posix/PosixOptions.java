package dev.weft.posix;

import dev.weft.common.OptionCodec;
import dev.weft.common.OptionCodecs;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Map;

/** The option value layouts every POSIX system shares, by the options that use them. */
final class PosixOptions {
    private PosixOptions() {}

    /**
     * {@code struct linger} as {@code java.net} gives it: seconds, or negative for off
     * ({@code l_onoff} 0).
     */
    static final OptionCodec<Integer> LINGER = OptionCodec.of(Integer.class,
            v -> OptionCodecs.ints(v >= 0 ? 1 : 0, Math.max(0, v)), (b, n) -> {
                ByteBuffer v = ByteBuffer.wrap(b).order(ByteOrder.nativeOrder());
                return v.getInt(0) != 0 ? v.getInt(4) : -1;
            });

    /** By option name; an OS's own entries (Linux's {@code ip_mreqn}) override these. */
    static final Map<String, OptionCodec<?>> NAMED = Map.of(
            "SO_LINGER", LINGER,
            "IP_ADD_MEMBERSHIP", OptionCodecs.IP_MREQ,
            "IP_DROP_MEMBERSHIP", OptionCodecs.IP_MREQ,
            "IPV6_JOIN_GROUP", OptionCodecs.IPV6_MREQ,
            "IPV6_LEAVE_GROUP", OptionCodecs.IPV6_MREQ);
}
