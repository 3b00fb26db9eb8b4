package dev.weft.posix;

import static dev.weft.posix.Ffm.A;
import static dev.weft.posix.Ffm.I;
import static dev.weft.posix.Ffm.J;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.nio.ByteBuffer;

/**
 * {@link PosixCalls} by java.lang.foreign downcalls ({@link Ffm} says how errno is captured
 * and which calls are critical). Every handle is a constant of a holder class: the common
 * calls are bound when the binding is chosen, the databases and the reentrant lookups on
 * first use (and the latter only where the C library has them, as with JNA).
 */
final class FfmPosixCalls implements PosixCalls {
    /** The calls of every socket operation, bound at once. */
    private static final class Libc {
        static final MethodHandle SOCKET = Ffm.critical("socket", I, I, I, I);
        static final MethodHandle BIND = Ffm.critical("bind", I, I, J, I);
        static final MethodHandle CONNECT = Ffm.critical("connect", I, I, J, I);
        static final MethodHandle LISTEN = Ffm.critical("listen", I, I, I);
        static final MethodHandle ACCEPT = Ffm.critical("accept", I, I, J, J);
        static final MethodHandle RECV = Ffm.critical("recv", J, I, J, J, I);
        static final MethodHandle RECVFROM = Ffm.critical("recvfrom", J, I, J, J, I, J, J);
        static final MethodHandle SEND = Ffm.critical("send", J, I, J, J, I);
        static final MethodHandle SENDTO = Ffm.critical("sendto", J, I, J, J, I, J, I);
        static final MethodHandle SHUTDOWN = Ffm.critical("shutdown", I, I, I);
        static final MethodHandle SETSOCKOPT = Ffm.critical("setsockopt", I, I, I, I, J, I);
        static final MethodHandle GETSOCKOPT = Ffm.critical("getsockopt", I, I, I, I, J, J);
        static final MethodHandle GETSOCKNAME = Ffm.critical("getsockname", I, I, J, J);
        static final MethodHandle GETPEERNAME = Ffm.critical("getpeername", I, I, J, J);
        static final MethodHandle RECVMSG = Ffm.critical("recvmsg", J, I, J, I);
        static final MethodHandle SENDMSG = Ffm.critical("sendmsg", J, I, J, I);
        static final MethodHandle CLOSE = Ffm.blocking("close", I, I);
        static final MethodHandle FREEADDRINFO = Ffm.blocking("freeaddrinfo", null, J);
        /** malloc and free: the scratch memory of every call that passes an address (NativeMemory). */
        static final MethodHandle MALLOC = Ffm.criticalNoErrno("malloc", J, J);
        static final MethodHandle FREE = Ffm.criticalNoErrno("free", null, J);
        /** recv and send with a heap array: critical calls may pass one straight to the kernel. */
        static final MethodHandle RECV_ARRAY = Ffm.critical("recv", J, I, A, J, I);
        static final MethodHandle SEND_ARRAY = Ffm.critical("send", J, I, A, J, I);
        static final MethodHandle SOCKETPAIR = Ffm.critical("socketpair", I, I, I, I, A);
        /** fcntl is variadic in C: bound as such, so every ABI finds its third argument. */
        static final MethodHandle FCNTL = Ffm.variadic("fcntl", 2, I, I, I, I);
        static final MethodHandle OPEN = Ffm.blocking("open", I, A, I);
        static final MethodHandle STRERROR = Ffm.blocking("strerror", J, I);
        static final MethodHandle GETADDRINFO = Ffm.blocking("getaddrinfo", I, A, A, J, A);
        static final MethodHandle GAI_STRERROR = Ffm.blocking("gai_strerror", J, I);
    }

    /** The name and interface databases, bound on first use. */
    private static final class Netdb {
        static final MethodHandle GETNAMEINFO = Ffm.blocking("getnameinfo", I, J, I, J, I, J, I, I);
        static final MethodHandle GETHOSTNAME = Ffm.blocking("gethostname", I, J, J);
        static final MethodHandle IF_NAMEINDEX = Ffm.blocking("if_nameindex", J);
        static final MethodHandle IF_FREENAMEINDEX = Ffm.blocking("if_freenameindex", null, J);
        static final MethodHandle IF_INDEXTONAME = Ffm.blocking("if_indextoname", J, I, J);
        /** Critical: the name is a heap array, and sethostname(2) is one system call. */
        static final MethodHandle SETHOSTNAME = Ffm.critical("sethostname", I, A, J);
        static final MethodHandle IF_NAMETOINDEX = Ffm.blocking("if_nametoindex", I, A);
        static final MethodHandle HSTRERROR = Ffm.blocking("hstrerror", J, I);
    }

    /** The reentrant lookups (glibc's), bound on first use; a C library without them fails here. */
    private static final class Reentrant {
        static final MethodHandle GETHOSTBYNAME_R = Ffm.blocking("gethostbyname_r", I, A, J, J, J, J, J);
        static final MethodHandle GETHOSTBYADDR_R = Ffm.blocking("gethostbyaddr_r", I, J, I, I, J, J, J, J, J);
        static final MethodHandle GETSERVBYNAME_R = Ffm.blocking("getservbyname_r", I, A, A, J, J, J, J);
        static final MethodHandle GETSERVBYPORT_R = Ffm.blocking("getservbyport_r", I, I, A, J, J, J, J);
        static final MethodHandle GETPROTOBYNAME_R = Ffm.blocking("getprotobyname_r", I, A, J, J, J, J);

        static void load() {}
    }

    FfmPosixCalls() {
        Libc.SOCKET.type(); // bind the common calls now: a failure belongs to the first use
        // Initialise the JDK's heap-segment classes here, once, on the thread that sets the
        // provider up: left to the first recv/send, two virtual threads racing through
        // MemorySegment.ofArray wait for each other's class initialisation, which pins the
        // waiting one to its carrier (VirtualThreadHygieneTest's JFR check saw it).
        MemorySegment.ofArray(new byte[1]).asSlice(0, 1);
        MemorySegment.ofArray(new int[1]).asSlice(0, 1);
        Ffm.errno(); // and the segment accessors errno is read through (their VarHandle cache)
        Ffm.prepare();
    }

    @Override
    public int errno() {
        return Ffm.errno();
    }

    @Override
    public long directAddress(ByteBuffer direct) {
        return Ffm.address(direct);
    }

    @Override
    public long malloc(long size) {
        try {
            return (long) Libc.MALLOC.invokeExact(size);
        } catch (Throwable t) {
            throw Ffm.rethrow(t);
        }
    }

    @Override
    public void free(long address) {
        try {
            Libc.FREE.invokeExact(address);
        } catch (Throwable t) {
            throw Ffm.rethrow(t);
        }
    }

    @Override
    public ByteBuffer view(long address, long size) {
        return Ffm.view(address, size);
    }

    @Override
    public int socket(int domain, int type, int protocol) {
        try {
            return (int) Libc.SOCKET.invokeExact(Ffm.state(), domain, type, protocol);
        } catch (Throwable t) {
            throw Ffm.rethrow(t);
        }
    }

    @Override
    public int bind(int fd, long addr, int len) {
        try {
            return (int) Libc.BIND.invokeExact(Ffm.state(), fd, addr, len);
        } catch (Throwable t) {
            throw Ffm.rethrow(t);
        }
    }

    @Override
    public int connect(int fd, long addr, int len) {
        try {
            return (int) Libc.CONNECT.invokeExact(Ffm.state(), fd, addr, len);
        } catch (Throwable t) {
            throw Ffm.rethrow(t);
        }
    }

    @Override
    public int listen(int fd, int backlog) {
        try {
            return (int) Libc.LISTEN.invokeExact(Ffm.state(), fd, backlog);
        } catch (Throwable t) {
            throw Ffm.rethrow(t);
        }
    }

    @Override
    public int accept(int fd, long addr, long lenPtr) {
        try {
            return (int) Libc.ACCEPT.invokeExact(Ffm.state(), fd, addr, lenPtr);
        } catch (Throwable t) {
            throw Ffm.rethrow(t);
        }
    }

    @Override
    public long recv(int fd, long buf, long len, int flags) {
        try {
            return (long) Libc.RECV.invokeExact(Ffm.state(), fd, buf, len, flags);
        } catch (Throwable t) {
            throw Ffm.rethrow(t);
        }
    }

    @Override
    public long recvfrom(int fd, long buf, long len, int flags, long addr, long lenPtr) {
        try {
            return (long) Libc.RECVFROM.invokeExact(Ffm.state(), fd, buf, len, flags, addr, lenPtr);
        } catch (Throwable t) {
            throw Ffm.rethrow(t);
        }
    }

    @Override
    public long send(int fd, long buf, long len, int flags) {
        try {
            return (long) Libc.SEND.invokeExact(Ffm.state(), fd, buf, len, flags);
        } catch (Throwable t) {
            throw Ffm.rethrow(t);
        }
    }

    @Override
    public long sendto(int fd, long buf, long len, int flags, long addr, int addrLen) {
        try {
            return (long) Libc.SENDTO.invokeExact(Ffm.state(), fd, buf, len, flags, addr, addrLen);
        } catch (Throwable t) {
            throw Ffm.rethrow(t);
        }
    }

    @Override
    public int shutdown(int fd, int how) {
        try {
            return (int) Libc.SHUTDOWN.invokeExact(Ffm.state(), fd, how);
        } catch (Throwable t) {
            throw Ffm.rethrow(t);
        }
    }

    @Override
    public int setsockopt(int fd, int level, int name, long value, int len) {
        try {
            return (int) Libc.SETSOCKOPT.invokeExact(Ffm.state(), fd, level, name, value, len);
        } catch (Throwable t) {
            throw Ffm.rethrow(t);
        }
    }

    @Override
    public int getsockopt(int fd, int level, int name, long value, long lenPtr) {
        try {
            return (int) Libc.GETSOCKOPT.invokeExact(Ffm.state(), fd, level, name, value, lenPtr);
        } catch (Throwable t) {
            throw Ffm.rethrow(t);
        }
    }

    @Override
    public int getsockname(int fd, long addr, long lenPtr) {
        try {
            return (int) Libc.GETSOCKNAME.invokeExact(Ffm.state(), fd, addr, lenPtr);
        } catch (Throwable t) {
            throw Ffm.rethrow(t);
        }
    }

    @Override
    public int getpeername(int fd, long addr, long lenPtr) {
        try {
            return (int) Libc.GETPEERNAME.invokeExact(Ffm.state(), fd, addr, lenPtr);
        } catch (Throwable t) {
            throw Ffm.rethrow(t);
        }
    }

    @Override
    public long recvmsg(int fd, long msg, int flags) {
        try {
            return (long) Libc.RECVMSG.invokeExact(Ffm.state(), fd, msg, flags);
        } catch (Throwable t) {
            throw Ffm.rethrow(t);
        }
    }

    @Override
    public long sendmsg(int fd, long msg, int flags) {
        try {
            return (long) Libc.SENDMSG.invokeExact(Ffm.state(), fd, msg, flags);
        } catch (Throwable t) {
            throw Ffm.rethrow(t);
        }
    }

    @Override
    public int close(int fd) {
        try {
            return (int) Libc.CLOSE.invokeExact(Ffm.state(), fd);
        } catch (Throwable t) {
            throw Ffm.rethrow(t);
        }
    }

    @Override
    public void freeaddrinfo(long res) {
        try {
            Libc.FREEADDRINFO.invokeExact(Ffm.state(), res);
        } catch (Throwable t) {
            throw Ffm.rethrow(t);
        }
    }

    @Override
    public int getnameinfo(long sa, int salen, long host, int hostlen, long serv, int servlen, int flags) {
        try {
            return (int) Netdb.GETNAMEINFO.invokeExact(Ffm.state(), sa, salen, host, hostlen, serv, servlen, flags);
        } catch (Throwable t) {
            throw Ffm.rethrow(t);
        }
    }

    @Override
    public int gethostname(long name, long len) {
        try {
            return (int) Netdb.GETHOSTNAME.invokeExact(Ffm.state(), name, len);
        } catch (Throwable t) {
            throw Ffm.rethrow(t);
        }
    }

    @Override
    public long if_nameindex() {
        try {
            return (long) Netdb.IF_NAMEINDEX.invokeExact(Ffm.state());
        } catch (Throwable t) {
            throw Ffm.rethrow(t);
        }
    }

    @Override
    public void if_freenameindex(long ptr) {
        try {
            Netdb.IF_FREENAMEINDEX.invokeExact(Ffm.state(), ptr);
        } catch (Throwable t) {
            throw Ffm.rethrow(t);
        }
    }

    @Override
    public long if_indextoname(int index, long buf) {
        try {
            return (long) Netdb.IF_INDEXTONAME.invokeExact(Ffm.state(), index, buf);
        } catch (Throwable t) {
            throw Ffm.rethrow(t);
        }
    }

    @Override
    public boolean heapArrays() {
        return true;
    }

    @Override
    public long recv(int fd, byte[] a, int off, long len, int flags) {
        try {
            return (long) Libc.RECV_ARRAY.invokeExact(Ffm.state(), fd, MemorySegment.ofArray(a).asSlice(off, len), len, flags);
        } catch (Throwable t) {
            throw Ffm.rethrow(t);
        }
    }

    @Override
    public long send(int fd, byte[] a, int off, long len, int flags) {
        try {
            return (long) Libc.SEND_ARRAY.invokeExact(Ffm.state(), fd, MemorySegment.ofArray(a).asSlice(off, len), len, flags);
        } catch (Throwable t) {
            throw Ffm.rethrow(t);
        }
    }

    @Override
    public int socketpair(int domain, int type, int protocol, int[] sv) {
        try {
            return (int) Libc.SOCKETPAIR.invokeExact(Ffm.state(), domain, type, protocol, MemorySegment.ofArray(sv));
        } catch (Throwable t) {
            throw Ffm.rethrow(t);
        }
    }

    @Override
    public int fcntl(int fd, int cmd, int arg) {
        try {
            return (int) Libc.FCNTL.invokeExact(Ffm.state(), fd, cmd, arg);
        } catch (Throwable t) {
            throw Ffm.rethrow(t);
        }
    }

    @Override
    public int open(String path, int flags) {
        try (Arena a = Arena.ofConfined()) {
            return (int) Libc.OPEN.invokeExact(Ffm.state(), Ffm.cString(a, path), flags);
        } catch (Throwable t) {
            throw Ffm.rethrow(t);
        }
    }

    @Override
    public String strerror(int errnum) {
        try {
            return Ffm.string((long) Libc.STRERROR.invokeExact(Ffm.state(), errnum));
        } catch (Throwable t) {
            throw Ffm.rethrow(t);
        }
    }

    @Override
    public int getaddrinfo(String node, String service, long hints, long[] res) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment out = a.allocate(J);
            int rc = (int) Libc.GETADDRINFO.invokeExact(Ffm.state(), Ffm.cString(a, node), Ffm.cString(a, service), hints, out);
            res[0] = out.get(J, 0);
            return rc;
        } catch (Throwable t) {
            throw Ffm.rethrow(t);
        }
    }

    @Override
    public String gai_strerror(int code) {
        try {
            return Ffm.string((long) Libc.GAI_STRERROR.invokeExact(Ffm.state(), code));
        } catch (Throwable t) {
            throw Ffm.rethrow(t);
        }
    }

    @Override
    public int sethostname(byte[] name, long len) {
        try {
            return (int) Netdb.SETHOSTNAME.invokeExact(Ffm.state(), Ffm.heap(name), len);
        } catch (Throwable t) {
            throw Ffm.rethrow(t);
        }
    }

    @Override
    public int if_nametoindex(byte[] name) {
        try (Arena a = Arena.ofConfined()) {
            return (int) Netdb.IF_NAMETOINDEX.invokeExact(Ffm.state(), Ffm.copy(a, name));
        } catch (Throwable t) {
            throw Ffm.rethrow(t);
        }
    }

    @Override
    public String hstrerror(int err) {
        try {
            return Ffm.string((long) Netdb.HSTRERROR.invokeExact(Ffm.state(), err));
        } catch (Throwable t) {
            throw Ffm.rethrow(t);
        }
    }

    @Override
    public void requireReentrant() {
        Reentrant.load();
    }

    @Override
    public int gethostbyname_r(byte[] name, long ret, long buf, long buflen, long result, long hErrno) {
        try (Arena a = Arena.ofConfined()) {
            return (int) Reentrant.GETHOSTBYNAME_R.invokeExact(Ffm.state(), Ffm.copy(a, name), ret, buf, buflen, result, hErrno);
        } catch (Throwable t) {
            throw Ffm.rethrow(t);
        }
    }

    @Override
    public int gethostbyaddr_r(long addr, int len, int type, long ret, long buf, long buflen, long result, long hErrno) {
        try {
            return (int) Reentrant.GETHOSTBYADDR_R.invokeExact(Ffm.state(), addr, len, type, ret, buf, buflen, result, hErrno);
        } catch (Throwable t) {
            throw Ffm.rethrow(t);
        }
    }

    @Override
    public int getservbyname_r(byte[] name, byte[] proto, long ret, long buf, long buflen, long result) {
        try (Arena a = Arena.ofConfined()) {
            return (int) Reentrant.GETSERVBYNAME_R.invokeExact(Ffm.state(), Ffm.copy(a, name), Ffm.copy(a, proto), ret, buf,
                    buflen, result);
        } catch (Throwable t) {
            throw Ffm.rethrow(t);
        }
    }

    @Override
    public int getservbyport_r(int port, byte[] proto, long ret, long buf, long buflen, long result) {
        try (Arena a = Arena.ofConfined()) {
            return (int) Reentrant.GETSERVBYPORT_R.invokeExact(Ffm.state(), port, Ffm.copy(a, proto), ret, buf, buflen, result);
        } catch (Throwable t) {
            throw Ffm.rethrow(t);
        }
    }

    @Override
    public int getprotobyname_r(byte[] name, long ret, long buf, long buflen, long result) {
        try (Arena a = Arena.ofConfined()) {
            return (int) Reentrant.GETPROTOBYNAME_R.invokeExact(Ffm.state(), Ffm.copy(a, name), ret, buf, buflen, result);
        } catch (Throwable t) {
            throw Ffm.rethrow(t);
        }
    }
}
