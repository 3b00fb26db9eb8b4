package dev.weft.linux;

import dev.weft.common.FamilyCodec;
import dev.weft.common.Inet4Codec;
import dev.weft.common.Inet6Codec;
import dev.weft.common.Scratch;
import dev.weft.common.poll.PollScheduler;
import dev.weft.Ancillary;
import dev.weft.common.SockAddrLayout;
import dev.weft.common.UnixCodec;
import dev.weft.Capability;
import dev.weft.Cmsg;
import dev.weft.Credentials;
import dev.weft.TcpInfo;
import dev.weft.SockAddr;
import dev.weft.posix.PosixLibc;
import dev.weft.posix.AddrInfoLayout;
import dev.weft.posix.MsgLayout;
import dev.weft.posix.PosixProvider;
import dev.weft.spi.Poller;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The Linux provider: {@code SOCK_NONBLOCK | SOCK_CLOEXEC} on every descriptor,
 * {@code accept4}, {@code MSG_NOSIGNAL} on every send, and an edge-triggered epoll poller.
 *
 * <pre>{@code
 * java -Dweft.provider=linux ...   // force it (it is chosen by itself on Linux)
 * }</pre>
 */
public final class LinuxProvider extends PosixProvider {
    private final int sockFlags;
    private final int msgNoSignal;
    private final int msgCmsgCloexec;
    private volatile Set<Capability> capabilities;

    /**
     * The address families Linux has: each one codec, shared ({@code dev.weft.common}) or
     * Linux's own (this package). A new family is one more entry here.
     */
    public static final List<FamilyCodec<?>> FAMILIES = List.of(Inet4Codec.INSTANCE, Inet6Codec.INSTANCE,
            UnixCodec.INSTANCE, NetlinkCodec.INSTANCE, VsockCodec.INSTANCE, PacketCodec.INSTANCE,
            CanCodec.INSTANCE, AlgCodec.INSTANCE, TipcCodec.INSTANCE, QipcrtrCodec.INSTANCE, BluetoothCodec.INSTANCE);

    /** Called by ServiceLoader; loads no native code. */
    public LinuxProvider() {
        super(LinuxConstants.socketConstants(), LinuxConstants.errnos(), SockAddrLayout.SA_FAMILY, FAMILIES,
                LinuxOptions.NAMED);
        this.sockFlags = constants().get("SOCK_NONBLOCK") | constants().get("SOCK_CLOEXEC");
        this.msgNoSignal = constants().get("MSG_NOSIGNAL");
        this.msgCmsgCloexec = constants().get("MSG_CMSG_CLOEXEC");
    }

    @Override
    public String name() {
        return "linux";
    }

    @Override
    public boolean isSupported() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux") && isLp64();
    }

    @Override
    public int priority() {
        return 10;
    }

    @Override
    protected int openSocket(int family, int type, int protocol) {
        int fd = PosixLibc.socket(family, type | sockFlags, protocol);
        return fd >= 0 ? fd : fail();
    }

    private final int afQipcrtr = constants().getOrDefault("AF_QIPCRTR", -2);
    private final int afRds = constants().getOrDefault("AF_RDS", -2);

    /**
     * A family rule, so that it holds for a descriptor adopted with {@code fromfd} too: the
     * sendmsg of {@code AF_QIPCRTR} ({@code EINVAL}) and {@code AF_RDS} ({@code EOPNOTSUPP})
     * refuses flags it does not know, {@code MSG_NOSIGNAL} among them, and neither family
     * has a stream that could raise {@code SIGPIPE}: their sends go without it.
     */
    @Override
    protected int sendFlags(int family) {
        return family == afQipcrtr || family == afRds ? 0 : msgNoSignal;
    }

    @Override
    protected int openSocketPair(int family, int type, int protocol, int[] fds) {
        return PosixLibc.socketpair(family, type | sockFlags, protocol, fds) == 0 ? 0 : fail();
    }

    @Override
    protected int acceptSocket(int fd, long addr, long lenPtr) {
        int r = LinuxLibc.accept4(fd, addr, lenPtr, sockFlags);
        return r >= 0 ? r : fail();
    }

    @Override
    protected int sendFlags() {
        return msgNoSignal;
    }

    @Override
    protected Poller newPoller() {
        try {
            return new PollScheduler(new EpollMechanism(this));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected MsgLayout msgLayout() {
        return MsgLayout.LINUX_LP64;
    }

    @Override
    protected AddrInfoLayout addrInfoLayout() {
        return AddrInfoLayout.LINUX_LP64;
    }

    /** O_NONBLOCK is 04000, O_CLOEXEC 02000000, F_DUPFD_CLOEXEC 1030 on every Linux ABI weft runs on. */
    private static final FcntlNumbers FCNTL = new FcntlNumbers(1030, 0x800, 0x80000);

    @Override
    protected FcntlNumbers fcntlNumbers() {
        return FCNTL;
    }

    @Override
    protected int recvMsgFlags() {
        return msgCmsgCloexec;
    }

    @Override
    public long sendFile(long fd, long fileFd, long offset, long count) {
        Scratch s = Scratch.take();
        try {
            s.view().putLong(Scratch.AUX_OFFSET, offset);
            long n = LinuxLibc.sendfile((int) fd, (int) fileFd, s.aux(), count);
            return n < 0 ? fail() : n;
        } finally {
            s.give();
        }
    }

    @Override
    public long recvMmsg(long fd, int family, int type, ByteBuffer[] dsts, SockAddr[] from, int[] lengths, int flags) {
        return Mmsg.recv(codec, (int) fd, dsts, from, lengths, flags);
    }

    @Override
    public long sendMmsg(long fd, int family, int type, ByteBuffer[] srcs, SockAddr[] to, int flags) {
        return Mmsg.send(codec, (int) fd, srcs, to, flags | sendFlags(family));
    }

    // ---- Linux's own structures ------------------------------------------------------------

    @Override
    public Instant decodeTimestamp(Ancillary item) {
        return LinuxStructs.timestamp(item.data(), item.type() == constant("SCM_TIMESTAMPNS"));
    }

    @Override
    public Cmsg.ExtendedError decodeExtendedError(Ancillary item) {
        return LinuxStructs.extendedError(item.data(), this::errno, this::decodeAddress);
    }

    @Override
    public TcpInfo decodeTcpInfo(byte[] value, int length) {
        return LinuxStructs.tcpInfo(value, length);
    }

    @Override
    public int credentialsSize() {
        return LinuxStructs.UCRED_SIZE;
    }

    @Override
    public Credentials decodeCredentials(byte[] value, int length) {
        return LinuxStructs.ucred(value, length);
    }

    @Override
    public Ancillary encodeCredentials(Credentials credentials) {
        return new Ancillary(constant("SOL_SOCKET"), constant("SCM_CREDENTIALS"), LinuxStructs.ucred(credentials));
    }

    /** {@code ioctl(/dev/vsock, IOCTL_VM_SOCKETS_GET_LOCAL_CID)}: this machine's CID. */
    @Override
    public long vsockLocalCid() {
        long fd = openForReading("/dev/vsock");
        if (fd < 0) {
            return fd;
        }
        Scratch s = Scratch.take();
        try {
            int r = LinuxIoctl.ioctl((int) fd, constant("IOCTL_VM_SOCKETS_GET_LOCAL_CID") & 0xFFFFFFFFL, s.aux());
            return r < 0 ? fail() : s.view().getInt(Scratch.AUX_OFFSET) & 0xFFFFFFFFL;
        } finally {
            s.give();
            PosixLibc.close((int) fd);
        }
    }

    IOException errorFor(int nativeErrno, String context) {
        return error(nativeErrno, context);
    }

    @Override
    public Set<Capability> capabilities() {
        Set<Capability> c = capabilities;
        if (c == null) {
            capabilities = c = probeAll();
        }
        return c;
    }

    private Set<Capability> probeAll() {
        int afInet = constants().get("AF_INET");
        int afInet6 = constants().get("AF_INET6");
        int afUnix = constants().get("AF_UNIX");
        int stream = constants().get("SOCK_STREAM");
        int dgram = constants().get("SOCK_DGRAM");
        int seqpacket = constants().get("SOCK_SEQPACKET");
        List<Capability> caps = new ArrayList<>();
        if (opens(afInet, stream)) {
            caps.add(Capability.INET);
        }
        if (probe(() -> bindsLoopback6(afInet6, stream))) {
            caps.add(Capability.INET6);
            if (probe(() -> setsInt(afInet6, stream, constants().get("IPPROTO_IPV6"), constants().get("IPV6_V6ONLY"), 0))) {
                caps.add(Capability.DUAL_STACK);
            }
        }
        if (opens(afUnix, stream)) {
            caps.add(Capability.UNIX_STREAM);
            caps.add(Capability.SOCKETPAIR);
        }
        if (opens(afUnix, dgram)) {
            caps.add(Capability.UNIX_DGRAM);
        }
        if (opens(afUnix, seqpacket)) {
            caps.add(Capability.UNIX_SEQPACKET);
        }
        // Probe, don't assume: a compatibility layer may claim Linux without the namespace.
        if (probe(() -> bindsUnix(afUnix, stream, new byte[] {0, 'w', 'e', 'f', 't', '-', 'p', 'r', 'o', 'b', 'e'}, true))) {
            caps.add(Capability.UNIX_ABSTRACT);
        }
        if (probe(() -> bindsUnix(afUnix, stream, new byte[0], false))) {
            caps.add(Capability.UNIX_AUTOBIND);
        }
        if (probe(() -> setsInt(afInet, stream, constants().get("SOL_SOCKET"), constants().get("SO_REUSEPORT"), 1))) {
            caps.add(Capability.REUSEPORT);
        }
        return setOf(Capability.class, caps);
    }

    private boolean opens(int family, int type) {
        int fd = PosixLibc.socket(family, type | sockFlags, 0);
        if (fd < 0) {
            return false;
        }
        PosixLibc.close(fd);
        return true;
    }

    private boolean setsInt(int family, int type, int level, int name, int value) {
        int fd = PosixLibc.socket(family, type | sockFlags, 0);
        if (fd < 0) {
            return false;
        }
        try {
            return setSockOpt(fd, level, name, ByteBuffer.allocate(4)
                    .order(ByteOrder.nativeOrder()).putInt(value).array()) == 0;
        } finally {
            PosixLibc.close(fd);
        }
    }

    private boolean bindsLoopback6(int afInet6, int stream) {
        int fd = PosixLibc.socket(afInet6, stream | sockFlags, 0);
        if (fd < 0) {
            return false;
        }
        try {
            byte[] loop = new byte[16];
            loop[15] = 1;
            return bind(fd, new SockAddr.Inet6(inet6(loop), 0)) == 0;
        } finally {
            PosixLibc.close(fd);
        }
    }

    private static Inet6Address inet6(byte[] a) {
        try {
            return Inet6Address.getByAddress(null, a, null);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    private boolean bindsUnix(int afUnix, int stream, byte[] name, boolean exact) {
        int fd = PosixLibc.socket(afUnix, stream | sockFlags, 0);
        if (fd < 0) {
            return false;
        }
        try {
            if (name.length > 0) {
                // A unique abstract name, so that two JVMs probing at once don't collide.
                byte[] unique = (new String(name, 1, name.length - 1, StandardCharsets.US_ASCII) + "-" + ProcessHandle.current().pid() + "-" + System.nanoTime()).getBytes(StandardCharsets.US_ASCII);
                name = new byte[unique.length + 1];
                System.arraycopy(unique, 0, name, 1, unique.length);
            }
            if (bind(fd, new SockAddr.Unix(name)) != 0) {
                return false;
            }
            SockAddr got = getSockName(fd);
            return got instanceof SockAddr.Unix u && u.isAbstract() && (!exact || u.equals(new SockAddr.Unix(name)));
        } catch (IOException e) {
            return false;
        } finally {
            PosixLibc.close(fd);
        }
    }
}
