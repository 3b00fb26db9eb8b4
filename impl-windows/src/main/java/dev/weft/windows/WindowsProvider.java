package dev.weft.windows;

import dev.weft.AddrInfo;
import dev.weft.Capability;
import dev.weft.Errno;
import dev.weft.Family;
import dev.weft.SockAddr;
import dev.weft.SocketType;
import dev.weft.spi.Poller;
import dev.weft.spi.SocketProvider;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Windows provider (Winsock 2 through {@code ws2_32}): a placeholder that declines on
 * every OS until its implementation lands, so that a Windows user gets weft's clear
 * "no provider" message instead of a failure deep inside a call. Its shape is fixed by
 * {@link SocketProvider}: {@code SOCKET} handles are {@code long}, errors are the
 * {@code WSAGetLastError()} numbers, and the poller will wrap the Windows mechanism.
 */
public final class WindowsProvider implements SocketProvider {
    /** Called by ServiceLoader. */
    public WindowsProvider() {}

    private static UnsupportedOperationException notYet() {
        return new UnsupportedOperationException("weft: the Windows provider is not implemented yet");
    }

    @Override
    public String name() {
        return "windows";
    }

    @Override
    public boolean isSupported() {
        return false;
    }

    @Override
    public Set<Capability> capabilities() {
        return Set.of();
    }

    @Override
    public Map<String, Integer> constants() {
        return Map.of();
    }

    @Override
    public int nativeFamily(Family family) {
        return -1;
    }

    @Override
    public Family family(int nativeFamily) {
        return null;
    }

    @Override
    public int nativeType(SocketType type) {
        return -1;
    }

    @Override
    public SocketType type(int nativeType) {
        return null;
    }

    @Override
    public Errno errno(int nativeErrno) {
        return Errno.UNKNOWN;
    }

    @Override
    public int nativeErrno(Errno errno) {
        return -1;
    }

    @Override
    public String strerror(int nativeErrno) {
        return "Winsock error " + nativeErrno;
    }

    @Override
    public Poller poller() {
        throw notYet();
    }

    @Override
    public long socket(int family, int type, int protocol) {
        throw notYet();
    }

    @Override
    public int socketPair(int family, int type, int protocol, long[] fds) {
        throw notYet();
    }

    @Override
    public int bind(long fd, SockAddr address) {
        throw notYet();
    }

    @Override
    public int connect(long fd, SockAddr address) {
        throw notYet();
    }

    @Override
    public int listen(long fd, int backlog) {
        throw notYet();
    }

    @Override
    public long accept(long fd, SockAddr[] peer) {
        throw notYet();
    }

    @Override
    public long recv(long fd, ByteBuffer dst, int flags, SockAddr[] from) {
        throw notYet();
    }

    @Override
    public long send(long fd, ByteBuffer src, int flags, SockAddr to) {
        throw notYet();
    }

    @Override
    public int shutdown(long fd, int how) {
        throw notYet();
    }

    @Override
    public int close(long fd) {
        throw notYet();
    }

    @Override
    public int setSockOpt(long fd, int level, int name, byte[] value) {
        throw notYet();
    }

    @Override
    public int getSockOpt(long fd, int level, int name, byte[] value) {
        throw notYet();
    }

    @Override
    public SockAddr getSockName(long fd) {
        throw notYet();
    }

    @Override
    public SockAddr getPeerName(long fd) {
        throw notYet();
    }

    @Override
    public byte[] encodeOption(String name, Object value) {
        throw notYet();
    }

    @Override
    public Object decodeOption(String name, byte[] value, int length) {
        throw notYet();
    }

    @Override
    public List<AddrInfo> getAddrInfo(String host, String service, int family, int type, int protocol, int flags) {
        throw notYet();
    }
}
