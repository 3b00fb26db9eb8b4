package dev.weft.windows;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;

/**
 * The Winsock 2 calls of {@code ws2_32.dll}, bound by JNA direct mapping as
 * {@code PosixLibc} binds libc: static natives, pointers as {@code long} addresses of native
 * memory weft owns ({@code Scratch}), a {@code SOCKET} as {@code long} (it is a
 * {@code UINT_PTR}; {@code INVALID_SOCKET} is -1). Loading this class loads ws2_32 and calls
 * {@code WSAStartup(2.2)} once: only a running Windows provider touches it
 * ({@link WindowsProvider#requireWindows}), so on another OS nothing is ever linked.
 *
 * <p>Errors: Winsock's {@code WSAGetLastError()} is the thread's Win32 last error, which JNA
 * saves right after every direct call ({@link #lastError()}). weft reads JNA's saved copy
 * instead of calling {@code WSAGetLastError} afterwards: the JVM itself makes Win32 calls
 * between two Java statements (safepoints, allocation), any of which may overwrite the
 * thread's last error. The C twin, {@code tools/winsock-twin.c}, calls
 * {@code WSAGetLastError()} at the same points.
 */
final class Ws2 {
    private Ws2() {}

    /** What WSAStartup returned: 0, or the error that makes every later call fail (see {@link WindowsProvider}). */
    static final int STARTUP_ERROR;

    static {
        Native.register(Ws2.class, NativeLibrary.getInstance("ws2_32"));
        long data = Native.malloc(WinsockConstants.SIZEOF_WSADATA);
        try {
            // twin: WSAStartup(MAKEWORD(2, 2), &wsa)
            STARTUP_ERROR = WSAStartup((short) 0x0202, data);
        } finally {
            Native.free(data);
        }
    }

    /** The Winsock error of the last call on this thread (WSAGetLastError's value, as JNA saved it). */
    static int lastError() {
        return Native.getLastError();
    }

    static native int WSAStartup(short version, long wsaData);

    /** {@code SOCKET WSASocketW(int af, int type, int protocol, LPWSAPROTOCOL_INFOW info, GROUP g, DWORD flags)}. */
    static native long WSASocketW(int af, int type, int protocol, long protocolInfo, int group, int flags);

    /** {@code int ioctlsocket(SOCKET s, long cmd, u_long *argp)}: {@code long} and {@code u_long} are 32 bits on Windows. */
    static native int ioctlsocket(long s, int cmd, long argp);

    static native int closesocket(long s);

    static native int shutdown(long s, int how);

    static native int bind(long s, long addr, int len);

    static native int listen(long s, int backlog);

    static native long accept(long s, long addr, long lenPtr);

    static native int connect(long s, long addr, int len);

    static native int send(long s, long buf, int len, int flags);

    static native int recv(long s, long buf, int len, int flags);

    static native int sendto(long s, long buf, int len, int flags, long addr, int addrLen);

    static native int recvfrom(long s, long buf, int len, int flags, long addr, long lenPtr);

    static native int setsockopt(long s, int level, int name, long value, int len);

    static native int getsockopt(long s, int level, int name, long value, long lenPtr);

    static native int getsockname(long s, long addr, long lenPtr);

    static native int getpeername(long s, long addr, long lenPtr);

    /** {@code int WSAPoll(LPWSAPOLLFD fdArray, ULONG fds, INT timeout)}. */
    static native int WSAPoll(long fds, int nfds, int timeout);

    /**
     * {@code int WSAIoctl(SOCKET s, DWORD code, LPVOID in, DWORD inLen, LPVOID out, DWORD outLen,
     * LPDWORD bytesReturned, LPWSAOVERLAPPED overlapped, LPWSAOVERLAPPED_COMPLETION_ROUTINE routine)}.
     */
    static native int WSAIoctl(long s, int code, long in, int inLen, long out, int outLen, long bytesReturned,
            long overlapped, long routine);

    /** {@code int WSADuplicateSocketW(SOCKET s, DWORD processId, LPWSAPROTOCOL_INFOW info)}. */
    static native int WSADuplicateSocketW(long s, int processId, long protocolInfo);

    static native int getaddrinfo(String node, String service, long hints, long[] res);

    static native void freeaddrinfo(long res);

    /** {@code int gethostname(char *name, int namelen)}. */
    static native int gethostname(long name, int len);
}
