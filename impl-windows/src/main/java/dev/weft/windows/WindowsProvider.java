package dev.weft.windows;

import static dev.weft.windows.WinsockConstants.FIONBIO;
import static dev.weft.windows.WinsockConstants.FROM_PROTOCOL_INFO;
import static dev.weft.windows.WinsockConstants.HANDLE_FLAG_INHERIT;
import static dev.weft.windows.WinsockConstants.INVALID_SOCKET;
import static dev.weft.windows.WinsockConstants.SIZEOF_WSAPROTOCOL_INFOW;
import static dev.weft.windows.WinsockConstants.SOCKET_ERROR;
import static dev.weft.windows.WinsockConstants.WSA_FLAG_NO_HANDLE_INHERIT;
import static dev.weft.windows.WinsockConstants.WSA_FLAG_OVERLAPPED;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import dev.weft.AddrInfo;
import dev.weft.Capability;
import dev.weft.Errno;
import dev.weft.Errors;
import dev.weft.Family;
import dev.weft.GaiException;
import dev.weft.SockAddr;
import dev.weft.SocketType;
import dev.weft.common.Inet4Codec;
import dev.weft.common.Inet6Codec;
import dev.weft.common.OptionCodec;
import dev.weft.common.OptionCodecs;
import dev.weft.common.Scratch;
import dev.weft.common.SockAddrCodec;
import dev.weft.common.SockAddrLayout;
import dev.weft.common.UnixCodec;
import dev.weft.common.poll.PollScheduler;
import dev.weft.spi.Poller;
import dev.weft.spi.SocketProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The Windows provider (x64, arm64): Winsock 2 through {@code ws2_32} ({@link Ws2}), under
 * the shared {@link PollScheduler} with a WSAPoll mechanism ({@link WsaPollMechanism}).
 * Numbers and layouts are {@link WinsockConstants}, generated from the mingw-w64 headers.
 * Where Windows differs from POSIX, and what weft does (the C twin,
 * {@code tools/winsock-twin.c}, makes the same calls in the same order under Wine):
 * <ul>
 *   <li>{@code WSAStartup(2.2)} once, when the binding loads;</li>
 *   <li>a socket is {@code WSASocketW(..., WSA_FLAG_OVERLAPPED | WSA_FLAG_NO_HANDLE_INHERIT)}
 *       (not inheritable, as CPython's; where Windows 7 without SP1 refuses the flag with
 *       {@code WSAEINVAL}, CPython's fallback: without it, then
 *       {@code SetHandleInformation}), then {@code ioctlsocket(FIONBIO, 1)}; an accepted socket
 *       gets both again (Winsock says it inherits the listener's mode; weft does not rely on
 *       it);</li>
 *   <li>errors are {@code WSAGetLastError()}'s {@code WSAE*} codes, named as the POSIX errno
 *       without the prefix ({@code WSAECONNREFUSED} is {@link Errno#ECONNREFUSED});
 *       {@code WSAEWOULDBLOCK} is both {@code EAGAIN} and {@code EWOULDBLOCK}; their text is
 *       Windows' own ({@code FormatMessageW}, as CPython's OSError on Windows);</li>
 *   <li>a non-blocking connect says {@code WSAEWOULDBLOCK}, which weft reports as the SPI's
 *       {@code EINPROGRESS}; asked again, weft does not call {@code connect} a second time
 *       (Winsock's answers to that vary by version) but reads the outcome as CPython does
 *       after its wait: {@code SO_ERROR}, then {@code getpeername} (connected) or
 *       {@code WSAEALREADY} (still in progress);</li>
 *   <li>no {@code SIGPIPE}, so no {@code MSG_NOSIGNAL}; {@code closesocket}, not
 *       {@code close};</li>
 *   <li>families INET, INET6 and UNIX stream (Windows 10 1803+): no {@code AF_UNIX}
 *       datagrams, no abstract names, no {@code socketpair}, no {@code SOCK_SEQPACKET};
 *       {@code AF_HYPERV} addresses ({@code SOCKADDR_HV}, {@link HyperVCodec}) as CPython
 *       3.12 has them, for sockets opened with {@code HV_PROTOCOL_RAW};</li>
 *   <li>a datagram longer than the buffer fails with {@code WSAEMSGSIZE} (the buffer holds
 *       its first part), as CPython reports it on Windows, where POSIX truncates;</li>
 *   <li>{@code ioctl} ({@code SIO_RCVALL}, {@code SIO_KEEPALIVE_VALS},
 *       {@code SIO_LOOPBACK_FAST_PATH}) through {@code WSAIoctl}, and {@code share(pid)} /
 *       {@code fromShare(bytes)} through {@code WSADuplicateSocketW}/{@code WSASocketW} with a
 *       {@code WSAPROTOCOL_INFOW}, both as CPython's socketmodule.c; {@code dup} is
 *       CPython's too ({@code WSADuplicateSocketW} for this process).</li>
 * </ul>
 * {@code sendFile} goes through the core's buffered loop, as CPython's {@code socket.sendfile}
 * does on Windows ({@code _sendfile_use_send}). Not bound yet, each failing with a message
 * that names the call: {@code WSARecvMsg} / {@code WSASendMsg} (recvMsg/sendMsg), the netdb
 * functions other than {@code getaddrinfo} and {@code gethostname}.
 *
 * <pre>{@code
 * java -Dweft.provider=windows ...   // force it (it is chosen by itself on Windows)
 * }</pre>
 */
public final class WindowsProvider implements SocketProvider {
    /** What Windows 10 1803+ offers; UNIX_STREAM is probed at the first {@link #capabilities()} on Windows. */
    private static final Set<Capability> OFFERED = Collections.unmodifiableSet(EnumSet.of(Capability.INET,
            Capability.INET6, Capability.DUAL_STACK, Capability.UNIX_STREAM));

    private static final Map<String, Integer> CONSTANTS = Collections.unmodifiableMap(WinsockConstants.socketConstants());
    private static final Map<String, Integer> ERRORS = WinsockConstants.errors();

    /** {@code struct linger} on Windows: two {@code u_short}s (winsock2.h), not POSIX's two ints. */
    static final OptionCodec<Integer> LINGER = OptionCodec.of(Integer.class, v -> OptionCodecs.buffer(4)
            .putShort(WinsockConstants.OFF_LINGER_L_ONOFF, (short) (v >= 0 ? 1 : 0))
            .putShort(WinsockConstants.OFF_LINGER_L_LINGER, (short) Math.min(0xFFFF, Math.max(0, v))).array(), (b, n) -> {
                ByteBuffer v = ByteBuffer.wrap(b).order(ByteOrder.nativeOrder());
                return v.getShort(WinsockConstants.OFF_LINGER_L_ONOFF) != 0
                        ? v.getShort(WinsockConstants.OFF_LINGER_L_LINGER) & 0xFFFF : -1;
            });

    private final Map<Integer, Errno> errnoByNative = new HashMap<>();
    private final EnumMap<Errno, Integer> nativeByErrno = new EnumMap<>(Errno.class);
    private final EnumMap<Family, Integer> families = new EnumMap<>(Family.class);
    private final Map<Integer, Family> familyByNative = new HashMap<>();
    private final EnumMap<SocketType, Integer> types = new EnumMap<>(SocketType.class);
    private final Map<Integer, SocketType> typeByNative = new HashMap<>();
    private final SockAddrCodec codec = new SockAddrCodec(SockAddrLayout.SA_FAMILY, CONSTANTS,
            List.of(Inet4Codec.INSTANCE, Inet6Codec.INSTANCE, UnixCodec.INSTANCE, HyperVCodec.INSTANCE));
    private final OptionCodecs options = new OptionCodecs(Map.of("SO_LINGER", LINGER,
            "IP_ADD_MEMBERSHIP", OptionCodecs.IP_MREQ, "IP_DROP_MEMBERSHIP", OptionCodecs.IP_MREQ,
            "IPV6_JOIN_GROUP", OptionCodecs.IPV6_MREQ, "IPV6_LEAVE_GROUP", OptionCodecs.IPV6_MREQ));
    /** Sockets whose connect is in flight (see {@link #connect}). */
    private final Set<Long> connecting = ConcurrentHashMap.newKeySet();
    private final ReentrantLock pollerLock = new ReentrantLock();
    private volatile WsaPoller poller;
    private volatile Set<Capability> capabilities;
    /** False once WSASocketW refused WSA_FLAG_NO_HANDLE_INHERIT (Windows 7 before SP1), as CPython's support_wsa_no_inherit. */
    private volatile boolean noInheritFlag = true;

    private final int wouldBlock = ERRORS.get("WSAEWOULDBLOCK");
    private final int inProgress = ERRORS.get("WSAEINPROGRESS");
    private final int already = ERRORS.get("WSAEALREADY");
    private final int notConn = ERRORS.get("WSAENOTCONN");
    private final int einval = ERRORS.get("WSAEINVAL");
    private final int solSocket = CONSTANTS.get("SOL_SOCKET");

    /** Called by ServiceLoader; loads no native code. */
    public WindowsProvider() {
        for (Map.Entry<Errno, Integer> e : errnoTable().entrySet()) { // Errno order: EAGAIN before EWOULDBLOCK
            errnoByNative.putIfAbsent(e.getValue(), e.getKey());
            nativeByErrno.put(e.getKey(), e.getValue());
        }
        for (Family f : Family.values()) {
            Integer v = CONSTANTS.get(f.constantName());
            if (v != null) {
                families.put(f, v);
                familyByNative.putIfAbsent(v, f);
            }
        }
        for (SocketType t : SocketType.values()) {
            Integer v = CONSTANTS.get(t.constantName());
            if (v != null) {
                types.put(t, v);
                typeByNative.put(v, t);
            }
        }
    }

    /**
     * weft's errno names and the Winsock codes behind them: each {@code WSAE*} code under
     * its POSIX name (winerror.h defines them as "the BSD error" + 10000), and the names
     * Winsock spells otherwise: {@code EAGAIN} is {@code WSAEWOULDBLOCK} (Winsock has one
     * "would block"), {@code ECANCELED} is {@code WSAECANCELLED}, {@code ENOMEM} is
     * {@code WSA_NOT_ENOUGH_MEMORY}. The first name of a code in {@link Errno}'s order is
     * the one a code maps back to (EAGAIN before EWOULDBLOCK, as on Linux).
     */
    static Map<Errno, Integer> errnoTable() {
        EnumMap<Errno, Integer> m = new EnumMap<>(Errno.class);
        for (Map.Entry<String, Integer> e : ERRORS.entrySet()) {
            if (!e.getKey().startsWith("WSAE")) {
                continue;
            }
            try {
                m.put(Errno.valueOf(e.getKey().substring(3)), e.getValue());
            } catch (IllegalArgumentException notInWeft) {
                // WSAEDISCON, WSAENOMORE, WSAEPROCLIM ...: Winsock's own, UNKNOWN to weft
            }
        }
        m.put(Errno.EAGAIN, ERRORS.get("WSAEWOULDBLOCK"));
        m.put(Errno.ECANCELED, ERRORS.get("WSAECANCELLED"));
        m.put(Errno.ENOMEM, ERRORS.get("WSA_NOT_ENOUGH_MEMORY"));
        return m;
    }

    @Override
    public String name() {
        return "windows";
    }

    @Override
    public boolean isSupported() {
        return isWindows(System.getProperty("os.name", ""), System.getProperty("os.arch", ""))
                && "64".equals(System.getProperty("sun.arch.data.model", "64"));
    }

    /** Windows on x64 or arm64: the LLP64 layouts WinsockConstants holds (JNA has both, win32-x86-64 and win32-aarch64). */
    static boolean isWindows(String osName, String osArch) {
        return osName.toLowerCase(Locale.ROOT).startsWith("windows")
                && (osArch.equals("amd64") || osArch.equals("x86_64") || osArch.equals("aarch64") || osArch.equals("arm64"));
    }

    /**
     * Refuses, in one line, to make Winsock calls on another OS (reached only by forcing
     * {@code -Dweft.provider=windows}): nothing is linked, so there is no JNA error to see;
     * then makes sure WSAStartup succeeded.
     */
    void requireWindows() {
        if (!isSupported()) {
            throw new UnsupportedOperationException("weft: the windows provider runs only on Windows (x64, arm64), not on "
                    + System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        }
        int e = Ws2.STARTUP_ERROR;
        if (e != 0) {
            throw new UncheckedIOException(error(e, "WSAStartup(2.2)"));
        }
    }

    @Override
    public int priority() {
        return 10;
    }

    @Override
    public Set<Capability> capabilities() {
        Set<Capability> c = capabilities;
        if (c == null) {
            EnumSet<Capability> s = EnumSet.copyOf(OFFERED);
            if (isSupported()) {
                // AF_UNIX exists from Windows 10 1803 on (afunix.h); older ones say WSAEAFNOSUPPORT.
                long fd = socket(CONSTANTS.get("AF_UNIX"), CONSTANTS.get("SOCK_STREAM"), 0);
                if (fd < 0) {
                    s.remove(Capability.UNIX_STREAM);
                } else {
                    close(fd);
                }
            }
            capabilities = c = Collections.unmodifiableSet(s);
        }
        return c;
    }

    // ---- numbers ------------------------------------------------------------------------

    @Override
    public Map<String, Integer> constants() {
        return CONSTANTS;
    }

    @Override
    public int nativeFamily(Family family) {
        return families.getOrDefault(family, -1);
    }

    @Override
    public Family family(int nativeFamily) {
        return familyByNative.get(nativeFamily);
    }

    @Override
    public int nativeType(SocketType type) {
        return types.getOrDefault(type, -1);
    }

    @Override
    public SocketType type(int nativeType) {
        return typeByNative.get(nativeType);
    }

    @Override
    public Errno errno(int nativeErrno) {
        return errnoByNative.getOrDefault(nativeErrno, Errno.UNKNOWN);
    }

    @Override
    public int nativeErrno(Errno errno) {
        return nativeByErrno.getOrDefault(errno, -1);
    }

    /**
     * Windows' message for the code as CPython's OSError text on Windows
     * ({@code PyErr_SetExcFromWindowsErrWithFilenameObjects}): {@code FormatMessageW} from the
     * system table, no inserts, {@code MAKELANGID(LANG_NEUTRAL, SUBLANG_DEFAULT)}, trailing
     * whitespace and dots cut; on another OS (a forced provider reporting its refusal) the
     * code's name.
     */
    @Override
    public String strerror(int nativeErrno) {
        if (isSupported()) {
            char[] buf = new char[512];
            int n = Kernel32.FormatMessageW(WinsockConstants.FORMAT_MESSAGE_FROM_SYSTEM
                    | WinsockConstants.FORMAT_MESSAGE_IGNORE_INSERTS, 0, nativeErrno, LANG_NEUTRAL_SUBLANG_DEFAULT, buf,
                    buf.length, 0);
            if (n > 0) {
                return trimMessage(new String(buf, 0, Math.min(n, buf.length)));
            }
        }
        return fallbackText(nativeErrno);
    }

    /** {@code MAKELANGID(LANG_NEUTRAL, SUBLANG_DEFAULT)}: the user's default language, as CPython asks. */
    static final int LANG_NEUTRAL_SUBLANG_DEFAULT = 0x0400;

    /** CPython's cut of FormatMessage's text: trailing characters up to space, and dots. */
    static String trimMessage(String text) {
        int n = text.length();
        while (n > 0 && (text.charAt(n - 1) <= ' ' || text.charAt(n - 1) == '.')) {
            n--;
        }
        return text.substring(0, n);
    }

    /** The Winsock name of a code, for where FormatMessage cannot be asked. */
    static String fallbackText(int code) {
        for (Map.Entry<String, Integer> e : ERRORS.entrySet()) {
            if (e.getValue() == code && e.getKey().startsWith("WSA")) {
                return e.getKey();
            }
        }
        return "Winsock error " + code;
    }

    IOException error(int nativeErrno, String context) {
        return Errors.of(errno(nativeErrno), nativeErrno, strerror(nativeErrno), context);
    }

    @Override
    public Poller poller() {
        WsaPoller p = poller;
        if (p == null) {
            requireWindows();
            pollerLock.lock();
            try {
                if (poller == null) {
                    WsaPollMechanism m = new WsaPollMechanism(new WsaPollMechanism.Winsock(this), this::error);
                    try {
                        poller = new WsaPoller(new PollScheduler(m), m);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                p = poller;
            } finally {
                pollerLock.unlock();
            }
        }
        return p;
    }

    /** The error of the Winsock call that just failed, negated: the SPI's convention. */
    private static int fail() {
        return -Ws2.lastError();
    }

    // ---- descriptors --------------------------------------------------------------------

    @Override
    public long socket(int family, int type, int protocol) {
        requireWindows();
        return configure(openSocket(family, type, protocol, 0));
    }

    /** twin: open_socket(): WSASocketW with the two flags, CPython's fallback for WSAEINVAL. */
    private long openSocket(int family, int type, int protocol, long protocolInfo) {
        if (noInheritFlag) {
            long s = Ws2.WSASocketW(family, type, protocol, protocolInfo, 0, WSA_FLAG_OVERLAPPED | WSA_FLAG_NO_HANDLE_INHERIT);
            if (s != INVALID_SOCKET) {
                return s;
            }
            int e = Ws2.lastError();
            if (e != einval) {
                return -e;
            }
            noInheritFlag = false;
        }
        long s = Ws2.WSASocketW(family, type, protocol, protocolInfo, 0, WSA_FLAG_OVERLAPPED);
        if (s == INVALID_SOCKET) {
            return fail();
        }
        if (Kernel32.SetHandleInformation(s, HANDLE_FLAG_INHERIT, 0) == 0) {
            int e = Native.getLastError();
            Ws2.closesocket(s);
            return -e;
        }
        return s;
    }

    /** twin: set_nonblocking(): {@code ioctlsocket(s, FIONBIO, &1)}; closes the socket on failure. */
    private long configure(long s) {
        if (s < 0) {
            return s;
        }
        int r = setNonBlocking(s);
        if (r < 0) {
            Ws2.closesocket(s);
            return r;
        }
        return s;
    }

    @Override
    public int setNonBlocking(long fd) {
        Scratch s = Scratch.take();
        try {
            s.view().putInt(Scratch.AUX_OFFSET, 1);
            return Ws2.ioctlsocket(fd, FIONBIO, s.aux()) == SOCKET_ERROR ? fail() : 0;
        } finally {
            s.give();
        }
    }

    @Override
    public int socketPair(int family, int type, int protocol, long[] fds) {
        throw new UnsupportedOperationException("weft: Winsock has no socketpair(); connect two INET sockets over loopback"
                + " (CPython's socket.socketpair() emulation on Windows)");
    }

    @Override
    public int bind(long fd, SockAddr address) {
        return withAddress(fd, address, false);
    }

    /**
     * twin: weft_connect() and connect_outcome(). The first call starts the attempt;
     * while one is in flight a call reads its outcome instead of calling connect again.
     */
    @Override
    public int connect(long fd, SockAddr address) {
        if (connecting.contains(fd)) {
            return connectOutcome(fd);
        }
        int r = withAddress(fd, address, true);
        if (r == -wouldBlock) {
            connecting.add(fd);
            WsaPoller p = poller;
            if (p != null) {
                p.mechanism().connecting(fd, true);
            }
            return -inProgress;
        }
        return r;
    }

    /** 0 once connected, {@code -WSAEALREADY} while in flight, else minus the attempt's error. */
    private int connectOutcome(long fd) {
        WsaPoller p = poller;
        int err = p == null ? 0 : p.mechanism().takeConnectError(fd); // the poller may have read SO_ERROR first
        if (err == 0) {
            byte[] v = new byte[4];
            int n = getSockOpt(fd, solSocket, CONSTANTS.get("SO_ERROR"), v);
            err = n < 0 ? -n : ByteBuffer.wrap(v).order(ByteOrder.nativeOrder()).getInt();
        }
        if (err != 0) {
            connectDone(fd);
            return -err;
        }
        Scratch s = Scratch.take(0);
        try {
            s.len(Scratch.ADDR_SIZE);
            if (Ws2.getpeername(fd, s.addr(), s.lenPtr()) == 0) {
                connectDone(fd);
                return 0;
            }
            int e = Ws2.lastError();
            if (e == notConn) {
                return -already;
            }
            connectDone(fd);
            return -e;
        } finally {
            s.give();
        }
    }

    private void connectDone(long fd) {
        if (connecting.remove(fd)) {
            WsaPoller p = poller;
            if (p != null) {
                p.mechanism().connecting(fd, false);
            }
        }
    }

    private int withAddress(long fd, SockAddr address, boolean connect) {
        if (address instanceof SockAddr.Unix u && (u.isAbstract() || u.isUnnamed())) {
            throw new IllegalArgumentException("Windows has no " + (u.isAbstract() ? "abstract" : "unnamed (autobind)")
                    + " AF_UNIX names: " + address);
        }
        Scratch s = Scratch.take(0);
        try {
            int len = codec.encode(address, s.view(), 0);
            if (len < 0) {
                return len;
            }
            int r = connect ? Ws2.connect(fd, s.addr(), len) : Ws2.bind(fd, s.addr(), len);
            return r == 0 ? 0 : fail();
        } finally {
            s.give();
        }
    }

    @Override
    public int listen(long fd, int backlog) {
        return Ws2.listen(fd, backlog) == 0 ? 0 : fail();
    }

    /** twin: accept_ready(): accept, then FIONBIO and no inheritance, as for a new socket. */
    @Override
    public long accept(long fd, SockAddr[] peer) {
        Scratch s = Scratch.take(0);
        try {
            s.len(Scratch.ADDR_SIZE);
            long r = Ws2.accept(fd, s.addr(), s.lenPtr());
            if (r == INVALID_SOCKET) {
                return fail();
            }
            if (Kernel32.SetHandleInformation(r, HANDLE_FLAG_INHERIT, 0) == 0) {
                int e = Native.getLastError();
                Ws2.closesocket(r);
                return -e;
            }
            if (peer != null) {
                peer[0] = codec.decode(s.view(), 0, s.len());
            }
            return configure(r);
        } finally {
            s.give();
        }
    }

    @Override
    public long recv(long fd, int family, int type, ByteBuffer dst, int flags, SockAddr[] from) {
        int want = dst.remaining();
        boolean direct = dst.isDirect();
        Scratch s = Scratch.take(direct ? 0 : want);
        long big = 0;
        try {
            if (!direct && want > s.dataCapacity() && type != sockStream) {
                big = malloc(want); // a datagram arrives whole or not at all: never cut it to the scratch size
            }
            long buf = direct ? Pointer.nativeValue(Native.getDirectBufferPointer(dst)) + dst.position()
                    : big != 0 ? big : s.data();
            int len = direct || big != 0 ? want : Math.min(want, s.dataCapacity());
            int n;
            if (from != null) {
                s.view().putLong(0, 0); // a stream's recvfrom leaves the address as it was: family 0 is "none"
                s.len(Scratch.ADDR_SIZE);
                n = Ws2.recvfrom(fd, buf, len, flags, s.addr(), s.lenPtr());
            } else {
                n = Ws2.recv(fd, buf, len, flags);
            }
            if (n == SOCKET_ERROR) {
                return fail();
            }
            if (!direct && n > 0) {
                ByteBuffer got = big != 0 ? new Pointer(big).getByteBuffer(0, want) : s.view();
                dst.put(dst.position(), got, big != 0 ? 0 : s.dataOffset(), Math.min(n, len));
            }
            if (from != null) {
                from[0] = s.len() < SockAddrLayout.HEADER || s.view().getShort(0) == 0 ? null
                        : codec.decode(s.view(), 0, s.len());
            }
            return n;
        } finally {
            free(big);
            s.give();
        }
    }

    @Override
    public long send(long fd, int family, int type, ByteBuffer src, int flags, SockAddr to) {
        int want = src.remaining();
        boolean direct = src.isDirect();
        Scratch s = Scratch.take(direct ? 0 : want);
        long big = 0;
        try {
            long buf;
            int len;
            if (direct) {
                buf = Pointer.nativeValue(Native.getDirectBufferPointer(src)) + src.position();
                len = want;
            } else if (want > s.dataCapacity() && type != sockStream) {
                big = malloc(want);
                new Pointer(big).getByteBuffer(0, want).put(0, src, src.position(), want);
                buf = big;
                len = want;
            } else {
                buf = s.data();
                len = Math.min(want, s.dataCapacity());
                s.view().put(s.dataOffset(), src, src.position(), len);
            }
            int n;
            if (to != null) {
                int alen = codec.encode(to, s.view(), 0);
                if (alen < 0) {
                    return alen;
                }
                n = Ws2.sendto(fd, buf, len, flags, s.addr(), alen);
            } else {
                n = Ws2.send(fd, buf, len, flags);
            }
            return n == SOCKET_ERROR ? fail() : n;
        } finally {
            free(big);
            s.give();
        }
    }

    /** Only a stream may move a heap buffer in parts: a datagram goes whole. */
    private static final int sockStream = CONSTANTS.get("SOCK_STREAM");

    private static long malloc(int size) {
        long p = Native.malloc(size);
        if (p == 0) {
            throw new OutOfMemoryError("weft: malloc(" + size + ") failed");
        }
        return p;
    }

    private static void free(long p) {
        if (p != 0) {
            Native.free(p);
        }
    }

    @Override
    public int shutdown(long fd, int how) {
        return Ws2.shutdown(fd, how) == 0 ? 0 : fail();
    }

    @Override
    public int close(long fd) {
        connectDone(fd);
        return Ws2.closesocket(fd) == 0 ? 0 : fail();
    }

    @Override
    public int setSockOpt(long fd, int level, int name, byte[] value) {
        if (value.length > Scratch.AUX_SIZE) {
            throw new IllegalArgumentException("option value too long: " + value.length + " bytes");
        }
        Scratch s = Scratch.take();
        try {
            s.view().put(Scratch.AUX_OFFSET, value);
            return Ws2.setsockopt(fd, level, name, s.aux(), value.length) == 0 ? 0 : fail();
        } finally {
            s.give();
        }
    }

    @Override
    public int getSockOpt(long fd, int level, int name, byte[] value) {
        int cap = Math.min(value.length, Scratch.AUX_SIZE);
        Scratch s = Scratch.take();
        try {
            s.view().put(Scratch.AUX_OFFSET, new byte[cap]);
            s.len(cap);
            if (Ws2.getsockopt(fd, level, name, s.aux(), s.lenPtr()) != 0) {
                return fail();
            }
            int n = Math.min(s.len(), cap);
            s.view().get(Scratch.AUX_OFFSET, value, 0, n);
            return n;
        } finally {
            s.give();
        }
    }

    @Override
    public SockAddr getSockName(long fd) throws IOException {
        return name(fd, false);
    }

    @Override
    public SockAddr getPeerName(long fd) throws IOException {
        return name(fd, true);
    }

    private SockAddr name(long fd, boolean peer) throws IOException {
        Scratch s = Scratch.take(0);
        try {
            s.len(Scratch.ADDR_SIZE);
            int r = peer ? Ws2.getpeername(fd, s.addr(), s.lenPtr()) : Ws2.getsockname(fd, s.addr(), s.lenPtr());
            if (r != 0) {
                throw error(Ws2.lastError(), peer ? "getpeername" : "getsockname");
            }
            return codec.decode(s.view(), 0, s.len());
        } finally {
            s.give();
        }
    }

    /** Writes {@code address} in Winsock's layout (no {@code sa_len}, {@code AF_INET6} 23); its length or -errno. */
    public int encodeSockAddr(SockAddr address, ByteBuffer b, int off) {
        return codec.encode(address, b, off);
    }

    /** The address of {@code len} bytes at {@code off} in Winsock's layout; never fails. */
    public SockAddr decodeSockAddr(ByteBuffer b, int off, int len) {
        return codec.decode(b, off, len);
    }

    @Override
    public byte[] encodeOption(String name, Object value) {
        return options.encode(name, value);
    }

    @Override
    public Object decodeOption(String name, byte[] value, int length) {
        return options.decode(name, value, length);
    }

    // ---- descriptors: dup, inheritance, share ----------------------------------------------

    /** CPython's {@code socket.dup()} on Windows: {@code WSADuplicateSocketW} for this process, then a socket from its info. */
    @Override
    public long dup(long fd) {
        byte[] info = new byte[SIZEOF_WSAPROTOCOL_INFOW];
        int r = duplicate(fd, Kernel32.GetCurrentProcessId(), info);
        return r < 0 ? r : fromShare(info, null);
    }

    @Override
    public int getInheritable(long fd) {
        int[] flags = new int[1];
        if (Kernel32.GetHandleInformation(fd, flags) == 0) {
            return -Native.getLastError();
        }
        return (flags[0] & HANDLE_FLAG_INHERIT) != 0 ? 1 : 0;
    }

    @Override
    public int setInheritable(long fd, boolean inheritable) {
        return Kernel32.SetHandleInformation(fd, HANDLE_FLAG_INHERIT, inheritable ? HANDLE_FLAG_INHERIT : 0) == 0
                ? -Native.getLastError() : 0;
    }

    /** CPython's {@code sock.share(pid)}: the {@code WSAPROTOCOL_INFOW} as bytes, {@code sizeof} of them (628 on x64). */
    @Override
    public byte[] share(long fd, int pid) throws IOException {
        byte[] info = new byte[SIZEOF_WSAPROTOCOL_INFOW];
        int r = duplicate(fd, pid, info);
        if (r < 0) {
            throw error(-r, "WSADuplicateSocketW for process " + pid);
        }
        return info;
    }

    /** twin: share_and_ioctl(): {@code WSADuplicateSocketW(fd, pid, &info)}; 0 or -error. */
    private int duplicate(long fd, int pid, byte[] info) {
        Scratch s = Scratch.take(SIZEOF_WSAPROTOCOL_INFOW);
        try {
            if (Ws2.WSADuplicateSocketW(fd, pid, s.data()) != 0) {
                return fail();
            }
            s.view().get(s.dataOffset(), info);
            return 0;
        } finally {
            s.give();
        }
    }

    /**
     * CPython's {@code socket.fromshare(info)}: {@code WSASocketW(FROM_PROTOCOL_INFO} three
     * times{@code , &info, 0, WSA_FLAG_OVERLAPPED)}, weft adding
     * {@code WSA_FLAG_NO_HANDLE_INHERIT}, then made non-blocking; family, type and protocol
     * are the info's ({@code iAddressFamily}, {@code iSocketType}, {@code iProtocol}).
     */
    @Override
    public long fromShare(byte[] info, int[] familyTypeProtocol) {
        requireWindows();
        if (info.length != SIZEOF_WSAPROTOCOL_INFOW) {
            throw new IllegalArgumentException("a share() blob is a WSAPROTOCOL_INFOW of " + SIZEOF_WSAPROTOCOL_INFOW
                    + " bytes, not " + info.length);
        }
        if (familyTypeProtocol != null) {
            ByteBuffer b = ByteBuffer.wrap(info).order(ByteOrder.LITTLE_ENDIAN);
            familyTypeProtocol[0] = b.getInt(WinsockConstants.OFF_WSAPROTOCOL_INFOW_IADDRESSFAMILY);
            familyTypeProtocol[1] = b.getInt(WinsockConstants.OFF_WSAPROTOCOL_INFOW_ISOCKETTYPE);
            familyTypeProtocol[2] = b.getInt(WinsockConstants.OFF_WSAPROTOCOL_INFOW_IPROTOCOL);
        }
        Scratch s = Scratch.take(SIZEOF_WSAPROTOCOL_INFOW);
        try {
            s.view().put(s.dataOffset(), info);
            return configure(openSocket(FROM_PROTOCOL_INFO, FROM_PROTOCOL_INFO, FROM_PROTOCOL_INFO, s.data()));
        } finally {
            s.give();
        }
    }

    // ---- messages: Winsock has them (WSARecvMsg through an extension pointer, WSASendMsg), CPython
    // does not offer them on Windows (socket.recvmsg/sendmsg are "Availability: Unix"), weft not yet.

    @Override
    public long recvMsg(long fd, int family, int type, ByteBuffer[] dsts, int controlLen, int flags, dev.weft.spi.MsgResult out) {
        throw new UnsupportedOperationException("weft: the windows provider does not bind WSARecvMsg (recvmsg) yet, and CPython"
                + " has no recvmsg on Windows; recv/recvfrom work");
    }

    @Override
    public long sendMsg(long fd, int family, int type, ByteBuffer[] srcs, List<dev.weft.Ancillary> ancillary, int flags, SockAddr to) {
        throw new UnsupportedOperationException("weft: the windows provider does not bind WSASendMsg (sendmsg) yet, and CPython"
                + " has no sendmsg on Windows; send/sendto work");
    }

    // ---- ioctl ----------------------------------------------------------------------------

    /**
     * CPython's {@code sock.ioctl(control, option)} ({@code sock_ioctl} in socketmodule.c):
     * {@code SIO_RCVALL} and {@code SIO_LOOPBACK_FAST_PATH} take one {@code unsigned int},
     * {@code SIO_KEEPALIVE_VALS} a {@code struct tcp_keepalive} of three ({@code onoff},
     * {@code keepalivetime}, {@code keepaliveinterval}, in ms); each goes to {@code WSAIoctl}
     * with no output buffer.
     */
    @Override
    public int ioctl(long fd, int control, long[] values) {
        int want = ioctlArgs(control);
        if (values.length != want) {
            throw new IllegalArgumentException("ioctl " + ioctlName(control) + " takes " + want + " value(s), not " + values.length);
        }
        Scratch s = Scratch.take();
        try {
            ByteBuffer v = s.view();
            int base = Scratch.AUX_OFFSET;
            for (int i = 0; i < values.length; i++) {
                v.putInt(base + 4 * i, (int) values[i]);
            }
            // twin: share_and_ioctl(): no output buffer; lpcbBytesReturned must still point somewhere
            int r = Ws2.WSAIoctl(fd, control, s.aux(), 4 * values.length, 0, 0, s.aux() + 64, 0, 0);
            return r == 0 ? 0 : fail();
        } finally {
            s.give();
        }
    }

    /** How many {@code unsigned int}s an ioctl takes, as CPython's sock_ioctl accepts them. */
    static int ioctlArgs(int control) {
        if (control == CONSTANTS.get("SIO_RCVALL") || control == CONSTANTS.get("SIO_LOOPBACK_FAST_PATH")) {
            return 1;
        }
        if (control == CONSTANTS.get("SIO_KEEPALIVE_VALS")) {
            return WinsockConstants.SIZEOF_TCP_KEEPALIVE / 4;
        }
        // CPython: ValueError "invalid ioctl command %lu"
        throw new IllegalArgumentException("invalid ioctl command " + Integer.toUnsignedString(control)
                + ": weft, as CPython, has SIO_RCVALL, SIO_KEEPALIVE_VALS and SIO_LOOPBACK_FAST_PATH");
    }

    private static String ioctlName(int control) {
        for (String n : List.of("SIO_RCVALL", "SIO_KEEPALIVE_VALS", "SIO_LOOPBACK_FAST_PATH")) {
            if (CONSTANTS.get(n) == control) {
                return n;
            }
        }
        return Integer.toUnsignedString(control);
    }

    // ---- resolver -----------------------------------------------------------------------

    /**
     * {@code getaddrinfo} (ws2tcpip.h's ANSI form; {@code ADDRINFOA} has ADDRINFOW's layout).
     * A failure is Python's gaierror with the Winsock code and, as CPython on Windows (no
     * {@code gai_strerror} there), the text "getaddrinfo failed".
     */
    @Override
    public List<AddrInfo> getAddrInfo(String host, String service, int family, int type, int protocol, int flags)
            throws IOException {
        requireWindows();
        Scratch s = Scratch.take();
        long[] res = new long[1];
        int rc;
        try {
            ByteBuffer v = s.view();
            int h = Scratch.AUX_OFFSET;
            for (int i = 0; i < WinsockConstants.SIZEOF_ADDRINFOW; i += 4) {
                v.putInt(h + i, 0);
            }
            v.putInt(h + WinsockConstants.OFF_ADDRINFOW_AI_FLAGS, flags);
            v.putInt(h + WinsockConstants.OFF_ADDRINFOW_AI_FAMILY, family);
            v.putInt(h + WinsockConstants.OFF_ADDRINFOW_AI_SOCKTYPE, type);
            v.putInt(h + WinsockConstants.OFF_ADDRINFOW_AI_PROTOCOL, protocol);
            rc = Ws2.getaddrinfo(host, service, s.aux(), res);
        } finally {
            s.give();
        }
        if (rc != 0) {
            String name = "EAI_?";
            for (Map.Entry<String, Integer> e : CONSTANTS.entrySet()) {
                if (e.getKey().startsWith("EAI_") && e.getValue() == rc && (name.equals("EAI_?") || e.getKey().compareTo(name) < 0)) {
                    name = e.getKey();
                }
            }
            throw new GaiException(rc, name, "[Errno " + rc + "] getaddrinfo failed");
        }
        List<AddrInfo> out = new ArrayList<>();
        try {
            for (long p = res[0]; p != 0; ) {
                Pointer ai = new Pointer(p);
                int fam = ai.getInt(WinsockConstants.OFF_ADDRINFOW_AI_FAMILY);
                int st = ai.getInt(WinsockConstants.OFF_ADDRINFOW_AI_SOCKTYPE);
                int proto = ai.getInt(WinsockConstants.OFF_ADDRINFOW_AI_PROTOCOL);
                long alen = ai.getLong(WinsockConstants.OFF_ADDRINFOW_AI_ADDRLEN); // size_t
                Pointer canonP = ai.getPointer(WinsockConstants.OFF_ADDRINFOW_AI_CANONNAME);
                long addrP = Pointer.nativeValue(ai.getPointer(WinsockConstants.OFF_ADDRINFOW_AI_ADDR));
                SockAddr addr = null;
                if (addrP != 0 && alen > 0) {
                    int n = (int) Math.min(alen, Scratch.ADDR_SIZE);
                    addr = codec.decode(new Pointer(addrP).getByteBuffer(0, n).order(ByteOrder.nativeOrder()), 0, n);
                }
                out.add(new AddrInfo(family(fam), type(st), proto, canonP == null ? "" : canonP.getString(0), addr));
                p = Pointer.nativeValue(ai.getPointer(WinsockConstants.OFF_ADDRINFOW_AI_NEXT));
            }
        } finally {
            Ws2.freeaddrinfo(res[0]);
        }
        return out;
    }

    @Override
    public String getHostName() throws IOException {
        requireWindows();
        Scratch s = Scratch.take(256);
        try {
            if (Ws2.gethostname(s.data(), 256) != 0) {
                throw error(Ws2.lastError(), "gethostname");
            }
            return new Pointer(s.data()).getString(0);
        } finally {
            s.give();
        }
    }
}
