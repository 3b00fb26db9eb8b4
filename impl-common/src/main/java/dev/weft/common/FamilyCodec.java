package dev.weft.common;

import dev.weft.Family;
import dev.weft.SockAddr;
import java.nio.ByteBuffer;

/**
 * The body of one family's {@code struct sockaddr_*}: the bytes after the two-byte header
 * that {@link SockAddrLayout} writes. A provider lists the codecs of the families its OS
 * has and {@link SockAddrCodec} dispatches to them, so adding a family is a new codec and
 * one entry in that list, never a new case in shared code. One instance serves every
 * thread: a codec holds no mutable state.
 *
 * <pre>{@code
 * final class NetlinkCodec extends FamilyCodec<SockAddr.Netlink> {
 *     NetlinkCodec() { super(Family.NETLINK, SockAddr.Netlink.class); }
 *     public int encode(SockAddr.Netlink a, ByteBuffer b, int off) { ...; return 12; }
 *     public SockAddr decode(ByteBuffer b, int off, int len, int nativeFamily) { ... }
 * }
 * }</pre>
 *
 * @param <A> the record of this family
 */
public abstract class FamilyCodec<A extends SockAddr> {
    private final Family family;
    private final Class<A> type;

    /** A codec of {@code type}, the record of {@code family}. */
    protected FamilyCodec(Family family, Class<A> type) {
        this.family = family;
        this.type = type;
    }

    /** The family, whose native number the provider looks up in its constants. */
    public final Family family() {
        return family;
    }

    /** The record this codec encodes. */
    public final Class<A> type() {
        return type;
    }

    /**
     * Writes the fields of {@code a} after the header at {@code off} (the area is zeroed,
     * {@link Scratch#ADDR_SIZE} bytes); returns the length of the whole address, header
     * included, or {@code -errno} when the OS refuses a part of it (an interface name that
     * does not exist).
     */
    public abstract int encode(A a, ByteBuffer b, int off);

    /**
     * The address of {@code len} bytes at {@code off} ({@value SockAddrLayout#HEADER} to
     * {@link Scratch#ADDR_SIZE}), whose header says this family; or null when the bytes
     * are too short or malformed for the record, and {@link SockAddrCodec} returns them as
     * {@link SockAddr.Raw}. Must not throw on any bytes, nor read past {@code off + len}.
     *
     * @param nativeFamily this family's number, for a codec that returns its own
     *                     {@link SockAddr.Raw}
     */
    public abstract SockAddr decode(ByteBuffer b, int off, int len, int nativeFamily);
}
