package dev.weft.posix;

import java.nio.ByteBuffer;

/**
 * The C library calls Linux and macOS share, one method per function, implemented once
 * by JNA ({@link JnaPosixCalls}) and once by java.lang.foreign ({@code FfmPosixCalls});
 * {@link NativeBinding} picks one per JVM and the facades ({@link PosixLibc},
 * {@link NetdbLibc}, {@link NetdbReentrant}) hold it. Pointers are {@code long}
 * addresses of native memory weft owns; a call that fails leaves its errno for
 * {@link #errno()} in the same thread, read before the thread can park.
 */
interface PosixCalls {
    /** The errno of the last call on this thread. */
    int errno();

    /** The native address of a direct buffer (its start, not its position). */
    long directAddress(ByteBuffer direct);

    /** {@code malloc(3)}: the address, or 0. */
    long malloc(long size);

    /** {@code free(3)}. */
    void free(long address);

    /** A big-endian direct view of {@code size} bytes of native memory at {@code address}. */
    ByteBuffer view(long address, long size);

    int socket(int domain, int type, int protocol);

    int socketpair(int domain, int type, int protocol, int[] sv);

    int bind(int fd, long addr, int len);

    int connect(int fd, long addr, int len);

    int listen(int fd, int backlog);

    int accept(int fd, long addr, long lenPtr);

    long recv(int fd, long buf, long len, int flags);

    long recvfrom(int fd, long buf, long len, int flags, long addr, long lenPtr);

    long send(int fd, long buf, long len, int flags);

    long sendto(int fd, long buf, long len, int flags, long addr, int addrLen);

    /**
     * True if {@link #recv(int, byte[], int, long, int)} and {@link #send(int, byte[], int, long, int)}
     * pass a heap array straight to the kernel (FFM's critical calls), so that a heap
     * buffer needs no native copy.
     */
    boolean heapArrays();

    /** {@code recv} into {@code a[off..off+len)}; only where {@link #heapArrays()}. */
    long recv(int fd, byte[] a, int off, long len, int flags);

    /** {@code send} from {@code a[off..off+len)}; only where {@link #heapArrays()}. */
    long send(int fd, byte[] a, int off, long len, int flags);

    int shutdown(int fd, int how);

    int close(int fd);

    int setsockopt(int fd, int level, int name, long value, int len);

    int getsockopt(int fd, int level, int name, long value, long lenPtr);

    int getsockname(int fd, long addr, long lenPtr);

    int getpeername(int fd, long addr, long lenPtr);

    int fcntl(int fd, int cmd, int arg);

    long recvmsg(int fd, long msg, int flags);

    long sendmsg(int fd, long msg, int flags);

    int open(String path, int flags);

    String strerror(int errnum);

    int getaddrinfo(String node, String service, long hints, long[] res);

    void freeaddrinfo(long res);

    String gai_strerror(int code);

    // ---- the name, service and interface databases (blocking: weft's pool only) ----------

    int getnameinfo(long sa, int salen, long host, int hostlen, long serv, int servlen, int flags);

    int gethostname(long name, long len);

    int sethostname(byte[] name, long len);

    long if_nameindex();

    void if_freenameindex(long ptr);

    int if_nametoindex(byte[] name);

    long if_indextoname(int index, long buf);

    String hstrerror(int err);

    // ---- the reentrant lookups (glibc's signatures; macOS has none) -------------------------

    /** Fails with a {@link LinkageError} when this C library lacks the {@code _r} lookups. */
    void requireReentrant();

    int gethostbyname_r(byte[] name, long ret, long buf, long buflen, long result, long hErrno);

    int gethostbyaddr_r(long addr, int len, int type, long ret, long buf, long buflen, long result, long hErrno);

    int getservbyname_r(byte[] name, byte[] proto, long ret, long buf, long buflen, long result);

    int getservbyport_r(int port, byte[] proto, long ret, long buf, long buflen, long result);

    int getprotobyname_r(byte[] name, long ret, long buf, long buflen, long result);
}
