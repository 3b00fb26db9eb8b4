package dev.weft.macos;

import dev.weft.Capability;
import dev.weft.Credentials;
import dev.weft.Errno;
import dev.weft.AddrInfo;
import dev.weft.SockAddr;
import dev.weft.common.FamilyCodec;
import dev.weft.common.Inet4Codec;
import dev.weft.common.Inet6Codec;
import dev.weft.common.Scratch;
import dev.weft.common.SockAddrLayout;
import dev.weft.common.poll.PollScheduler;
import dev.weft.posix.AddrInfoLayout;
import dev.weft.posix.MsgLayout;
import dev.weft.posix.PosixLibc;
import dev.weft.posix.PosixProvider;
import dev.weft.spi.MsgResult;
import dev.weft.spi.Poller;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;

/**
 * The macOS provider (aarch64, x86_64): the shared POSIX layer with BSD address layouts
 * ({@code sa_len}), Darwin's {@code msghdr}, numbers and errno numbers from
 * {@link DarwinConstants} (generated from Apple's headers), and a kqueue poller.
 * Where Darwin differs from Linux:
 * <ul>
 *   <li>no {@code SOCK_NONBLOCK}/{@code SOCK_CLOEXEC} and no {@code accept4}: every socket,
 *       pair end and accepted socket is made non-blocking and close-on-exec with
 *       {@code fcntl} (an accepted socket inherits {@code O_NONBLOCK} from the listener on
 *       Darwin, unlike Linux: XNU's accept copies the listener's {@code f_flag},
 *       bsd/kern/uipc_syscalls.c; weft sets it anyway and does not rely on it);</li>
 *   <li>{@code SO_NOSIGPIPE} on every socket instead of {@code MSG_NOSIGNAL} on every send;</li>
 *   <li>no {@code MSG_CMSG_CLOEXEC}: descriptors received in {@code SCM_RIGHTS} are made
 *       close-on-exec with {@code fcntl} after {@code recvmsg};</li>
 *   <li>no {@code recvmmsg}/{@code sendmmsg}: a loop of {@code recvmsg}/{@code send}, same API;</li>
 *   <li>BSD's {@code sendfile(fd, s, offset, &len, hdtr, flags)};</li>
 *   <li>an {@code AF_UNIX} datagram send can fail with {@code ENOBUFS} when the receiver's
 *       queue is full, and kqueue never reports writability afterwards: the send is retried
 *       a bounded number of times with backoff ({@link #enobufsBackoffNanos});</li>
 *   <li>peer credentials are {@code LOCAL_PEERCRED}'s {@code struct xucred}
 *       ({@link #decodeCredentials}, {@link DarwinOptions}); {@code PF_SYSTEM} kernel controls
 *       ({@link #controlId});</li>
 *   <li>typed options as CPython has them on macOS ({@link DarwinOptions}); Linux's that
 *       Darwin's headers lack ({@code TCP_KEEPIDLE}, {@code SO_PEERCRED}, {@code TCP_INFO}...)
 *       are absent from the table, so {@code Socket} refuses them naming the option.</li>
 * </ul>
 *
 * <pre>{@code
 * java -Dweft.provider=macos ...   // force it (it is chosen by itself on macOS)
 * }</pre>
 */
public final class MacProvider extends PosixProvider {
    /**
     * The address families macOS has; a new family is one more entry here. UNIX has
     * Darwin's 104-byte {@code sun_path}; SYSTEM is {@code PF_SYSTEM}'s {@code sockaddr_ctl}.
     */
    public static final List<FamilyCodec<?>> FAMILIES = List.of(Inet4Codec.INSTANCE, Inet6Codec.INSTANCE,
            DarwinUnixCodec.INSTANCE, SysControlCodec.INSTANCE);

    /**
     * What macOS has, known without probing: no abstract names, no autobind and no
     * {@code SOCK_SEQPACKET} for {@code AF_UNIX} (XNU's unix domain has stream and dgram only).
     */
    private static final Set<Capability> CAPABILITIES = setOf(Capability.class, List.of(Capability.INET,
            Capability.INET6, Capability.DUAL_STACK, Capability.UNIX_STREAM, Capability.UNIX_DGRAM,
            Capability.SOCKETPAIR, Capability.REUSEPORT));

    /** ENOBUFS retries: the first waits this long, each next twice as long, up to {@link #ENOBUFS_MAX_NANOS}. */
    static final long ENOBUFS_FIRST_NANOS = 20_000;
    static final long ENOBUFS_MAX_NANOS = 5_000_000;
    /** Attempts after the first send; about 25 ms in all before ENOBUFS is reported. */
    static final int ENOBUFS_RETRIES = 12;

    /** An int option's value 1, in native order. */
    private static final byte[] ONE = ByteBuffer.allocate(4).order(ByteOrder.nativeOrder()).putInt(0, 1).array();

    private final int solSocket;
    private final int soNoSigpipe;
    private final int scmRights;
    private final int enobufs;
    private final int eagain;
    private final int eintr;

    /** Called by ServiceLoader; loads no native code. */
    public MacProvider() {
        super(DarwinConstants.socketConstants(), DarwinConstants.errnos(), SockAddrLayout.SA_LEN, FAMILIES, DarwinOptions.NAMED);
        this.solSocket = constant("SOL_SOCKET");
        this.soNoSigpipe = constant("SO_NOSIGPIPE");
        this.scmRights = constant("SCM_RIGHTS");
        this.enobufs = nativeErrno(Errno.ENOBUFS);
        this.eagain = nativeErrno(Errno.EAGAIN);
        this.eintr = nativeErrno(Errno.EINTR);
    }

    @Override
    public String name() {
        return "macos";
    }

    @Override
    public boolean isSupported() {
        return isMac(System.getProperty("os.name", ""), System.getProperty("os.arch", "")) && isLp64();
    }

    /** macOS on one of the two architectures whose headers DarwinConstants was generated from. */
    static boolean isMac(String osName, String osArch) {
        String os = osName.toLowerCase(Locale.ROOT);
        return (os.startsWith("mac") || os.startsWith("darwin"))
                && (osArch.equals("aarch64") || osArch.equals("arm64") || osArch.equals("x86_64") || osArch.equals("amd64"));
    }

    /**
     * Refuses, in one line, to make native calls with Darwin's numbers and layouts on
     * another OS (reached only by forcing {@code -Dweft.provider=macos}).
     */
    private void requireMac() {
        if (!isSupported()) {
            throw new UnsupportedOperationException("weft: the macos provider runs only on macOS (aarch64, x86_64), not on "
                    + System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        }
    }

    @Override
    public int priority() {
        return 10;
    }

    @Override
    public Set<Capability> capabilities() {
        return CAPABILITIES;
    }

    // ---- descriptors ------------------------------------------------------------------

    @Override
    protected int fcntl(int fd, int cmd, int arg) {
        return MacLibc.fcntl(fd, cmd, arg);
    }

    @Override
    protected int openSocket(int family, int type, int protocol) {
        requireMac();
        int fd = PosixLibc.socket(family, type, protocol);
        return fd < 0 ? fail() : configure(fd);
    }

    @Override
    protected int openSocketPair(int family, int type, int protocol, int[] fds) {
        requireMac();
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

    /**
     * Close-on-exec, non-blocking, no SIGPIPE; closes the descriptor on failure. The window
     * between socket(2) and FD_CLOEXEC, in which a fork+exec elsewhere could inherit the
     * descriptor, is Darwin's: it has no atomic form.
     */
    private int configure(int fd) {
        if (fcntl(fd, DarwinConstants.F_SETFD, DarwinConstants.FD_CLOEXEC) < 0 || setNonBlocking(fd) < 0
                || setSockOpt(fd, solSocket, soNoSigpipe, ONE) < 0) {
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

    private static final FcntlNumbers FCNTL = new FcntlNumbers(DarwinConstants.F_DUPFD_CLOEXEC,
            DarwinConstants.O_NONBLOCK, DarwinConstants.O_CLOEXEC);

    @Override
    protected FcntlNumbers fcntlNumbers() {
        return FCNTL;
    }

    @Override
    protected Poller newPoller() {
        requireMac();
        try {
            return new PollScheduler(new KqueueMechanism(this));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    IOException errorFor(int nativeErrno, String context) {
        return error(nativeErrno, context);
    }

    /** Apple's netdb.h has no {@code gethostbyname_r} and the rest: the classic calls, one at a time. */
    @Override
    protected boolean hasReentrantNetdb() {
        return false;
    }

    @Override
    public List<AddrInfo> getAddrInfo(String host, String service, int family, int type, int protocol, int flags)
            throws IOException {
        requireMac();
        return super.getAddrInfo(host, service, family, type, protocol, flags);
    }

    // ---- received descriptors -------------------------------------------------------------

    /**
     * Darwin has no {@code MSG_CMSG_CLOEXEC} (sys/socket.h defines no such flag): each
     * descriptor an {@code SCM_RIGHTS} message brings arrives inheritable, and is made
     * close-on-exec here, right after {@code recvmsg}. A fork+exec elsewhere in the process
     * between the two could still inherit it; Darwin has no atomic form.
     */
    @Override
    public long recvMsg(long fd, int family, int type, ByteBuffer[] dsts, int controlLen, int flags, MsgResult out) {
        long n = super.recvMsg(fd, family, type, dsts, controlLen, flags, out);
        if (n >= 0) {
            for (dev.weft.Ancillary a : out.ancillary) {
                if (a.level() == solSocket && a.type() == scmRights) {
                    ByteBuffer fds = ByteBuffer.wrap(a.data()).order(ByteOrder.nativeOrder());
                    for (int i = 0; i + 4 <= fds.limit(); i += 4) {
                        fcntl(fds.getInt(i), DarwinConstants.F_SETFD, DarwinConstants.FD_CLOEXEC);
                    }
                }
            }
        }
        return n;
    }

    // ---- sends: the ENOBUFS trap ---------------------------------------------------------

    /**
     * How long to wait before ENOBUFS retry {@code attempt} (0-based), or -1 when the retries
     * are spent and the error is to be reported: 20 µs doubling to 5 ms, 12 retries.
     */
    static long enobufsBackoffNanos(int attempt) {
        if (attempt < 0 || attempt >= ENOBUFS_RETRIES) {
            return -1;
        }
        return Math.min(ENOBUFS_MAX_NANOS, ENOBUFS_FIRST_NANOS << Math.min(attempt, 30));
    }

    @Override
    public long send(long fd, int family, int type, ByteBuffer src, int flags, SockAddr to) {
        return retryEnobufs(super.send(fd, family, type, src, flags, to), -enobufs, () -> super.send(fd, family, type, src, flags, to),
                () -> isUnixDatagram(fd));
    }

    @Override
    public long sendMsg(long fd, int family, int type, ByteBuffer[] srcs, List<dev.weft.Ancillary> ancillary, int flags,
            SockAddr to) {
        return retryEnobufs(super.sendMsg(fd, family, type, srcs, ancillary, flags, to), -enobufs,
                () -> super.sendMsg(fd, family, type, srcs, ancillary, flags, to), () -> isUnixDatagram(fd));
    }

    /**
     * The ENOBUFS trap's one home. XNU's unix-domain datagram send fails with ENOBUFS when
     * the receiver's buffer is full ({@code uipc_send}: {@code sbappendaddr} fails and the
     * error is ENOBUFS, bsd/kern/uipc_usrreq.c), and the sender's own buffer, which kqueue's
     * EVFILT_WRITE reports on, never fills (the datagram goes straight to the receiver), so
     * waiting for writability would wait forever. So: {@code result} is the first attempt's; while
     * it is {@code enobufsResult} on an AF_UNIX datagram socket (asked only then), wait
     * {@link #enobufsBackoffNanos} and try {@code again}, at most {@link #ENOBUFS_RETRIES}
     * times; then, or on an interrupt, the ENOBUFS goes to the caller. Parks, so a virtual
     * thread frees its carrier meanwhile; the wait is not bounded by the call's timeout
     * (about 25 ms at most in all), and a non-blocking call waits too.
     */
    static long retryEnobufs(long result, long enobufsResult, java.util.function.LongSupplier again,
            java.util.function.BooleanSupplier unixDatagram) {
        long r = result;
        for (int attempt = 0; r == enobufsResult && (attempt > 0 || unixDatagram.getAsBoolean()); attempt++) {
            long wait = enobufsBackoffNanos(attempt);
            if (wait < 0 || Thread.currentThread().isInterrupted()) {
                break; // reported as ENOBUFS; an interrupt is the caller's to see
            }
            LockSupport.parkNanos(wait);
            r = again.getAsLong();
        }
        return r;
    }

    /** Asked only after an ENOBUFS: an AF_UNIX SOCK_DGRAM socket. */
    private boolean isUnixDatagram(long fd) {
        byte[] v = new byte[4];
        if (getSockOpt(fd, constant("SOL_SOCKET"), constant("SO_TYPE"), v) != 4
                || ByteBuffer.wrap(v).order(ByteOrder.nativeOrder()).getInt() != constant("SOCK_DGRAM")) {
            return false;
        }
        try {
            return getSockName(fd) instanceof SockAddr.Unix;
        } catch (IOException e) {
            return false;
        }
    }

    // ---- calls Darwin has its own way, or not at all -------------------------------------

    /** BSD sendfile: the count goes in and comes back through {@code *len}; 0 there would mean "to the end". */
    @Override
    public long sendFile(long fd, long fileFd, long offset, long count) {
        if (count <= 0) {
            return 0;
        }
        Scratch s = Scratch.take();
        try {
            s.view().putLong(Scratch.AUX_OFFSET, count);
            int r = MacLibc.sendfile((int) fileFd, (int) fd, offset, s.aux(), 0, 0);
            long sent = s.view().getLong(Scratch.AUX_OFFSET);
            if (r == 0) {
                return sent;
            }
            int e = PosixLibc.errno();
            // sendfile(2): on EAGAIN or EINTR, *len holds what was sent before.
            return (e == eagain || e == eintr) && sent > 0 ? sent : -e;
        } finally {
            s.give();
        }
    }

    /** No recvmmsg on Darwin: one recvmsg per buffer while datagrams are queued. */
    @Override
    public long recvMmsg(long fd, int family, int type, ByteBuffer[] dsts, SockAddr[] from, int[] lengths, int flags) {
        int i = 0;
        for (; i < dsts.length; i++) {
            MsgResult out = new MsgResult();
            long n = recvMsg(fd, family, type, new ByteBuffer[] {dsts[i].duplicate()}, 0, flags, out);
            if (n < 0) {
                return i == 0 ? n : i;
            }
            lengths[i] = (int) n; // BSD recvmsg returns the truncated length, MSG_TRUNC aside
            if (from != null) {
                from[i] = out.address;
            }
        }
        return i;
    }

    /** No sendmmsg on Darwin: one send per buffer until one would block. */
    @Override
    public long sendMmsg(long fd, int family, int type, ByteBuffer[] srcs, SockAddr[] to, int flags) {
        int i = 0;
        for (; i < srcs.length; i++) {
            long n = send(fd, family, type, srcs[i].duplicate(), flags, to == null ? null : to[i]);
            if (n < 0) {
                return i == 0 ? n : i;
            }
        }
        return i;
    }

    /** {@code ioctl(CTLIOCGINFO)}: {@code struct ctl_info}'s name in, its id out. */
    @Override
    public long controlId(long fd, String name) {
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        // CPython refuses a name longer than ctl_name and copies with strncpy (no NUL needed at the full length).
        if (n.length > DarwinConstants.MAX_KCTL_NAME) {
            throw new IllegalArgumentException("kernel control name too long: " + n.length + " bytes, at most "
                    + DarwinConstants.MAX_KCTL_NAME);
        }
        Scratch s = Scratch.take();
        try {
            ByteBuffer v = s.view();
            int base = Scratch.AUX_OFFSET;
            for (int i = 0; i < DarwinConstants.SIZEOF_CTL_INFO; i++) {
                v.put(base + i, (byte) 0);
            }
            v.put(base + DarwinConstants.OFF_CTL_INFO_CTL_NAME, n);
            int r = MacLibc.ioctl((int) fd, DarwinConstants.CTLIOCGINFO & 0xFFFFFFFFL, s.aux());
            return r < 0 ? fail() : v.getInt(base + DarwinConstants.OFF_CTL_INFO_CTL_ID) & 0xFFFFFFFFL;
        } finally {
            s.give();
        }
    }

    // ---- credentials: LOCAL_PEERCRED's struct xucred -------------------------------------

    @Override
    public int credentialsSize() {
        return DarwinConstants.SIZEOF_XUCRED;
    }

    /** {@code struct xucred}, as {@code LOCAL_PEERCRED} gives it ({@link DarwinOptions#XUCRED}): pid -1, uid, effective gid. */
    @Override
    public Credentials decodeCredentials(byte[] value, int length) {
        return DarwinOptions.xucred(value, length);
    }
}
