package dev.weft.macos;

import dev.weft.Capability;
import dev.weft.common.Inet4Codec;
import dev.weft.common.Inet6Codec;
import dev.weft.common.SockAddrLayout;
import dev.weft.common.UnixCodec;
import dev.weft.posix.AddrInfoLayout;
import dev.weft.posix.PosixLibc;
import dev.weft.posix.MsgLayout;
import dev.weft.posix.PosixProvider;
import dev.weft.spi.Poller;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The macOS provider: the shared POSIX layer with BSD address layouts ({@code sa_len}),
 * descriptors made non-blocking and close-on-exec with {@code fcntl} (macOS has no
 * {@code SOCK_NONBLOCK} or {@code accept4}), and {@code SO_NOSIGPIPE} instead of
 * {@code MSG_NOSIGNAL}.
 *
 * <p>Not yet runnable: its kqueue poller is a later issue, so {@link #isSupported()} is
 * false everywhere and weft reports that no provider fits rather than fail later.
 */
public final class MacProvider extends PosixProvider {
    private static final int F_SETFL = 4;
    private static final int F_SETFD = 2;
    private static final int O_NONBLOCK = 0x4;
    private static final int FD_CLOEXEC = 1;

    /** Called by ServiceLoader; loads no native code. */
    public MacProvider() {
        super(MacConstants.socketConstants(), MacConstants.errnos(), SockAddrLayout.SA_LEN,
                List.of(Inet4Codec.INSTANCE, Inet6Codec.INSTANCE, UnixCodec.INSTANCE), Map.of());
    }

    @Override
    public String name() {
        return "macos";
    }

    @Override
    public boolean isSupported() {
        return false; // until the kqueue poller exists
    }

    @Override
    public Set<Capability> capabilities() {
        return Set.of();
    }

    @Override
    protected int openSocket(int family, int type, int protocol) {
        int fd = PosixLibc.socket(family, type, protocol);
        return fd < 0 ? fail() : configure(fd);
    }

    @Override
    protected int openSocketPair(int family, int type, int protocol, int[] fds) {
        if (PosixLibc.socketpair(family, type, protocol, fds) != 0) {
            return fail();
        }
        int a = configure(fds[0]);
        if (a < 0) {
            PosixLibc.close(fds[1]);
            return a;
        }
        int b = configure(fds[1]);
        if (b < 0) {
            PosixLibc.close(fds[0]);
            return b;
        }
        return 0;
    }

    @Override
    protected int acceptSocket(int fd, long addr, long lenPtr) {
        int r = PosixLibc.accept(fd, addr, lenPtr);
        return r < 0 ? fail() : configure(r);
    }

    /** Non-blocking, close-on-exec, no SIGPIPE; closes the descriptor on failure. */
    private int configure(int fd) {
        if (PosixLibc.fcntl(fd, F_SETFL, O_NONBLOCK) < 0 || PosixLibc.fcntl(fd, F_SETFD, FD_CLOEXEC) < 0
                || setSockOpt(fd, 0xFFFF, 0x1022 /* SO_NOSIGPIPE */, new byte[] {1, 0, 0, 0}) < 0) {
            int e = fail();
            PosixLibc.close(fd);
            return e;
        }
        return fd;
    }

    @Override
    protected int sendFlags() {
        return 0; // SO_NOSIGPIPE is set on every descriptor instead
    }

    @Override
    protected MsgLayout msgLayout() {
        return MsgLayout.BSD_LP64;
    }

    @Override
    protected AddrInfoLayout addrInfoLayout() {
        return AddrInfoLayout.BSD_LP64;
    }

    /** F_DUPFD_CLOEXEC 67, O_NONBLOCK 0x4, O_CLOEXEC 0x1000000 (macOS headers). */
    @Override
    protected FcntlNumbers fcntlNumbers() {
        return new FcntlNumbers(67, 0x4, 0x1000000);
    }

    @Override
    protected Poller newPoller() {
        throw new UnsupportedOperationException("weft: the macOS kqueue poller is not implemented yet");
    }

    /** The macOS values weft needs first (from the macOS SDK headers). */
    static final class MacConstants {
        private MacConstants() {}

        static Map<String, Integer> socketConstants() {
            return Map.ofEntries(
                    Map.entry("AF_UNSPEC", 0), Map.entry("AF_UNIX", 1), Map.entry("AF_INET", 2), Map.entry("AF_INET6", 30),
                    Map.entry("PF_SYSTEM", 32), Map.entry("SOCK_STREAM", 1), Map.entry("SOCK_DGRAM", 2),
                    Map.entry("SOCK_RAW", 3), Map.entry("SOCK_RDM", 4), Map.entry("SOCK_SEQPACKET", 5),
                    Map.entry("SOL_SOCKET", 0xFFFF), Map.entry("SO_REUSEADDR", 4), Map.entry("SO_KEEPALIVE", 8),
                    Map.entry("SO_BROADCAST", 0x20), Map.entry("SO_LINGER", 0x80), Map.entry("SO_REUSEPORT", 0x200),
                    Map.entry("SO_SNDBUF", 0x1001), Map.entry("SO_RCVBUF", 0x1002), Map.entry("SO_ERROR", 0x1007),
                    Map.entry("SO_TYPE", 0x1008), Map.entry("SO_NOSIGPIPE", 0x1022), Map.entry("IPPROTO_IP", 0),
                    Map.entry("IPPROTO_TCP", 6), Map.entry("IPPROTO_UDP", 17), Map.entry("IPPROTO_IPV6", 41),
                    Map.entry("TCP_NODELAY", 1), Map.entry("IPV6_V6ONLY", 27), Map.entry("SOMAXCONN", 128),
                    Map.entry("MSG_PEEK", 2), Map.entry("MSG_DONTWAIT", 0x80), Map.entry("MSG_WAITALL", 0x40));
        }

        static Map<String, Integer> errnos() {
            return Map.ofEntries(
                    Map.entry("EPERM", 1), Map.entry("ENOENT", 2), Map.entry("EINTR", 4), Map.entry("EBADF", 9),
                    Map.entry("EAGAIN", 35), Map.entry("EWOULDBLOCK", 35), Map.entry("EINPROGRESS", 36),
                    Map.entry("EALREADY", 37), Map.entry("EINVAL", 22), Map.entry("EPIPE", 32),
                    Map.entry("EADDRINUSE", 48), Map.entry("EADDRNOTAVAIL", 49), Map.entry("ENETUNREACH", 51),
                    Map.entry("ECONNABORTED", 53), Map.entry("ECONNRESET", 54), Map.entry("EISCONN", 56),
                    Map.entry("ENOTCONN", 57), Map.entry("ETIMEDOUT", 60), Map.entry("ECONNREFUSED", 61),
                    Map.entry("EHOSTUNREACH", 65), Map.entry("EAFNOSUPPORT", 47));
        }
    }
}
