package dev.weft.posix;

import dev.weft.common.Scratch;
import dev.weft.SockAddr;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;

/**
 * {@code struct sockaddr_*} in both POSIX layouts: Linux's ({@code sa_family} is a native
 * 16-bit field at offset 0) and BSD's (a length byte, then an 8-bit family). Ports, IPv4 and
 * IPv6 addresses and the IPv6 flow label are big-endian on every OS; everything else is
 * native order. Decoding is total: what it cannot name becomes {@link SockAddr.Raw}.
 *
 * <pre>{@code
 * int len = codec.encode(addr, scratch.view(), 0);
 * SockAddr back = codec.decode(scratch.view(), 0, len);
 * }</pre>
 */
public final class SockAddrCodec {
    private final boolean bsd;
    private final int afInet;
    private final int afInet6;
    private final int afUnix;
    private final int afNetlink;
    private final int afVsock;

    /** A codec for one OS's family numbers; {@code bsd} selects the {@code sa_len} layout. */
    public SockAddrCodec(boolean bsd, int afInet, int afInet6, int afUnix, int afNetlink, int afVsock) {
        this.bsd = bsd;
        this.afInet = afInet;
        this.afInet6 = afInet6;
        this.afUnix = afUnix;
        this.afNetlink = afNetlink;
        this.afVsock = afVsock;
    }

    /** The size of {@code sockaddr_un}'s header before {@code sun_path}. */
    private static final int UNIX_HEADER = 2;

    /**
     * Writes {@code a} at {@code off}; returns its length.
     *
     * @throws IllegalArgumentException for a family this OS does not have
     */
    public int encode(SockAddr a, ByteBuffer b, int off) {
        for (int i = 0; i < 32; i++) {
            b.putInt(off + 4 * i, 0);
        }
        switch (a) {
            case SockAddr.Inet4 in -> {
                header(b, off, afInet, 16);
                b.put(off + 2, (byte) (in.port() >>> 8)).put(off + 3, (byte) in.port());
                b.put(off + 4, in.address().getAddress());
                return 16;
            }
            case SockAddr.Inet6 in -> {
                header(b, off, afInet6, 28);
                b.put(off + 2, (byte) (in.port() >>> 8)).put(off + 3, (byte) in.port());
                putBigEndianInt(b, off + 4, in.flowInfo());
                b.put(off + 8, in.address().getAddress());
                b.putInt(off + 24, in.scopeId());
                return 28;
            }
            case SockAddr.Unix u -> {
                byte[] path = u.bytes();
                int len = UNIX_HEADER + path.length + (u.isAbstract() || u.isUnnamed() ? 0 : 1);
                header(b, off, afUnix, len);
                b.put(off + UNIX_HEADER, path);
                return len;
            }
            case SockAddr.Netlink nl -> {
                require(afNetlink, "AF_NETLINK");
                header(b, off, afNetlink, 12);
                b.putInt(off + 4, nl.pid());
                b.putInt(off + 8, nl.groups());
                return 12;
            }
            case SockAddr.Vsock v -> {
                require(afVsock, "AF_VSOCK");
                header(b, off, afVsock, 16);
                b.putInt(off + 4, v.port());
                b.putInt(off + 8, v.cid());
                return 16;
            }
            case SockAddr.Raw r -> {
                byte[] d = r.data();
                if (d.length > Scratch.ADDR_SIZE - 2) {
                    throw new IllegalArgumentException("raw address too long: " + d.length + " bytes");
                }
                header(b, off, r.nativeFamily(), d.length + 2);
                b.put(off + 2, d);
                return d.length + 2;
            }
        }
    }

    private void header(ByteBuffer b, int off, int family, int len) {
        if (bsd) {
            b.put(off, (byte) len).put(off + 1, (byte) family);
        } else {
            b.putShort(off, (short) family);
        }
    }

    private static void require(int af, String name) {
        if (af < 0) {
            throw new IllegalArgumentException(name + " does not exist on this OS");
        }
    }

    /** Reads the address of {@code len} bytes at {@code off}. */
    public SockAddr decode(ByteBuffer b, int off, int len) {
        if (len < 2) {
            // Linux gives 0 for an unnamed AF_UNIX peer on some paths; nothing else is that short.
            return SockAddr.UNIX_UNNAMED;
        }
        int family = bsd ? b.get(off + 1) & 0xFF : b.getShort(off) & 0xFFFF;
        if (family == afInet && len >= 8) {
            byte[] a = new byte[4];
            b.get(off + 4, a);
            return new SockAddr.Inet4((Inet4Address) address(a), port(b, off));
        }
        if (family == afInet6 && len >= 24) {
            byte[] a = new byte[16];
            b.get(off + 8, a);
            int scope = len >= 28 ? b.getInt(off + 24) : 0;
            return new SockAddr.Inet6((Inet6Address) address(a), port(b, off), bigEndianInt(b, off + 4) & 0xFFFFF, scope);
        }
        if (family == afUnix) {
            int n = Math.min(len, Scratch.ADDR_SIZE) - UNIX_HEADER;
            if (n <= 0) {
                return SockAddr.UNIX_UNNAMED;
            }
            if (b.get(off + UNIX_HEADER) != 0) {
                // A path ends at its NUL (the kernel may count it, or padding, in len).
                int end = 0;
                while (end < n && b.get(off + UNIX_HEADER + end) != 0) {
                    end++;
                }
                n = end;
                if (n >= SockAddr.UNIX_PATH_MAX) {
                    // sun_path filled to the end, no NUL (another program bound it): too long
                    // for SockAddr.Unix, so keep the path whole as Raw, which the kernel takes back.
                    byte[] d = new byte[n];
                    b.get(off + UNIX_HEADER, d);
                    return new SockAddr.Raw(family, d);
                }
            }
            byte[] p = new byte[Math.min(n, SockAddr.UNIX_PATH_MAX)];
            b.get(off + UNIX_HEADER, p);
            return new SockAddr.Unix(p);
        }
        if (family == afNetlink && len >= 12) {
            return new SockAddr.Netlink(b.getInt(off + 4), b.getInt(off + 8));
        }
        if (family == afVsock && len >= 12) {
            return new SockAddr.Vsock(b.getInt(off + 8), b.getInt(off + 4));
        }
        byte[] d = new byte[Math.min(len, Scratch.ADDR_SIZE) - 2];
        b.get(off + 2, d);
        return new SockAddr.Raw(family, d);
    }

    private static int port(ByteBuffer b, int off) {
        return ((b.get(off + 2) & 0xFF) << 8) | (b.get(off + 3) & 0xFF);
    }

    private static void putBigEndianInt(ByteBuffer b, int off, int v) {
        b.put(off, (byte) (v >>> 24)).put(off + 1, (byte) (v >>> 16)).put(off + 2, (byte) (v >>> 8)).put(off + 3, (byte) v);
    }

    private static int bigEndianInt(ByteBuffer b, int off) {
        return ((b.get(off) & 0xFF) << 24) | ((b.get(off + 1) & 0xFF) << 16) | ((b.get(off + 2) & 0xFF) << 8) | (b.get(off + 3) & 0xFF);
    }

    private static InetAddress address(byte[] a) {
        try {
            return a.length == 16 ? Inet6Address.getByAddress(null, a, null) : InetAddress.getByAddress(a);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
