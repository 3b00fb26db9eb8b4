package dev.weft.macos;

import dev.weft.Credentials;
import dev.weft.common.OptionCodec;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Map;

/**
 * The option value layouts only macOS has, by the options that use them (as LinuxOptions is
 * Linux's); the POSIX ones ({@code struct linger}, {@code ip_mreq}, {@code ipv6_mreq}) come
 * from the shared layer, and every {@code int}/boolean option ({@code TCP_KEEPALIVE},
 * {@code TCP_NOTSENT_LOWAT}, {@code SO_NOSIGPIPE}, {@code IP_BOUND_IF},
 * {@code IPV6_BOUND_IF}, {@code SO_REUSEPORT}) takes the default by its type. Every offset is
 * DarwinConstants', read from Apple's headers.
 */
final class DarwinOptions {
    private DarwinOptions() {}

    /**
     * {@code struct xucred} (sys/ucred.h), read-only, from {@code getsockopt(SOL_LOCAL,
     * LOCAL_PEERCRED)}: the uid and the first group, which XNU fills with the effective gid
     * (bsd/kern/uipc_usrreq.c, {@code cru2x}). xucred carries no pid, so {@code pid} is -1;
     * {@code LOCAL_PEERPID} asks for it separately.
     */
    static final OptionCodec<Credentials> XUCRED = OptionCodec.of(Credentials.class, null, DarwinOptions::xucred);

    /** By option name, over the POSIX ones. */
    static final Map<String, OptionCodec<?>> NAMED = Map.of("LOCAL_PEERCRED", XUCRED);

    static Credentials xucred(byte[] value, int length) {
        int least = DarwinConstants.OFF_XUCRED_CR_GROUPS + DarwinConstants.SIZEOF_GID_T;
        if (length < least || value.length < length) {
            throw new IllegalArgumentException("struct xucred needs " + least + " bytes, got " + length);
        }
        ByteBuffer b = ByteBuffer.wrap(value).order(ByteOrder.nativeOrder());
        int version = b.getInt(DarwinConstants.OFF_XUCRED_CR_VERSION);
        if (version != DarwinConstants.XUCRED_VERSION) {
            throw new IllegalArgumentException("struct xucred version " + version + ", expected " + DarwinConstants.XUCRED_VERSION);
        }
        int ngroups = b.getShort(DarwinConstants.OFF_XUCRED_CR_NGROUPS);
        int gid = ngroups > 0 ? b.getInt(DarwinConstants.OFF_XUCRED_CR_GROUPS) : -1;
        return new Credentials(-1, b.getInt(DarwinConstants.OFF_XUCRED_CR_UID), gid);
    }
}
