package dev.weft.tests;

import com.sun.jna.Library;
import com.sun.jna.Native;
import dev.weft.AddrInfo;
import dev.weft.Capability;
import dev.weft.Errno;
import dev.weft.Family;
import dev.weft.HostEntry;
import dev.weft.InterfaceIndex;
import dev.weft.NameInfo;
import dev.weft.SockAddr;
import dev.weft.SocketType;
import dev.weft.linux.LinuxProvider;
import dev.weft.spi.Poller;
import dev.weft.spi.SocketProvider;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The Linux provider with a {@code getAddrInfo} that first blocks its thread in the kernel,
 * as a slow DNS lookup does: a blocking {@code read(2)} of one byte from a pipe, which the
 * test fills when it chooses. A virtual thread making this call would hold its carrier for
 * as long. Chosen only with {@code -Dweft.provider=blocking-probe}, in a child JVM.
 */
public final class BlockingProbeProvider implements SocketProvider {
    /** libc through JNA's interface mapping: a call that blocks pins and blocks the carrier. */
    public interface CLib extends Library {
        CLib INSTANCE = Native.load("c", CLib.class);

        int pipe(int[] fds);

        long read(int fd, byte[] buf, long count);

        long write(int fd, byte[] buf, long count);
    }

    private static final int[] GATE = new int[2];

    static {
        if (CLib.INSTANCE.pipe(GATE) != 0) {
            throw new IllegalStateException("pipe failed");
        }
    }

    /** Calls that reached the gate; calls that arrived on a virtual thread. */
    static final AtomicInteger ENTERED = new AtomicInteger();
    static final AtomicInteger ON_VIRTUAL_THREAD = new AtomicInteger();

    /** Lets {@code n} blocked (or future) lookups through. */
    static void open(int n) {
        byte[] b = new byte[n];
        if (CLib.INSTANCE.write(GATE[1], b, n) != n) {
            throw new IllegalStateException("write to the gate failed");
        }
    }

    private final LinuxProvider d = new LinuxProvider();

    @Override
    public List<AddrInfo> getAddrInfo(String host, String service, int family, int type, int protocol, int flags)
            throws IOException {
        if (Thread.currentThread().isVirtual()) {
            ON_VIRTUAL_THREAD.incrementAndGet();
        }
        ENTERED.incrementAndGet();
        if (CLib.INSTANCE.read(GATE[0], new byte[1], 1) != 1) {
            throw new IOException("gate read failed");
        }
        return d.getAddrInfo(host, service, family, type, protocol, flags);
    }

    @Override
    public String name() {
        return "blocking-probe";
    }

    @Override
    public boolean isSupported() {
        return d.isSupported();
    }

    @Override
    public int priority() {
        return -1000; // never chosen unless forced
    }

    // ---- everything else is the Linux provider's ----------------------------------------

    @Override
    public Set<Capability> capabilities() {
        return d.capabilities();
    }

    @Override
    public Map<String, Integer> constants() {
        return d.constants();
    }

    @Override
    public int nativeFamily(Family family) {
        return d.nativeFamily(family);
    }

    @Override
    public Family family(int nativeFamily) {
        return d.family(nativeFamily);
    }

    @Override
    public int nativeType(SocketType type) {
        return d.nativeType(type);
    }

    @Override
    public SocketType type(int nativeType) {
        return d.type(nativeType);
    }

    @Override
    public Errno errno(int nativeErrno) {
        return d.errno(nativeErrno);
    }

    @Override
    public int nativeErrno(Errno errno) {
        return d.nativeErrno(errno);
    }

    @Override
    public String strerror(int nativeErrno) {
        return d.strerror(nativeErrno);
    }

    @Override
    public Poller poller() {
        return d.poller();
    }

    @Override
    public long socket(int family, int type, int protocol) {
        return d.socket(family, type, protocol);
    }

    @Override
    public int socketPair(int family, int type, int protocol, long[] fds) {
        return d.socketPair(family, type, protocol, fds);
    }

    @Override
    public int bind(long fd, SockAddr address) {
        return d.bind(fd, address);
    }

    @Override
    public int connect(long fd, SockAddr address) {
        return d.connect(fd, address);
    }

    @Override
    public int listen(long fd, int backlog) {
        return d.listen(fd, backlog);
    }

    @Override
    public long accept(long fd, SockAddr[] peer) {
        return d.accept(fd, peer);
    }

    @Override
    public long recv(long fd, ByteBuffer dst, int flags, SockAddr[] from) {
        return d.recv(fd, dst, flags, from);
    }

    @Override
    public long send(long fd, ByteBuffer src, int flags, SockAddr to) {
        return d.send(fd, src, flags, to);
    }

    @Override
    public int shutdown(long fd, int how) {
        return d.shutdown(fd, how);
    }

    @Override
    public int close(long fd) {
        return d.close(fd);
    }

    @Override
    public int setSockOpt(long fd, int level, int name, byte[] value) {
        return d.setSockOpt(fd, level, name, value);
    }

    @Override
    public int getSockOpt(long fd, int level, int name, byte[] value) {
        return d.getSockOpt(fd, level, name, value);
    }

    @Override
    public SockAddr getSockName(long fd) throws IOException {
        return d.getSockName(fd);
    }

    @Override
    public SockAddr getPeerName(long fd) throws IOException {
        return d.getPeerName(fd);
    }

    @Override
    public byte[] encodeOption(String name, Object value) {
        return d.encodeOption(name, value);
    }

    @Override
    public Object decodeOption(String name, byte[] value, int length) {
        return d.decodeOption(name, value, length);
    }

    @Override
    public NameInfo getNameInfo(SockAddr address, int flags) throws IOException {
        return d.getNameInfo(address, flags);
    }

    @Override
    public HostEntry getHostByName(String name) throws IOException {
        return d.getHostByName(name);
    }

    @Override
    public HostEntry getHostByAddr(byte[] address) throws IOException {
        return d.getHostByAddr(address);
    }

    @Override
    public String getHostName() throws IOException {
        return d.getHostName();
    }

    @Override
    public int getServByName(String name, String protocol) throws IOException {
        return d.getServByName(name, protocol);
    }

    @Override
    public String getServByPort(int port, String protocol) throws IOException {
        return d.getServByPort(port, protocol);
    }

    @Override
    public int getProtoByName(String name) throws IOException {
        return d.getProtoByName(name);
    }

    @Override
    public List<InterfaceIndex> ifNameIndex() throws IOException {
        return d.ifNameIndex();
    }

    @Override
    public int ifNameToIndex(String name) throws IOException {
        return d.ifNameToIndex(name);
    }

    @Override
    public String ifIndexToName(int index) throws IOException {
        return d.ifIndexToName(index);
    }
}
