package dev.weft.spi;

import dev.weft.AddrInfo;
import dev.weft.Ancillary;
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
 * A provider that passes every call to another: extend it and override the calls to
 * observe or change (a fault injector, a tracer, a recorder). Sockets run on a wrapper with
 * {@code Socket.open(wrapper, family, type, proto)}.
 *
 * <pre>{@code
 * SocketProvider flaky = new ForwardingSocketProvider(Sockets.provider()) {
 *     @Override public long send(long fd, int family, int type, ByteBuffer src, int flags, SockAddr to) {
 *         return random.nextInt(10) == 0 ? -nativeErrno(Errno.EINTR) : super.send(fd, family, type, src, flags, to);
 *     }
 * };
 * }</pre>
 */
public class ForwardingSocketProvider implements SocketProvider {
    private final SocketProvider delegate;

    /** Wraps {@code delegate}. */
    public ForwardingSocketProvider(SocketProvider delegate) {
        this.delegate = java.util.Objects.requireNonNull(delegate, "delegate");
    }

    /** The wrapped provider. */
    protected SocketProvider delegate() {
        return delegate;
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public boolean isSupported() {
        return delegate.isSupported();
    }

    @Override
    public int priority() {
        return delegate.priority();
    }

    @Override
    public Set<Capability> capabilities() {
        return delegate.capabilities();
    }

    @Override
    public Map<String, Integer> constants() {
        return delegate.constants();
    }

    @Override
    public int nativeFamily(Family family) {
        return delegate.nativeFamily(family);
    }

    @Override
    public Family family(int nativeFamily) {
        return delegate.family(nativeFamily);
    }

    @Override
    public int nativeType(SocketType type) {
        return delegate.nativeType(type);
    }

    @Override
    public SocketType type(int nativeType) {
        return delegate.type(nativeType);
    }

    @Override
    public Errno errno(int nativeErrno) {
        return delegate.errno(nativeErrno);
    }

    @Override
    public int nativeErrno(Errno errno) {
        return delegate.nativeErrno(errno);
    }

    @Override
    public String strerror(int nativeErrno) {
        return delegate.strerror(nativeErrno);
    }

    @Override
    public Poller poller() {
        return delegate.poller();
    }

    @Override
    public long socket(int family, int type, int protocol) {
        return delegate.socket(family, type, protocol);
    }

    @Override
    public int socketPair(int family, int type, int protocol, long[] fds) {
        return delegate.socketPair(family, type, protocol, fds);
    }

    @Override
    public int bind(long fd, SockAddr address) {
        return delegate.bind(fd, address);
    }

    @Override
    public int connect(long fd, SockAddr address) {
        return delegate.connect(fd, address);
    }

    @Override
    public int listen(long fd, int backlog) {
        return delegate.listen(fd, backlog);
    }

    @Override
    public long accept(long fd, SockAddr[] peer) {
        return delegate.accept(fd, peer);
    }

    @Override
    public long recv(long fd, int family, int type, ByteBuffer dst, int flags, SockAddr[] from) {
        return delegate.recv(fd, family, type, dst, flags, from);
    }

    @Override
    public long send(long fd, int family, int type, ByteBuffer src, int flags, SockAddr to) {
        return delegate.send(fd, family, type, src, flags, to);
    }

    @Override
    public int shutdown(long fd, int how) {
        return delegate.shutdown(fd, how);
    }

    @Override
    public int close(long fd) {
        return delegate.close(fd);
    }

    @Override
    public int setSockOpt(long fd, int level, int name, byte[] value) {
        return delegate.setSockOpt(fd, level, name, value);
    }

    @Override
    public int getSockOpt(long fd, int level, int name, byte[] value) {
        return delegate.getSockOpt(fd, level, name, value);
    }

    @Override
    public SockAddr getSockName(long fd) throws IOException {
        return delegate.getSockName(fd);
    }

    @Override
    public SockAddr getPeerName(long fd) throws IOException {
        return delegate.getPeerName(fd);
    }

    @Override
    public byte[] encodeOption(String name, Object value) {
        return delegate.encodeOption(name, value);
    }

    @Override
    public Object decodeOption(String name, byte[] value, int length) {
        return delegate.decodeOption(name, value, length);
    }

    @Override
    public List<AddrInfo> getAddrInfo(String host, String service, int family, int type, int protocol, int flags)
            throws IOException {
        return delegate.getAddrInfo(host, service, family, type, protocol, flags);
    }

    @Override
    public long recvMsg(long fd, int family, int type, ByteBuffer[] dsts, int controlLen, int flags, MsgResult out) {
        return delegate.recvMsg(fd, family, type, dsts, controlLen, flags, out);
    }

    @Override
    public long sendMsg(long fd, int family, int type, ByteBuffer[] srcs, List<Ancillary> ancillary, int flags, SockAddr to) {
        return delegate.sendMsg(fd, family, type, srcs, ancillary, flags, to);
    }

    @Override
    public int cmsgLen(int length) {
        return delegate.cmsgLen(length);
    }

    @Override
    public int cmsgSpace(int length) {
        return delegate.cmsgSpace(length);
    }

    @Override
    public long dup(long fd) {
        return delegate.dup(fd);
    }

    @Override
    public int setNonBlocking(long fd) {
        return delegate.setNonBlocking(fd);
    }

    @Override
    public int getInheritable(long fd) {
        return delegate.getInheritable(fd);
    }

    @Override
    public int setInheritable(long fd, boolean inheritable) {
        return delegate.setInheritable(fd, inheritable);
    }

    @Override
    public long controlId(long fd, String name) {
        return delegate.controlId(fd, name);
    }

    @Override
    public long vsockLocalCid() {
        return delegate.vsockLocalCid();
    }

    @Override
    public long sendFile(long fd, long fileFd, long offset, long count) {
        return delegate.sendFile(fd, fileFd, offset, count);
    }

    @Override
    public long recvMmsg(long fd, int family, int type, ByteBuffer[] dsts, SockAddr[] from, int[] lengths, int flags) {
        return delegate.recvMmsg(fd, family, type, dsts, from, lengths, flags);
    }

    @Override
    public long sendMmsg(long fd, int family, int type, ByteBuffer[] srcs, SockAddr[] to, int flags) {
        return delegate.sendMmsg(fd, family, type, srcs, to, flags);
    }

    @Override
    public int ioctl(long fd, int control, long[] values) {
        return delegate.ioctl(fd, control, values);
    }

    @Override
    public byte[] share(long fd, int pid) throws IOException {
        return delegate.share(fd, pid);
    }

    @Override
    public long fromShare(byte[] info, int[] familyTypeProtocol) {
        return delegate.fromShare(info, familyTypeProtocol);
    }

    @Override
    public long openForReading(String path) {
        return delegate.openForReading(path);
    }

    @Override
    public dev.weft.Cmsg.PacketInfo decodePacketInfo(Ancillary item) {
        return delegate.decodePacketInfo(item);
    }

    @Override
    public Ancillary encodePacketInfo(int interfaceIndex, java.net.Inet4Address source) {
        return delegate.encodePacketInfo(interfaceIndex, source);
    }

    @Override
    public java.time.Instant decodeTimestamp(Ancillary item) {
        return delegate.decodeTimestamp(item);
    }

    @Override
    public dev.weft.Cmsg.ExtendedError decodeExtendedError(Ancillary item) {
        return delegate.decodeExtendedError(item);
    }

    @Override
    public dev.weft.TcpInfo decodeTcpInfo(byte[] value, int length) {
        return delegate.decodeTcpInfo(value, length);
    }

    @Override
    public int credentialsSize() {
        return delegate.credentialsSize();
    }

    @Override
    public dev.weft.Credentials decodeCredentials(byte[] value, int length) {
        return delegate.decodeCredentials(value, length);
    }

    @Override
    public Ancillary encodeCredentials(dev.weft.Credentials credentials) {
        return delegate.encodeCredentials(credentials);
    }

    @Override
    public dev.weft.NameInfo getNameInfo(SockAddr address, int flags) throws IOException {
        return delegate.getNameInfo(address, flags);
    }

    @Override
    public dev.weft.HostEntry getHostByName(String name) throws IOException {
        return delegate.getHostByName(name);
    }

    @Override
    public dev.weft.HostEntry getHostByAddr(byte[] address) throws IOException {
        return delegate.getHostByAddr(address);
    }

    @Override
    public String getHostName() throws IOException {
        return delegate.getHostName();
    }

    @Override
    public void setHostName(byte[] name) throws IOException {
        delegate.setHostName(name);
    }

    @Override
    public int getServByName(String name, String protocol) throws IOException {
        return delegate.getServByName(name, protocol);
    }

    @Override
    public String getServByPort(int port, String protocol) throws IOException {
        return delegate.getServByPort(port, protocol);
    }

    @Override
    public int getProtoByName(String name) throws IOException {
        return delegate.getProtoByName(name);
    }

    @Override
    public List<dev.weft.InterfaceIndex> ifNameIndex() throws IOException {
        return delegate.ifNameIndex();
    }

    @Override
    public int ifNameToIndex(String name) throws IOException {
        return delegate.ifNameToIndex(name);
    }

    @Override
    public String ifIndexToName(int index) throws IOException {
        return delegate.ifIndexToName(index);
    }
}
