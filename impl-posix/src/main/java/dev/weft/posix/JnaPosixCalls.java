package dev.weft.posix;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import dev.weft.common.NativeMemory;
import java.nio.ByteBuffer;

/**
 * {@link PosixCalls} by JNA direct mapping (a JNI stub per function, no proxy): the binding
 * on JDK 21, and wherever {@link NativeBinding} does not choose FFM. A -1 result leaves
 * the errno in {@link Native#getLastError()}. The database and reentrant functions are
 * registered on first use, the latter only where the C library has them.
 */
final class JnaPosixCalls implements PosixCalls {
    private static final class Libc {
        static {
            Native.register(Libc.class, NativeLibrary.getInstance(Platform.C_LIBRARY_NAME));
        }

        static void load() {}

        static native int socket(int domain, int type, int protocol);

        static native int socketpair(int domain, int type, int protocol, int[] sv);

        static native int bind(int fd, long addr, int len);

        static native int connect(int fd, long addr, int len);

        static native int listen(int fd, int backlog);

        static native int accept(int fd, long addr, long lenPtr);

        static native long recv(int fd, long buf, long len, int flags);

        static native long recvfrom(int fd, long buf, long len, int flags, long addr, long lenPtr);

        static native long send(int fd, long buf, long len, int flags);

        static native long sendto(int fd, long buf, long len, int flags, long addr, int addrLen);

        static native int shutdown(int fd, int how);

        static native int close(int fd);

        static native int setsockopt(int fd, int level, int name, long value, int len);

        static native int getsockopt(int fd, int level, int name, long value, long lenPtr);

        static native int getsockname(int fd, long addr, long lenPtr);

        static native int getpeername(int fd, long addr, long lenPtr);

        static native int fcntl(int fd, int cmd, int arg);

        static native long recvmsg(int fd, long msg, int flags);

        static native long sendmsg(int fd, long msg, int flags);

        static native int open(String path, int flags);

        static native String strerror(int errnum);

        static native int getaddrinfo(String node, String service, long hints, long[] res);

        static native void freeaddrinfo(long res);

        static native String gai_strerror(int code);
    }

    private static final class Netdb {
        static {
            Native.register(Netdb.class, NativeLibrary.getInstance(Platform.C_LIBRARY_NAME));
        }

        static native int getnameinfo(long sa, int salen, long host, int hostlen, long serv, int servlen, int flags);

        static native int gethostname(long name, long len);

        static native int sethostname(byte[] name, long len);

        static native long if_nameindex();

        static native void if_freenameindex(long ptr);

        static native int if_nametoindex(byte[] name);

        static native long if_indextoname(int index, long buf);

        static native String hstrerror(int err);
    }

    private static final class Reentrant {
        static {
            Native.register(Reentrant.class, NativeLibrary.getInstance(Platform.C_LIBRARY_NAME));
        }

        static void load() {}

        static native int gethostbyname_r(byte[] name, long ret, long buf, long buflen, long result, long hErrno);

        static native int gethostbyaddr_r(long addr, int len, int type, long ret, long buf, long buflen, long result, long hErrno);

        static native int getservbyname_r(byte[] name, byte[] proto, long ret, long buf, long buflen, long result);

        static native int getservbyport_r(int port, byte[] proto, long ret, long buf, long buflen, long result);

        static native int getprotobyname_r(byte[] name, long ret, long buf, long buflen, long result);
    }

    JnaPosixCalls() {
        // Register the common calls now: a failure belongs to the first use, not to a later call.
        Libc.load();
    }

    @Override
    public int errno() {
        return Native.getLastError();
    }

    @Override
    public long directAddress(ByteBuffer direct) {
        return Pointer.nativeValue(Native.getDirectBufferPointer(direct));
    }

    @Override
    public long malloc(long size) {
        return NativeMemory.JNA.malloc(size);
    }

    @Override
    public void free(long address) {
        NativeMemory.JNA.free(address);
    }

    @Override
    public ByteBuffer view(long address, long size) {
        return NativeMemory.JNA.view(address, size);
    }

    @Override
    public int socket(int domain, int type, int protocol) {
        return Libc.socket(domain, type, protocol);
    }

    @Override
    public int socketpair(int domain, int type, int protocol, int[] sv) {
        return Libc.socketpair(domain, type, protocol, sv);
    }

    @Override
    public int bind(int fd, long addr, int len) {
        return Libc.bind(fd, addr, len);
    }

    @Override
    public int connect(int fd, long addr, int len) {
        return Libc.connect(fd, addr, len);
    }

    @Override
    public int listen(int fd, int backlog) {
        return Libc.listen(fd, backlog);
    }

    @Override
    public int accept(int fd, long addr, long lenPtr) {
        return Libc.accept(fd, addr, lenPtr);
    }

    @Override
    public long recv(int fd, long buf, long len, int flags) {
        return Libc.recv(fd, buf, len, flags);
    }

    @Override
    public long recvfrom(int fd, long buf, long len, int flags, long addr, long lenPtr) {
        return Libc.recvfrom(fd, buf, len, flags, addr, lenPtr);
    }

    @Override
    public long send(int fd, long buf, long len, int flags) {
        return Libc.send(fd, buf, len, flags);
    }

    @Override
    public long sendto(int fd, long buf, long len, int flags, long addr, int addrLen) {
        return Libc.sendto(fd, buf, len, flags, addr, addrLen);
    }

    /** JNA would copy an array to native memory and back on every call: weft's scratch does that once. */
    @Override
    public boolean heapArrays() {
        return false;
    }

    @Override
    public long recv(int fd, byte[] a, int off, long len, int flags) {
        throw new UnsupportedOperationException("JNA passes no heap array to the kernel");
    }

    @Override
    public long send(int fd, byte[] a, int off, long len, int flags) {
        throw new UnsupportedOperationException("JNA passes no heap array to the kernel");
    }

    @Override
    public int shutdown(int fd, int how) {
        return Libc.shutdown(fd, how);
    }

    @Override
    public int close(int fd) {
        return Libc.close(fd);
    }

    @Override
    public int setsockopt(int fd, int level, int name, long value, int len) {
        return Libc.setsockopt(fd, level, name, value, len);
    }

    @Override
    public int getsockopt(int fd, int level, int name, long value, long lenPtr) {
        return Libc.getsockopt(fd, level, name, value, lenPtr);
    }

    @Override
    public int getsockname(int fd, long addr, long lenPtr) {
        return Libc.getsockname(fd, addr, lenPtr);
    }

    @Override
    public int getpeername(int fd, long addr, long lenPtr) {
        return Libc.getpeername(fd, addr, lenPtr);
    }

    @Override
    public int fcntl(int fd, int cmd, int arg) {
        return Libc.fcntl(fd, cmd, arg);
    }

    @Override
    public long recvmsg(int fd, long msg, int flags) {
        return Libc.recvmsg(fd, msg, flags);
    }

    @Override
    public long sendmsg(int fd, long msg, int flags) {
        return Libc.sendmsg(fd, msg, flags);
    }

    @Override
    public int open(String path, int flags) {
        return Libc.open(path, flags);
    }

    @Override
    public String strerror(int errnum) {
        return Libc.strerror(errnum);
    }

    @Override
    public int getaddrinfo(String node, String service, long hints, long[] res) {
        return Libc.getaddrinfo(node, service, hints, res);
    }

    @Override
    public void freeaddrinfo(long res) {
        Libc.freeaddrinfo(res);
    }

    @Override
    public String gai_strerror(int code) {
        return Libc.gai_strerror(code);
    }

    @Override
    public int getnameinfo(long sa, int salen, long host, int hostlen, long serv, int servlen, int flags) {
        return Netdb.getnameinfo(sa, salen, host, hostlen, serv, servlen, flags);
    }

    @Override
    public int gethostname(long name, long len) {
        return Netdb.gethostname(name, len);
    }

    @Override
    public int sethostname(byte[] name, long len) {
        return Netdb.sethostname(name, len);
    }

    @Override
    public long if_nameindex() {
        return Netdb.if_nameindex();
    }

    @Override
    public void if_freenameindex(long ptr) {
        Netdb.if_freenameindex(ptr);
    }

    @Override
    public int if_nametoindex(byte[] name) {
        return Netdb.if_nametoindex(name);
    }

    @Override
    public long if_indextoname(int index, long buf) {
        return Netdb.if_indextoname(index, buf);
    }

    @Override
    public String hstrerror(int err) {
        return Netdb.hstrerror(err);
    }

    @Override
    public void requireReentrant() {
        Reentrant.load();
    }

    @Override
    public int gethostbyname_r(byte[] name, long ret, long buf, long buflen, long result, long hErrno) {
        return Reentrant.gethostbyname_r(name, ret, buf, buflen, result, hErrno);
    }

    @Override
    public int gethostbyaddr_r(long addr, int len, int type, long ret, long buf, long buflen, long result, long hErrno) {
        return Reentrant.gethostbyaddr_r(addr, len, type, ret, buf, buflen, result, hErrno);
    }

    @Override
    public int getservbyname_r(byte[] name, byte[] proto, long ret, long buf, long buflen, long result) {
        return Reentrant.getservbyname_r(name, proto, ret, buf, buflen, result);
    }

    @Override
    public int getservbyport_r(int port, byte[] proto, long ret, long buf, long buflen, long result) {
        return Reentrant.getservbyport_r(port, proto, ret, buf, buflen, result);
    }

    @Override
    public int getprotobyname_r(byte[] name, long ret, long buf, long buflen, long result) {
        return Reentrant.getprotobyname_r(name, ret, buf, buflen, result);
    }
}
