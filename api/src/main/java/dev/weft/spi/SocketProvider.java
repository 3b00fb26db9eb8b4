package dev.weft.spi;

import dev.weft.AddrInfo;
import dev.weft.Capability;
import dev.weft.Errno;
import dev.weft.Family;
import dev.weft.SockAddr;
import dev.weft.SocketType;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One operating system's socket calls, found with {@link java.util.ServiceLoader}. weft's
 * core ({@link dev.weft.Socket}) owns the modes, timeouts, parking and close/interrupt
 * contract; a provider owns only what differs per OS: numbers, address layouts, the
 * non-blocking system calls and the poller.
 *
 * <p><b>Conventions.</b> Descriptors are {@code long} (a Windows {@code SOCKET} is
 * pointer-sized). The hot calls return a non-negative result or <em>minus the native errno</em>,
 * never throwing for an OS error, so that {@code EAGAIN} costs no exception. Every descriptor
 * a provider creates is non-blocking and close-on-exec. Buffers are read from
 * {@code position()} to {@code limit()} and their positions are left unchanged; the core
 * advances them. Providers may wrap one another (a fault injector delegates every call).
 *
 * <p><b>The socket's family and type.</b> The data calls ({@code recv}, {@code send},
 * {@code recvMsg}, {@code sendMsg}, {@code recvMmsg}, {@code sendMmsg}) also take the socket's native family
 * and type, as weft's {@link dev.weft.Socket} knows them since it opened or adopted the
 * descriptor ({@code SO_DOMAIN}/{@code SO_TYPE} for {@code fromFd}), without the
 * {@code SOCK_NONBLOCK}/{@code SOCK_CLOEXEC} bits: so a provider need not ask the kernel per call
 * whether a heap buffer may move in parts (only a stream's may: a datagram goes whole) nor
 * keep a table of descriptors to know a family's rules (Linux's {@code AF_QIPCRTR} and
 * {@code AF_RDS} refuse {@code MSG_NOSIGNAL}). A wrapper passes them on unchanged.
 *
 * <pre>{@code
 * module my.provider { provides dev.weft.spi.SocketProvider with my.MyProvider; }
 * }</pre>
 */
public interface SocketProvider {
    /** A short name for {@code -Dweft.provider=NAME}, e.g. {@code "linux"}. */
    String name();

    /** True if this provider runs on the current OS and architecture. Must not load native code. */
    boolean isSupported();

    /** Among supported providers the highest priority wins. */
    default int priority() {
        return 0;
    }

    /** What this OS and kernel offer, probed once. */
    Set<Capability> capabilities();

    /** Python's integer constants for this OS ({@code "SO_REUSEADDR" -> 2}). */
    Map<String, Integer> constants();

    /** The native number of a family, or -1 if the OS has none. */
    int nativeFamily(Family family);

    /** The family of a native number, or null. */
    Family family(int nativeFamily);

    /** The native number of a socket type, or -1. */
    int nativeType(SocketType type);

    /** The type of a native number, or null. */
    SocketType type(int nativeType);

    /** The symbolic name of a native errno ({@link Errno#UNKNOWN} if none). */
    Errno errno(int nativeErrno);

    /** The native number of a symbolic errno, or -1 if this OS has none. */
    int nativeErrno(Errno errno);

    /** {@code strerror} text for a native errno. */
    String strerror(int nativeErrno);

    /** The poller all of this provider's sockets register with. */
    Poller poller();

    // ---- system calls: result >= 0, or -errno ---------------------------------------

    /** {@code socket(2)}, non-blocking and close-on-exec. */
    long socket(int family, int type, int protocol);

    /** {@code socketpair(2)}; fills {@code fds[0..1]}. */
    int socketPair(int family, int type, int protocol, long[] fds);

    /** {@code bind(2)}. */
    int bind(long fd, SockAddr address);

    /** {@code connect(2)}; a non-blocking connect returns {@code -EINPROGRESS}. */
    int connect(long fd, SockAddr address);

    /** {@code listen(2)}. */
    int listen(long fd, int backlog);

    /** {@code accept4(2)} (or its equivalent): a non-blocking close-on-exec descriptor; the peer in {@code peer[0]} if non-null. */
    long accept(long fd, SockAddr[] peer);

    /**
     * {@code recv(2)} / {@code recvfrom(2)} on a socket of native {@code family} and {@code type}:
     * the sender in {@code from[0]} if {@code from} is non-null.
     */
    long recv(long fd, int family, int type, ByteBuffer dst, int flags, SockAddr[] from);

    /**
     * {@code send(2)}, or {@code sendto(2)} when {@code to} is non-null, on a socket of native
     * {@code family} and {@code type}. Never raises {@code SIGPIPE}.
     */
    long send(long fd, int family, int type, ByteBuffer src, int flags, SockAddr to);

    /** {@code shutdown(2)} with 0, 1 or 2 (read, write, both). */
    int shutdown(long fd, int how);

    /** {@code close(2)}. Called once, after the descriptor left the poller. */
    int close(long fd);

    /** {@code setsockopt(2)} with the option's bytes. */
    int setSockOpt(long fd, int level, int name, byte[] value);

    /** {@code getsockopt(2)} into {@code value}; returns the length the kernel wrote. */
    int getSockOpt(long fd, int level, int name, byte[] value);

    /** {@code getsockname(2)}; throws the OS error. */
    SockAddr getSockName(long fd) throws IOException;

    /** {@code getpeername(2)}; throws the OS error. */
    SockAddr getPeerName(long fd) throws IOException;

    /** Typed option values to bytes ({@code struct linger}, {@code ip_mreqn}...). */
    byte[] encodeOption(String name, Object value);

    /** Bytes from the kernel back to the option's Java value. */
    Object decodeOption(String name, byte[] value, int length);

    /**
     * {@code getaddrinfo(3)}; may block, so weft calls it from a platform thread pool.
     * Throws {@link dev.weft.GaiException} on resolver failure.
     */
    List<AddrInfo> getAddrInfo(String host, String service, int family, int type, int protocol, int flags)
            throws IOException;

    // ---- messages and descriptors: optional, with defaults that say what is missing --------

    /**
     * {@code recvmsg(2)} into the buffers in order (scatter), with room for {@code controlLen}
     * bytes of ancillary data; fills {@code out}. Received descriptors are close-on-exec.
     * Returns the byte count or -errno.
     */
    default long recvMsg(long fd, int family, int type, ByteBuffer[] dsts, int controlLen, int flags, MsgResult out) {
        throw new UnsupportedOperationException(name() + " does not offer recvmsg");
    }

    /** {@code sendmsg(2)} from the buffers in order (gather), with ancillary data, to {@code to} if non-null. */
    default long sendMsg(long fd, int family, int type, ByteBuffer[] srcs, List<dev.weft.Ancillary> ancillary, int flags,
            SockAddr to) {
        throw new UnsupportedOperationException(name() + " does not offer sendmsg");
    }

    /** {@code CMSG_LEN(length)}, or -1 if {@code length} is out of range. */
    default int cmsgLen(int length) {
        throw new UnsupportedOperationException(name() + " does not offer CMSG_LEN");
    }

    /** {@code CMSG_SPACE(length)}, or -1 if {@code length} is out of range. */
    default int cmsgSpace(int length) {
        throw new UnsupportedOperationException(name() + " does not offer CMSG_SPACE");
    }

    /** A close-on-exec duplicate of {@code fd} ({@code F_DUPFD_CLOEXEC}), made non-blocking; or -errno. */
    default long dup(long fd) {
        throw new UnsupportedOperationException(name() + " does not offer dup");
    }

    /** Makes a descriptor weft did not create non-blocking; 0 or -errno. */
    default int setNonBlocking(long fd) {
        throw new UnsupportedOperationException(name() + " does not adopt descriptors");
    }

    /** 1 if inheritable by child processes, 0 if not, or -errno. */
    default int getInheritable(long fd) {
        throw new UnsupportedOperationException(name() + " does not offer inheritable flags");
    }

    /** Sets or clears close-on-exec; 0 or -errno. */
    default int setInheritable(long fd, boolean inheritable) {
        throw new UnsupportedOperationException(name() + " does not offer inheritable flags");
    }

    /**
     * {@code sendfile(2)} from the open file {@code fileFd} at {@code offset}: at most
     * {@code count} bytes; the count sent or -errno.
     */
    default long sendFile(long fd, long fileFd, long offset, long count) {
        throw new UnsupportedOperationException(name() + " does not offer sendfile");
    }

    /**
     * {@code recvmmsg(2)}: up to {@code dsts.length} datagrams, one per buffer; fills
     * {@code lengths[i]} (the datagram's full length; {@code MSG_TRUNC} when larger than the
     * buffer) and {@code from[i]} if {@code from} is non-null. Returns the message count or -errno.
     */
    default long recvMmsg(long fd, int family, int type, ByteBuffer[] dsts, SockAddr[] from, int[] lengths, int flags) {
        throw new UnsupportedOperationException(name() + " does not offer recvmmsg");
    }

    /**
     * {@code sendmmsg(2)}: one datagram per buffer, to {@code to[i]} when {@code to} is
     * non-null. Returns how many messages went, or -errno if none did.
     */
    default long sendMmsg(long fd, int family, int type, ByteBuffer[] srcs, SockAddr[] to, int flags) {
        throw new UnsupportedOperationException(name() + " does not offer sendmmsg");
    }

    /**
     * {@code ioctl(fd, CTLIOCGINFO)} (macOS): the id of the kernel control {@code name}, for
     * a {@code PF_SYSTEM}/{@code SYSPROTO_CONTROL} socket {@code fd}; the id, or -errno as a long.
     */
    default long controlId(long fd, String name) {
        throw new UnsupportedOperationException(name() + " has no PF_SYSTEM kernel controls");
    }

    /**
     * Windows' {@code WSAIoctl} as CPython's {@code sock.ioctl(control, option)}: {@code SIO_RCVALL}
     * and {@code SIO_LOOPBACK_FAST_PATH} take one value, {@code SIO_KEEPALIVE_VALS} three
     * ({@code onoff}, {@code keepalivetime}, {@code keepaliveinterval}); 0 or -errno.
     * CPython has {@code ioctl} only on Windows, so POSIX providers decline.
     */
    default int ioctl(long fd, int control, long[] values) {
        throw new UnsupportedOperationException(name() + " has no socket ioctl(): CPython's sock.ioctl() (WSAIoctl) exists only on Windows");
    }

    /**
     * Windows' {@code WSADuplicateSocketW(fd, pid, &info)} as CPython's {@code sock.share(pid)}:
     * the {@code WSAPROTOCOL_INFOW} bytes another process passes to {@link #fromShare}.
     * CPython has {@code share} only on Windows, so POSIX providers decline.
     */
    default byte[] share(long fd, int pid) throws IOException {
        throw new UnsupportedOperationException(name() + " has no share(): CPython's socket.share() (WSADuplicateSocketW) exists only on Windows");
    }

    /**
     * CPython's {@code socket.fromshare(info)}: a non-blocking socket made from
     * {@link #share}'s bytes; fills {@code familyTypeProtocol} (if not null) from them.
     * Returns the descriptor or -errno.
     */
    default long fromShare(byte[] info, int[] familyTypeProtocol) {
        throw new UnsupportedOperationException(name() + " has no fromshare(): CPython's socket.fromshare() (WSASocketW) exists only on Windows");
    }

    /**
     * {@code ioctl(fd of /dev/vsock, IOCTL_VM_SOCKETS_GET_LOCAL_CID)} (Linux): this machine's
     * {@code AF_VSOCK} context id (unsigned 32-bit, as a long), or -errno.
     */
    default long vsockLocalCid() {
        throw new UnsupportedOperationException(name() + " has no AF_VSOCK local-CID ioctl");
    }

    /** Opens {@code path} read-only and close-on-exec for {@link #sendFile}; the descriptor or -errno. */
    default long openForReading(String path) {
        throw new UnsupportedOperationException(name() + " does not open files");
    }

    // ---- structures: each OS's layouts --------------------------------------------------
    // The typed records (TcpInfo, Credentials, Cmsg's views) are plain data in the API; the
    // bytes behind them differ per OS (a BSD has no tcp_info or ucred, and lays out what it
    // shares differently), so each provider decodes its own. Defaults say what is missing.

    /** {@code struct in_pktinfo} or {@code struct in6_pktinfo} of an {@code IP_PKTINFO} / {@code IPV6_PKTINFO} item. */
    default dev.weft.Cmsg.PacketInfo decodePacketInfo(dev.weft.Ancillary item) {
        throw new UnsupportedOperationException(name() + " does not decode in_pktinfo");
    }

    /** An {@code IP_PKTINFO} item to send: the source address ({@code null}: any) and/or interface of one datagram. */
    default dev.weft.Ancillary encodePacketInfo(int interfaceIndex, java.net.Inet4Address source) {
        throw new UnsupportedOperationException(name() + " does not encode in_pktinfo");
    }

    /** The receive time of an {@code SCM_TIMESTAMP} ({@code struct timeval}) or {@code SCM_TIMESTAMPNS} ({@code struct timespec}) item. */
    default java.time.Instant decodeTimestamp(dev.weft.Ancillary item) {
        throw new UnsupportedOperationException(name() + " does not decode receive timestamps");
    }

    /** A queued error ({@code IP_RECVERR} / {@code IPV6_RECVERR}) and the offender's address after it. */
    default dev.weft.Cmsg.ExtendedError decodeExtendedError(dev.weft.Ancillary item) {
        throw new UnsupportedOperationException(name() + " does not decode sock_extended_err");
    }

    /** What {@code getsockopt(TCP_INFO)} wrote: {@code length} bytes of {@code value}. */
    default dev.weft.TcpInfo decodeTcpInfo(byte[] value, int length) {
        throw new UnsupportedOperationException(name() + " does not decode tcp_info");
    }

    /** The size of the credentials structure this OS passes ({@code sizeof(struct ucred)} on Linux). */
    default int credentialsSize() {
        throw new UnsupportedOperationException(name() + " does not pass credentials");
    }

    /** Credentials from {@code SO_PEERCRED} or an {@code SCM_CREDENTIALS} item's data ({@code length} bytes). */
    default dev.weft.Credentials decodeCredentials(byte[] value, int length) {
        throw new UnsupportedOperationException(name() + " does not pass credentials");
    }

    /** Credentials as an ancillary item to send ({@code SCM_CREDENTIALS} on Linux; the kernel checks them). */
    default dev.weft.Ancillary encodeCredentials(dev.weft.Credentials credentials) {
        throw new UnsupportedOperationException(name() + " does not pass credentials");
    }

    // ---- module functions: names, numbers, interfaces -----------------------------------
    // Defaults decline, so that a provider without them still loads. weft calls each of
    // these from its blocking pool (they may wait on files, NSS modules or DNS), never from
    // a carrier thread, and checks the arguments first.

    /**
     * {@code getnameinfo(3)} of a numeric address. Throws {@link dev.weft.GaiException}
     * ({@code EAI_*}) or, for {@code EAI_SYSTEM}, the errno's exception.
     */
    default dev.weft.NameInfo getNameInfo(SockAddr address, int flags) throws IOException {
        throw new UnsupportedOperationException(name() + " does not offer getnameinfo");
    }

    /**
     * {@code gethostbyname_r(3)}: the IPv4 host entry of {@code name}. Throws
     * {@link dev.weft.HostException} with the {@code h_errno} on failure.
     */
    default dev.weft.HostEntry getHostByName(String name) throws IOException {
        throw new UnsupportedOperationException(name() + " does not offer gethostbyname");
    }

    /**
     * {@code gethostbyaddr_r(3)} of a 4-byte IPv4 or 16-byte IPv6 address. Throws
     * {@link dev.weft.HostException} with the {@code h_errno} on failure.
     */
    default dev.weft.HostEntry getHostByAddr(byte[] address) throws IOException {
        throw new UnsupportedOperationException(name() + " does not offer gethostbyaddr");
    }

    /** {@code gethostname(2)}. */
    default String getHostName() throws IOException {
        throw new UnsupportedOperationException(name() + " does not offer gethostname");
    }

    /** {@code sethostname(2)}; throws the OS error (EPERM without the privilege). */
    default void setHostName(byte[] name) throws IOException {
        throw new UnsupportedOperationException(name() + " does not offer sethostname");
    }

    /** {@code getservbyname(3)}: the port (host order), or -1 if the database has no such service. */
    default int getServByName(String name, String protocol) throws IOException {
        throw new UnsupportedOperationException(name() + " does not offer getservbyname");
    }

    /** {@code getservbyport(3)} with {@code port} in host order: the service name, or null if none. */
    default String getServByPort(int port, String protocol) throws IOException {
        throw new UnsupportedOperationException(name() + " does not offer getservbyport");
    }

    /** {@code getprotobyname(3)}: the protocol number, or -1 if the database has no such protocol. */
    default int getProtoByName(String name) throws IOException {
        throw new UnsupportedOperationException(name() + " does not offer getprotobyname");
    }

    /** {@code if_nameindex(3)}: every interface, in the system's order. */
    default List<dev.weft.InterfaceIndex> ifNameIndex() throws IOException {
        throw new UnsupportedOperationException(name() + " does not offer if_nameindex");
    }

    /** {@code if_nametoindex(3)}: the index, or 0 if there is no such interface. */
    default int ifNameToIndex(String name) throws IOException {
        throw new UnsupportedOperationException(name() + " does not offer if_nametoindex");
    }

    /** {@code if_indextoname(3)}: the name; throws the OS error ({@code ENXIO}) if there is none. */
    default String ifIndexToName(int index) throws IOException {
        throw new UnsupportedOperationException(name() + " does not offer if_indextoname");
    }
}
