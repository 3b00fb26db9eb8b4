package dev.weft.posix;

import dev.weft.common.FamilyCodec;
import dev.weft.common.NativeMemory;
import dev.weft.common.OptionCodec;
import dev.weft.common.OptionCodecs;
import dev.weft.common.Scratch;
import dev.weft.common.SockAddrCodec;
import dev.weft.common.SockAddrLayout;
import dev.weft.AddrInfo;
import dev.weft.Errno;
import dev.weft.Errors;
import dev.weft.Family;
import dev.weft.GaiException;
import dev.weft.SockAddr;
import dev.weft.SocketType;
import dev.weft.spi.Poller;
import dev.weft.spi.SocketProvider;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The system calls Linux and macOS share, over {@link PosixLibc}: address encoding, errno
 * names, buffers, options and {@code getaddrinfo}. A subclass adds what its OS does its own
 * way: creating non-blocking close-on-exec descriptors, {@code accept}, suppressing
 * {@code SIGPIPE}, the poller, and the capability probe.
 *
 * <p>Constructing a provider loads no native code: ServiceLoader instantiates every
 * provider on the path just to ask {@link #isSupported()}.
 */
public abstract class PosixProvider implements SocketProvider {
    private final Map<String, Integer> constants;
    private final Errno[] errnoByNative;
    private final int[] nativeByErrno;
    private final EnumMap<Family, Integer> families = new EnumMap<>(Family.class);
    private final EnumMap<SocketType, Integer> types = new EnumMap<>(SocketType.class);
    private final Map<Integer, Family> familyByNative = new HashMap<>();
    private final Map<Integer, SocketType> typeByNative = new HashMap<>();
    private final Map<Integer, String> eaiNames = new HashMap<>();
    /** Encodes and decodes this OS's {@code sockaddr} layouts. */
    protected final SockAddrCodec codec;
    private final OptionCodecs options;
    private final ReentrantLock pollerLock = new ReentrantLock();
    private final int sockStream;
    private volatile Poller poller;

    /**
     * @param constants Python's constant names and this OS's values
     * @param errnos    errno names and numbers
     * @param layout    the {@code sockaddr} header of this OS ({@code sa_len} on the BSDs)
     * @param codecs    the address families this OS has, one codec each
     * @param options   option codecs by name beyond the POSIX ones ({@code SO_LINGER},
     *                  {@code ipv6_mreq}, {@code ip_mreq}), which these override
     */
    protected PosixProvider(Map<String, Integer> constants, Map<String, Integer> errnos, SockAddrLayout layout,
            List<? extends FamilyCodec<?>> codecs, Map<String, ? extends OptionCodec<?>> options) {
        this.constants = Collections.unmodifiableMap(new HashMap<>(constants));
        int max = errnos.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        this.errnoByNative = new Errno[max + 1];
        this.nativeByErrno = new int[Errno.values().length];
        java.util.Arrays.fill(nativeByErrno, -1);
        for (Map.Entry<String, Integer> e : errnos.entrySet()) {
            Errno sym;
            try {
                sym = Errno.valueOf(e.getKey());
            } catch (IllegalArgumentException unknown) {
                continue;
            }
            nativeByErrno[sym.ordinal()] = e.getValue();
            // Aliases share a number (EAGAIN/EWOULDBLOCK): the first name in Errno wins.
            Errno prev = errnoByNative[e.getValue()];
            if (prev == null || sym.ordinal() < prev.ordinal()) {
                errnoByNative[e.getValue()] = sym;
            }
        }
        for (Family f : Family.values()) {
            Integer v = constants.get(f.constantName());
            if (v != null) {
                families.put(f, v);
                familyByNative.putIfAbsent(v, f);
            }
        }
        for (SocketType t : SocketType.values()) {
            Integer v = constants.get(t.constantName());
            if (v != null) {
                types.put(t, v);
                typeByNative.put(v, t);
            }
        }
        for (Map.Entry<String, Integer> e : constants.entrySet()) {
            if (e.getKey().startsWith("EAI_")) {
                eaiNames.putIfAbsent(e.getValue(), e.getKey());
            }
        }
        this.sockStream = constants.getOrDefault("SOCK_STREAM", -1);
        this.codec = new SockAddrCodec(layout, constants, codecs);
        Map<String, OptionCodec<?>> named = new HashMap<>(PosixOptions.NAMED);
        named.putAll(options);
        this.options = new OptionCodecs(named);
    }

    /** True on a 64-bit JVM, which {@link PosixLibc}'s {@code long} sizes assume. */
    protected static boolean isLp64() {
        String model = System.getProperty("sun.arch.data.model", "64");
        return model.equals("64");
    }

    // ---- what the OS does its own way ---------------------------------------------------

    /** A non-blocking, close-on-exec socket; fd or -errno. */
    protected abstract int openSocket(int family, int type, int protocol);

    /** A non-blocking, close-on-exec pair; 0 or -errno. */
    protected abstract int openSocketPair(int family, int type, int protocol, int[] fds);

    /** Accepts a non-blocking, close-on-exec descriptor; fd or -errno. */
    protected abstract int acceptSocket(int fd, long addr, long lenPtr);

    /** Flags every send carries ({@code MSG_NOSIGNAL} where it exists). */
    protected abstract int sendFlags();

    /** The flags every send on a socket of native {@code family} carries: {@link #sendFlags()} unless the OS says otherwise for that family. */
    protected int sendFlags(int family) {
        return sendFlags();
    }

    /** Creates the poller, once, on first use. */
    protected abstract Poller newPoller();

    /** This OS's {@code msghdr}/{@code cmsghdr} layout. */
    protected abstract MsgLayout msgLayout();

    /** Where this OS's {@code struct addrinfo} keeps its two pointers. */
    protected abstract AddrInfoLayout addrInfoLayout();

    /** This OS's {@code fcntl}/{@code open} numbers. */
    protected abstract FcntlNumbers fcntlNumbers();

    /** Flags every {@code recvmsg} carries ({@code MSG_CMSG_CLOEXEC} where it exists). */
    protected int recvMsgFlags() {
        return 0;
    }

    /**
     * The {@code fcntl}/{@code open} numbers that differ between Linux and the BSDs.
     *
     * @param dupfdCloexec   {@code F_DUPFD_CLOEXEC}
     * @param oNonblock      {@code O_NONBLOCK}
     * @param oRdonlyCloexec {@code O_RDONLY | O_CLOEXEC}
     */
    public record FcntlNumbers(int dupfdCloexec, int oNonblock, int oRdonlyCloexec) {}

    private static final int F_GETFD = 1;
    private static final int F_SETFD = 2;
    private static final int F_GETFL = 3;
    private static final int F_SETFL = 4;
    private static final int FD_CLOEXEC = 1;

    /**
     * {@code fcntl(fd, cmd, arg)}, -1 and the errno on failure. fcntl is variadic in C: the
     * default binding passes {@code arg} as a fixed argument, which is where Linux's ABIs
     * look for it; an ABI that passes variadic arguments elsewhere (Apple's arm64 puts
     * them on the stack) overrides this with a variadic binding.
     */
    protected int fcntl(int fd, int cmd, int arg) {
        return PosixLibc.fcntl(fd, cmd, arg);
    }

    /** The errno of a failed call, negated: the SPI's convention. */
    protected static int fail() {
        return -PosixLibc.errno();
    }

    // ---- numbers ------------------------------------------------------------------------

    @Override
    public Map<String, Integer> constants() {
        return constants;
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
        if (nativeErrno >= 0 && nativeErrno < errnoByNative.length && errnoByNative[nativeErrno] != null) {
            return errnoByNative[nativeErrno];
        }
        return Errno.UNKNOWN;
    }

    @Override
    public int nativeErrno(Errno errno) {
        return nativeByErrno[errno.ordinal()];
    }

    @Override
    public String strerror(int nativeErrno) {
        return PosixLibc.strerror(nativeErrno);
    }

    @Override
    public Poller poller() {
        Poller p = poller;
        if (p == null) {
            pollerLock.lock();
            try {
                if (poller == null) {
                    poller = newPoller();
                }
                p = poller;
            } finally {
                pollerLock.unlock();
            }
        }
        return p;
    }

    /** The exception for a native errno. */
    protected IOException error(int nativeErrno, String context) {
        return Errors.of(errno(nativeErrno), nativeErrno, strerror(nativeErrno), context);
    }

    // ---- system calls -------------------------------------------------------------------

    @Override
    public long socket(int family, int type, int protocol) {
        return openSocket(family, type, protocol);
    }

    @Override
    public int socketPair(int family, int type, int protocol, long[] fds) {
        int[] sv = new int[2];
        int r = openSocketPair(family, type, protocol, sv);
        if (r == 0) {
            fds[0] = sv[0];
            fds[1] = sv[1];
        }
        return r;
    }

    @Override
    public int bind(long fd, SockAddr address) {
        return withAddress(fd, address, PosixLibc::bind);
    }

    @Override
    public int connect(long fd, SockAddr address) {
        return withAddress(fd, address, PosixLibc::connect);
    }

    /** bind(2) and connect(2): the same call shape over an encoded address. */
    @FunctionalInterface
    private interface AddressCall {
        int call(int fd, long addr, int len);
    }

    private int withAddress(long fd, SockAddr address, AddressCall call) {
        Scratch s = Scratch.take(0);
        try {
            int len = codec.encode(address, s.view(), 0);
            if (len < 0) {
                return len;
            }
            return call.call((int) fd, s.addr(), len) == 0 ? 0 : fail();
        } finally {
            s.give();
        }
    }

    @Override
    public int listen(long fd, int backlog) {
        return PosixLibc.listen((int) fd, backlog) == 0 ? 0 : fail();
    }

    @Override
    public long accept(long fd, SockAddr[] peer) {
        Scratch s = Scratch.take(0);
        try {
            s.len(Scratch.ADDR_SIZE);
            // No peer wanted: NULL, as AF_ALG needs (its getname fails, and accept with it).
            int r = peer != null ? acceptSocket((int) fd, s.addr(), s.lenPtr()) : acceptSocket((int) fd, 0, 0);
            if (r >= 0 && peer != null) {
                peer[0] = codec.decode(s.view(), 0, s.len());
            }
            return r;
        } finally {
            s.give();
        }
    }

    @Override
    public long recv(long fd, int family, int type, ByteBuffer dst, int flags, SockAddr[] from) {
        int want = dst.remaining();
        boolean direct = dst.isDirect();
        if (!direct && from == null && PosixLibc.HEAP_ARRAYS && dst.hasArray()) {
            long n = PosixLibc.recv((int) fd, dst.array(), dst.arrayOffset() + dst.position(), heapLength(type, want), flags);
            return n < 0 ? fail() : n;
        }
        if (!direct || from != null) {
            Scratch s = Scratch.take(direct ? 0 : want);
            long big = 0;
            try {
                if (!direct && want > s.dataCapacity() && !isStream(type)) {
                    big = NativeMemory.malloc(want); // a message must arrive whole: never cut it to the scratch size
                }
                long buf = direct ? address(dst) : big != 0 ? big : s.data();
                int len = direct || big != 0 ? want : Math.min(want, s.dataCapacity());
                long n;
                if (from != null) {
                    s.len(Scratch.ADDR_SIZE);
                    n = PosixLibc.recvfrom((int) fd, buf, len, flags, s.addr(), s.lenPtr());
                } else {
                    n = PosixLibc.recv((int) fd, buf, len, flags);
                }
                if (n < 0) {
                    return fail();
                }
                if (!direct && n > 0) {
                    ByteBuffer got = big != 0 ? NativeMemory.view(big, want) : s.view();
                    dst.put(dst.position(), got, big != 0 ? 0 : s.dataOffset(), (int) Math.min(n, len));
                }
                if (from != null) {
                    // A connected stream reports no address (len 0): Python returns None there.
                    int alen = s.len();
                    from[0] = alen == 0 ? null : codec.decode(s.view(), 0, alen);
                }
                return n;
            } finally {
                NativeMemory.free(big);
                s.give();
            }
        }
        long n = PosixLibc.recv((int) fd, address(dst), want, flags);
        return n < 0 ? fail() : n;
    }

    @Override
    public long send(long fd, int family, int type, ByteBuffer src, int flags, SockAddr to) {
        int want = src.remaining();
        boolean direct = src.isDirect();
        flags |= sendFlags(family);
        if (!direct && to == null && PosixLibc.HEAP_ARRAYS && src.hasArray()) {
            long n = PosixLibc.send((int) fd, src.array(), src.arrayOffset() + src.position(), heapLength(type, want), flags);
            return n < 0 ? fail() : n;
        }
        if (!direct || to != null) {
            Scratch s = Scratch.take(direct ? 0 : want);
            long big = 0;
            try {
                long buf;
                int len;
                if (direct) {
                    buf = address(src);
                    len = want;
                } else if (want > s.dataCapacity() && !isStream(type)) {
                    // A datagram cannot be sent in parts: copy it whole, not cut to the scratch size.
                    big = NativeMemory.malloc(want);
                    NativeMemory.view(big, want).put(0, src, src.position(), want);
                    buf = big;
                    len = want;
                } else {
                    buf = s.data();
                    len = Math.min(want, s.dataCapacity());
                    s.view().put(s.dataOffset(), src, src.position(), len);
                }
                long n;
                if (to != null) {
                    int alen = codec.encode(to, s.view(), 0);
                    if (alen < 0) {
                        return alen;
                    }
                    n = PosixLibc.sendto((int) fd, buf, len, flags, s.addr(), alen);
                } else {
                    n = PosixLibc.send((int) fd, buf, len, flags);
                }
                return n < 0 ? fail() : n;
            } finally {
                NativeMemory.free(big);
                s.give();
            }
        }
        long n = PosixLibc.send((int) fd, address(src), want, flags);
        return n < 0 ? fail() : n;
    }

    /**
     * How much of a heap buffer one call passes to the kernel as it is: all of a message,
     * which must go whole, but at most {@link Scratch#DATA_SIZE} of a stream, as through the
     * scratch area, so that the critical call (the JVM's safepoints wait for it) stays short.
     */
    private int heapLength(int type, int want) {
        return want <= Scratch.DATA_SIZE || !isStream(type) ? want : Scratch.DATA_SIZE;
    }

    /** True for native type {@code SOCK_STREAM}: only a stream may move a heap buffer in parts. */
    final boolean isStream(int type) {
        return type == sockStream;
    }

    /** The native address of a direct buffer's position. */
    public static long address(ByteBuffer direct) {
        return PosixLibc.directAddress(direct) + direct.position();
    }

    /** The provider's name and the binding its native calls go through ({@link NativeBinding}). */
    @Override
    public String toString() {
        return name() + " provider, native calls through " + NativeBinding.description();
    }

    @Override
    public int shutdown(long fd, int how) {
        return PosixLibc.shutdown((int) fd, how) == 0 ? 0 : fail();
    }

    @Override
    public int close(long fd) {
        // Never retry close: after EINTR the descriptor is already gone on Linux, and a
        // retry could close a number another thread has just been given.
        return PosixLibc.close((int) fd) == 0 ? 0 : fail();
    }

    @Override
    public int setSockOpt(long fd, int level, int name, byte[] value) {
        if (value.length > Scratch.AUX_SIZE) {
            throw new IllegalArgumentException("option value too long: " + value.length + " bytes");
        }
        Scratch s = Scratch.take();
        try {
            s.view().put(Scratch.AUX_OFFSET, value);
            // Failure is -1, as CPython reads it (res < 0): 6.1's J1939 flag options return the
            // flag's value, 1, on success, and errno is then whatever an earlier call left.
            return PosixLibc.setsockopt((int) fd, level, name, s.aux(), value.length) >= 0 ? 0 : fail();
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
            if (PosixLibc.getsockopt((int) fd, level, name, s.aux(), s.lenPtr()) < 0) {
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
        Scratch s = Scratch.take();
        try {
            s.len(Scratch.ADDR_SIZE);
            int r = peer ? PosixLibc.getpeername((int) fd, s.addr(), s.lenPtr())
                    : PosixLibc.getsockname((int) fd, s.addr(), s.lenPtr());
            if (r != 0) {
                int e = PosixLibc.errno();
                throw error(e, peer ? "getpeername" : "getsockname");
            }
            return codec.decode(s.view(), 0, s.len());
        } finally {
            s.give();
        }
    }

    // ---- messages and descriptors -------------------------------------------------------

    @Override
    public long recvMsg(long fd, int family, int type, ByteBuffer[] dsts, int controlLen, int flags, dev.weft.spi.MsgResult out) {
        long n = Messages.recv(this, msgLayout(), (int) fd, isStream(type), dsts, controlLen, flags | recvMsgFlags(), out);
        // Linux echoes MSG_CMSG_CLOEXEC into msg_flags: report only the flags the caller passed, as CPython.
        out.flags &= ~(recvMsgFlags() & ~flags);
        return n;
    }

    @Override
    public long sendMsg(long fd, int family, int type, ByteBuffer[] srcs, List<dev.weft.Ancillary> ancillary, int flags,
            SockAddr to) {
        return Messages.send(this, msgLayout(), (int) fd, isStream(type), srcs, ancillary, flags | sendFlags(family), to);
    }

    @Override
    public int cmsgLen(int length) {
        return msgLayout().cmsgLen(length);
    }

    @Override
    public int cmsgSpace(int length) {
        return msgLayout().cmsgSpace(length);
    }

    @Override
    public long dup(long fd) {
        int d = fcntl((int) fd, fcntlNumbers().dupfdCloexec(), 0);
        if (d < 0) {
            return fail();
        }
        int r = setNonBlocking(d);
        if (r < 0) {
            PosixLibc.close(d);
            return r;
        }
        return d;
    }

    @Override
    public int setNonBlocking(long fd) {
        int fl = fcntl((int) fd, F_GETFL, 0);
        if (fl < 0) {
            return fail();
        }
        int nb = fcntlNumbers().oNonblock();
        if ((fl & nb) != 0) {
            return 0;
        }
        return fcntl((int) fd, F_SETFL, fl | nb) < 0 ? fail() : 0;
    }

    @Override
    public int getInheritable(long fd) {
        int r = fcntl((int) fd, F_GETFD, 0);
        return r < 0 ? fail() : (r & FD_CLOEXEC) == 0 ? 1 : 0;
    }

    @Override
    public int setInheritable(long fd, boolean inheritable) {
        int r = fcntl((int) fd, F_GETFD, 0);
        if (r < 0) {
            return fail();
        }
        int want = inheritable ? r & ~FD_CLOEXEC : r | FD_CLOEXEC;
        return fcntl((int) fd, F_SETFD, want) < 0 ? fail() : 0;
    }

    @Override
    public long openForReading(String path) {
        int fd = PosixLibc.open(path, fcntlNumbers().oRdonlyCloexec());
        return fd < 0 ? fail() : fd;
    }

    // ---- structures POSIX systems share ----------------------------------------------------

    @Override
    public dev.weft.Cmsg.PacketInfo decodePacketInfo(dev.weft.Ancillary item) {
        return PosixStructs.packetInfo(item.data(), item.level() == constants.getOrDefault("IPPROTO_IPV6", -1));
    }

    @Override
    public dev.weft.Ancillary encodePacketInfo(int interfaceIndex, java.net.Inet4Address source) {
        return new dev.weft.Ancillary(constant("IPPROTO_IP"), constant("IP_PKTINFO"), PosixStructs.packetInfo(interfaceIndex, source));
    }

    /**
     * A sockaddr inside another structure ({@code data[off..off+len)}), decoded by the codec
     * every address goes through: the one place a struct's embedded address is read.
     */
    protected final SockAddr decodeAddress(byte[] data, int off, int len) {
        return decodeSockAddr(ByteBuffer.wrap(data).order(ByteOrder.nativeOrder()), off, len);
    }

    /** A number this OS must have for the call asked of it. */
    protected final int constant(String name) {
        Integer v = constants.get(name);
        if (v == null) {
            throw new UnsupportedOperationException(name() + " has no " + name);
        }
        return v;
    }

    // ---- typed options ------------------------------------------------------------------

    @Override
    public byte[] encodeOption(String name, Object value) {
        return options.encode(name, value);
    }

    @Override
    public Object decodeOption(String name, byte[] value, int length) {
        return options.decode(name, value, length);
    }

    // ---- socket addresses, for the rest of the provider and for api's decoders ------------

    /**
     * Writes {@code address} at {@code off} in this OS's layout; returns its length, or
     * {@code -errno} when the OS refuses part of it.
     */
    public int encodeSockAddr(SockAddr address, ByteBuffer b, int off) {
        return codec.encode(address, b, off);
    }

    /** The address of {@code len} bytes at {@code off} in this OS's layout; never fails. */
    public SockAddr decodeSockAddr(ByteBuffer b, int off, int len) {
        return codec.decode(b, off, len);
    }

    /** {@code if_nametoindex}: the index of interface {@code name}, or 0 (then {@link PosixLibc#errno()} says why). */
    public static int interfaceIndex(String name) {
        return PosixNetdb.nameToIndex(name);
    }

    /** {@code if_indextoname}: the name of interface {@code index}, or null if there is none. */
    public static String interfaceName(int index) {
        String[] name = new String[1];
        return PosixNetdb.indexToName(index, name) == 0 ? name[0] : null;
    }

    // ---- resolver -----------------------------------------------------------------------

    @Override
    public List<AddrInfo> getAddrInfo(String host, String service, int family, int type, int protocol, int flags)
            throws IOException {
        Scratch s = Scratch.take();
        long[] res = new long[1];
        int rc;
        int err;
        try {
            ByteBuffer v = s.view();
            for (int i = 0; i < 48; i += 4) {
                v.putInt(Scratch.AUX_OFFSET + i, 0);
            }
            v.putInt(Scratch.AUX_OFFSET, flags);
            v.putInt(Scratch.AUX_OFFSET + 4, family);
            v.putInt(Scratch.AUX_OFFSET + 8, type);
            v.putInt(Scratch.AUX_OFFSET + 12, protocol);
            rc = PosixLibc.getaddrinfo(host, service, s.aux(), res);
            err = PosixLibc.errno();
        } finally {
            s.give();
        }
        if (rc != 0) {
            Integer eaiSystem = constants.get("EAI_SYSTEM");
            if (eaiSystem != null && rc == eaiSystem && err != 0) {
                throw error(err, "getaddrinfo " + host);
            }
            String text = PosixLibc.gai_strerror(rc);
            throw new GaiException(rc, eaiNames.getOrDefault(rc, "EAI_?"), "[Errno " + rc + "] " + text);
        }
        List<AddrInfo> out = new ArrayList<>();
        try {
            // struct addrinfo: flags, family, socktype, protocol, addrlen (5 ints, padded to
            // 24), then two pointers whose order differs per OS (AddrInfoLayout), then ai_next.
            for (long p = res[0]; p != 0; ) {
                ByteBuffer ai = NativeMemory.view(p, 48).order(ByteOrder.nativeOrder());
                int fam = ai.getInt(4);
                int st = ai.getInt(8);
                int proto = ai.getInt(12);
                int alen = ai.getInt(16);
                long addrP = ai.getLong(addrInfoLayout().addrOffset());
                String canon = NativeMemory.string(ai.getLong(addrInfoLayout().canonNameOffset()));
                SockAddr addr = null;
                if (addrP != 0 && alen > 0) {
                    int n = Math.min(alen, Scratch.ADDR_SIZE);
                    ByteBuffer ab = NativeMemory.view(addrP, n).order(ByteOrder.nativeOrder());
                    addr = codec.decode(ab, 0, n);
                }
                out.add(new AddrInfo(family(fam), type(st), proto, canon == null ? "" : canon, addr));
                p = ai.getLong(40);
            }
        } finally {
            PosixLibc.freeaddrinfo(res[0]);
        }
        return out;
    }

    /** Probes a capability by trying it; true if {@code probe} returns normally. */
    protected static boolean probe(ProbeAction probe) {
        try {
            return probe.run();
        } catch (RuntimeException | Error e) {
            return false;
        }
    }

    /** One capability probe. */
    @FunctionalInterface
    protected interface ProbeAction {
        /** Returns whether the capability works. */
        boolean run();
    }

    /** Capabilities as a set, for subclasses' {@code capabilities()}. */
    protected static <E extends Enum<E>> Set<E> setOf(Class<E> c, List<E> items) {
        java.util.EnumSet<E> s = java.util.EnumSet.noneOf(c);
        s.addAll(items);
        return Collections.unmodifiableSet(s);
    }

    // ---- module functions: names, numbers, interfaces -----------------------------------

    /**
     * True if the C library has the reentrant lookups ({@code gethostbyname_r},
     * {@code getservbyname_r} ...), as glibc and musl do; macOS's has none, and its lookups
     * then go through the classic calls under one lock, as CPython's do there.
     */
    protected boolean hasReentrantNetdb() {
        return true;
    }

    private volatile PosixNetdb netdb;

    private PosixNetdb netdb() {
        PosixNetdb n = netdb;
        if (n == null) {
            netdb = n = new PosixNetdb(this); // stateless past its constants: a race makes two, harmlessly
        }
        return n;
    }

    /**
     * Python's gaierror for a resolver code: {@code [Errno -2] Name or service not known};
     * {@code EAI_SYSTEM} becomes the errno's own exception, as CPython's {@code set_gaierror} does.
     */
    IOException gaiError(int rc, int errno, String context) {
        Integer eaiSystem = constants.get("EAI_SYSTEM");
        if (eaiSystem != null && rc == eaiSystem && errno != 0) {
            return error(errno, context);
        }
        return new GaiException(rc, eaiNames.getOrDefault(rc, "EAI_?"), "[Errno " + rc + "] " + PosixLibc.gai_strerror(rc));
    }

    @Override
    public dev.weft.NameInfo getNameInfo(SockAddr address, int flags) throws IOException {
        return netdb().getNameInfo(address, flags);
    }

    @Override
    public dev.weft.HostEntry getHostByName(String name) throws IOException {
        return netdb().getHostByName(name);
    }

    @Override
    public dev.weft.HostEntry getHostByAddr(byte[] address) throws IOException {
        return netdb().getHostByAddr(address);
    }

    @Override
    public String getHostName() throws IOException {
        return netdb().getHostName();
    }

    @Override
    public void setHostName(byte[] name) throws IOException {
        netdb().setHostName(name);
    }

    @Override
    public int getServByName(String name, String protocol) throws IOException {
        return netdb().getServByName(name, protocol);
    }

    @Override
    public String getServByPort(int port, String protocol) throws IOException {
        return netdb().getServByPort(port, protocol);
    }

    @Override
    public int getProtoByName(String name) throws IOException {
        return netdb().getProtoByName(name);
    }

    @Override
    public List<dev.weft.InterfaceIndex> ifNameIndex() throws IOException {
        return netdb().ifNameIndex();
    }

    @Override
    public int ifNameToIndex(String name) throws IOException {
        return netdb().ifNameToIndex(name);
    }

    @Override
    public String ifIndexToName(int index) throws IOException {
        return netdb().ifIndexToName(index);
    }
}
