package dev.weft.tests;

import static dev.weft.tests.PropertySupport.gen;
import static dev.weft.tests.PropertySupport.theory;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import dev.weft.Capability;
import dev.weft.Family;
import dev.weft.SockAddr;
import dev.weft.Socket;
import dev.weft.SocketType;
import dev.weft.Sockets;
import dev.weft.kit.AddressGen;
import dev.weft.common.SockAddrCodec;
import dev.weft.common.SockAddrLayout;
import dev.weft.linux.LinuxProvider;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Socket addresses survive every trip: through {@link SockAddrCodec} with Linux's family
 * codecs in the Linux layout and the BSD layout ({@code sa_len}), with the bytes checked against an independent
 * rendering of each {@code struct sockaddr_*} (so a mistake made the same way in encode and
 * decode is caught too); through the kernel (bind, then getsockname and a peer's
 * getpeername); and decoding never fails on any bytes shaped like the kernel's.
 */
class SockAddrPropertyTest {
    private static final int AF_INET = nativeFamily(Family.INET, 2);
    private static final int AF_INET6 = nativeFamily(Family.INET6, 10);
    private static final int AF_UNIX = nativeFamily(Family.UNIX, 1);
    private static final int AF_NETLINK = nativeFamily(Family.NETLINK, 16);
    private static final int AF_VSOCK = nativeFamily(Family.VSOCK, 40);
    private static final int AF_PACKET = nativeFamily(Family.PACKET, 17);
    private static final int AF_CAN = nativeFamily(Family.CAN, 29);
    private static final int AF_ALG = nativeFamily(Family.ALG, 38);
    private static final int AF_TIPC = nativeFamily(Family.TIPC, 30);
    private static final int AF_QIPCRTR = nativeFamily(Family.QIPCRTR, 42);
    private static final int AF_BLUETOOTH = nativeFamily(Family.BLUETOOTH, 31);
    /** macOS's numbers (AF_INET6 30), no netlink, no vsock, no packet. */
    private static final Layout BSD_LAYOUT = new Layout(true, 2, 30, 1, -1, -1, -1, -1, -1, -1, -1, -1);
    private static final Layout LINUX_LAYOUT = new Layout(false, AF_INET, AF_INET6, AF_UNIX, AF_NETLINK, AF_VSOCK, AF_PACKET, AF_CAN, AF_ALG, AF_TIPC,
            AF_QIPCRTR, AF_BLUETOOTH);
    private static final SockAddrCodec LINUX = LINUX_LAYOUT.codec();
    private static final SockAddrCodec BSD = BSD_LAYOUT.codec();

    private static Path dir;

    private static int nativeFamily(Family f, int fallback) {
        int n = Sockets.provider().nativeFamily(f);
        return n >= 0 ? n : fallback;
    }

    @BeforeAll
    static void tempDir() throws IOException {
        dir = TestKit.shortTempDir("wsa");
    }

    @AfterAll
    static void cleanUp() throws IOException {
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }

    /**
     * A layout's family numbers: the codec under test and the reference rendering share only
     * these. The codec gets every family codec Linux has; those without a number here are
     * left out, as an OS without the family leaves them.
     */
    record Layout(boolean bsd, int inet, int inet6, int unix, int netlink, int vsock, int packet, int can, int alg, int tipc,
            int qipcrtr, int bluetooth) {
        SockAddrCodec codec() {
            Map<String, Integer> numbers = new HashMap<>();
            int[] n = {inet, inet6, unix, netlink, vsock, packet, can, alg, tipc, qipcrtr, bluetooth};
            Family[] f = {Family.INET, Family.INET6, Family.UNIX, Family.NETLINK, Family.VSOCK, Family.PACKET, Family.CAN, Family.ALG,
                Family.TIPC, Family.QIPCRTR, Family.BLUETOOTH};
            for (int i = 0; i < n.length; i++) {
                if (n[i] >= 0) {
                    numbers.put(f[i].constantName(), n[i]);
                }
            }
            return new SockAddrCodec(bsd ? SockAddrLayout.SA_LEN : SockAddrLayout.SA_FAMILY, numbers, LinuxProvider.FAMILIES);
        }

        boolean known(int family) {
            return family == inet || family == inet6 || family == unix || family == netlink || family == vsock
                    || family == packet || family == can || family == alg || family == tipc || family == qipcrtr
                    || family == bluetooth;
        }

        int maxFamily() {
            return bsd ? 0xFF : 0xFFFF;
        }
    }

    // ---- (a) encode/decode round trips ----------------------------------------------------

    @Test
    void everyFormRoundTripsThroughTheLinuxLayout() {
        theory(400).forAll(gen(r -> address(r, LINUX_LAYOUT)), PropertySupport.<Integer>gen(r -> r.nextInt(64)))
                .checkAssert((a, off) -> roundTrip(LINUX, LINUX_LAYOUT, a.value(), off.value()));
    }

    @Test
    void everyFormRoundTripsThroughTheBsdLayoutWithSaLen() {
        theory(400).forAll(gen(r -> address(r, BSD_LAYOUT)), PropertySupport.<Integer>gen(r -> r.nextInt(64)))
                .checkAssert((a, off) -> roundTrip(BSD, BSD_LAYOUT, a.value(), off.value()));
    }

    /** Any form; a raw address gets a family number the layout does not know. */
    private static SockAddr address(RandomGenerator r, Layout l) {
        AddressGen.Form form = AddressGen.Form.values()[r.nextInt(AddressGen.Form.values().length)];
        return form == AddressGen.Form.RAW ? AddressGen.raw(r, l.maxFamily(), f -> !l.known(f)) : AddressGen.of(form, r);
    }

    private static void roundTrip(SockAddrCodec codec, Layout layout, SockAddr a, int off) {
        ByteBuffer b = ByteBuffer.allocate(off + 128 + 16).order(ByteOrder.nativeOrder());
        byte[] garbage = new byte[b.capacity()];
        new java.util.Random(a.hashCode()).nextBytes(garbage);
        b.put(0, garbage);
        byte[] expected = reference(a, layout);
        if (expected == null) {
            assertThrows(IllegalArgumentException.class, () -> codec.encode(a, b, off), "a family this OS lacks: " + a);
            return;
        }
        int len = codec.encode(a, b, off);
        byte[] got = new byte[len];
        b.get(off, got);
        assertArrayEquals(expected, got, () -> "layout of " + a + ": expected " + hex(expected) + ", encoded " + hex(got));
        assertEquals(a, codec.decode(b, off, len), () -> "decode(encode(" + a + ")) from " + hex(got));
        // The length is all that counts: what lies beyond it never changes the address.
        ByteBuffer tight = ByteBuffer.allocate(len).order(ByteOrder.nativeOrder()).put(0, got);
        assertEquals(a, codec.decode(tight, 0, len), () -> "decode of exactly " + len + " bytes");
    }

    /**
     * The bytes of {@code struct sockaddr_*} for {@code a}, written field by field from the
     * C headers (not from the codec), or null if the layout has no such family.
     */
    static byte[] reference(SockAddr a, Layout l) {
        ByteBuffer b = ByteBuffer.allocate(128).order(ByteOrder.nativeOrder());
        int family;
        int len;
        switch (a) {
            case SockAddr.Inet4 in -> { // sockaddr_in: family, port (BE), addr, zero[8]
                family = l.inet;
                len = 16;
                b.order(ByteOrder.BIG_ENDIAN).putShort(2, (short) in.port()).order(ByteOrder.nativeOrder());
                b.put(4, in.address().getAddress());
            }
            case SockAddr.Inet6 in -> { // sockaddr_in6: family, port (BE), flowinfo (BE), addr[16], scope_id (host)
                family = l.inet6;
                len = 28;
                b.order(ByteOrder.BIG_ENDIAN).putShort(2, (short) in.port()).putInt(4, in.flowInfo()).order(ByteOrder.nativeOrder());
                b.put(8, in.address().getAddress());
                b.putInt(24, in.scopeId());
            }
            case SockAddr.Unix u -> { // sockaddr_un: family, sun_path, NUL after a path (counted)
                family = l.unix;
                byte[] p = u.bytes();
                len = 2 + p.length + (u.isAbstract() || u.isUnnamed() ? 0 : 1);
                b.put(2, p);
            }
            case SockAddr.Netlink nl -> { // sockaddr_nl: family, pad, pid, groups
                family = l.netlink;
                len = 12;
                b.putInt(4, nl.pid()).putInt(8, nl.groups());
            }
            case SockAddr.Vsock v -> { // sockaddr_vm: family, reserved1, port, cid, flags, zero[3]
                family = l.vsock;
                len = 16;
                b.putInt(4, v.port()).putInt(8, v.cid());
            }
            case SockAddr.Packet p -> { // sockaddr_ll: family, protocol (BE), ifindex, hatype, pkttype, halen, addr[8]
                family = l.packet;
                byte[] hw = p.addr();
                len = 12 + Math.max(8, hw.length);
                b.order(ByteOrder.BIG_ENDIAN).putShort(2, (short) p.proto()).order(ByteOrder.nativeOrder());
                b.putInt(4, ifIndex(p.ifname())).putShort(8, (short) p.hatype()).put(10, (byte) p.pkttype());
                b.put(11, (byte) hw.length).put(12, hw);
            }
            case SockAddr.Can c -> { // sockaddr_can: family, pad, ifindex, union { tp {rx_id, tx_id}; j1939 {name, pgn, addr} }
                family = l.can;
                len = 24;
                b.putInt(4, ifIndex(c.ifname())).putLong(8, c.name()).putInt(16, c.pgn()).put(20, (byte) c.addr());
            }
            case SockAddr.Alg g -> { // sockaddr_alg: family, salg_type[14], salg_feat, salg_mask, salg_name[64]
                family = l.alg;
                len = 88;
                b.put(2, g.type().getBytes(StandardCharsets.UTF_8)).putInt(16, g.feat()).putInt(20, g.mask());
                b.put(24, g.name().getBytes(StandardCharsets.UTF_8));
            }
            case SockAddr.Tipc t -> { // sockaddr_tipc: family, addrtype, scope, union { id {ref, node}; nameseq; name }
                family = l.tipc;
                len = 16;
                b.put(2, (byte) t.addrType()).put(3, (byte) t.scope());
                if (t.addrType() == 3) { // TIPC_ADDR_ID: CPython's (node, ref), ref first in the struct
                    b.putInt(4, t.v2()).putInt(8, t.v1());
                } else {
                    b.putInt(4, t.v1()).putInt(8, t.v2()).putInt(12, t.v3());
                }
            }
            case SockAddr.Qipcrtr q -> { // sockaddr_qrtr: family, pad, sq_node, sq_port
                family = l.qipcrtr;
                len = 12;
                b.putInt(4, q.node()).putInt(8, q.port());
            }
            case SockAddr.Bluetooth t -> { // sockaddr_l2 / _rc / _hci / _sco; bdaddr_t is the written bytes reversed
                family = l.bluetooth;
                byte[] reversed = new byte[6];
                byte[] written = t.bdaddrBytes();
                for (int i = 0; i < written.length; i++) {
                    reversed[5 - i] = written[i];
                }
                switch (t.protocol()) {
                    case SockAddr.Bluetooth.L2CAP -> { // l2_psm __le16, l2_bdaddr, l2_cid, l2_bdaddr_type, pad
                        len = 14;
                        b.put(2, (byte) t.port()).put(3, (byte) (t.port() >> 8)).put(4, reversed);
                    }
                    case SockAddr.Bluetooth.RFCOMM -> { // rc_bdaddr, rc_channel, pad
                        len = 10;
                        b.put(2, reversed).put(8, (byte) t.port());
                    }
                    case SockAddr.Bluetooth.HCI -> { // hci_dev (host order), hci_channel
                        len = 6;
                        b.putShort(2, (short) t.port());
                    }
                    default -> { // sco_bdaddr
                        len = 8;
                        b.put(2, reversed);
                    }
                }
            }
            case SockAddr.SysControl c -> { // sockaddr_ctl (macOS only): SysControlCodecTest renders it in impl-macos
                family = -1;
                len = 0;
            }
            case SockAddr.HyperV h -> { // SOCKADDR_HV (Windows only): HyperVCodecTest renders it in impl-windows
                family = -1;
                len = 0;
            }
            case SockAddr.Raw r -> {
                family = r.nativeFamily();
                len = 2 + r.data().length;
                b.put(2, r.data());
            }
        }
        if (family < 0) {
            return null;
        }
        if (l.bsd) {
            b.put(0, (byte) len).put(1, (byte) family);
        } else {
            b.putShort(0, (short) family);
        }
        return Arrays.copyOf(b.array(), len);
    }

    /** The interface index by {@code java.net}, not by the codec's {@code if_nametoindex}; "" is every interface, 0. */
    private static int ifIndex(String name) {
        if (name.isEmpty()) {
            return 0;
        }
        try {
            return java.net.NetworkInterface.getByName(name).getIndex();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    // ---- (b) decoding kernel-shaped bytes ----------------------------------------------

    @Test
    void decodingAnyKernelShapedBytesNeverFailsInTheLinuxLayout() {
        decodeAnything(LINUX, LINUX_LAYOUT);
    }

    @Test
    void decodingAnyKernelShapedBytesNeverFailsInTheBsdLayout() {
        decodeAnything(BSD, BSD_LAYOUT);
    }

    /**
     * The codec documents decoding as total: any bytes become an address (an unknown form a
     * {@link SockAddr.Raw}), never an exception. At the least nothing but
     * {@link IllegalArgumentException} may escape, and reading past the length (the buffer
     * ends there) would throw. What comes out must encode, and decode again to itself.
     */
    private static void decodeAnything(SockAddrCodec codec, Layout l) {
        List<Integer> families = java.util.stream.IntStream.of(l.inet, l.inet6, l.unix, l.netlink, l.vsock, l.packet)
                .filter(f -> f >= 0).boxed().toList();
        theory(3000).forAll(gen(r -> AddressGen.sockaddrBytes(r, l.bsd, families))).checkAssert(s -> {
            AddressGen.Sockaddr in = s.value();
            SockAddr a;
            try {
                a = codec.decode(in.buffer(), in.offset(), in.length());
            } catch (IllegalArgumentException e) {
                throw new AssertionError("decoding is documented total, yet " + in + " threw " + e, e);
            } catch (RuntimeException e) {
                throw new AssertionError("decoding " + in + " threw " + e + ", not even IllegalArgumentException", e);
            }
            if (a == null) {
                fail("decoded " + in + " to null");
            }
            ByteBuffer again = ByteBuffer.allocate(128).order(ByteOrder.nativeOrder());
            int len = codec.encode(a, again, 0);
            assertEquals(a, codec.decode(again, 0, len), () -> in + " decoded to " + a + ", which does not survive encode and decode");
        });
    }

    // ---- (a) through the kernel ----------------------------------------------------------

    private enum KernelForm {
        INET_LOOPBACK, INET_FREEBIND, INET6_LOOPBACK, INET6_FREEBIND, INET6_MAPPED, INET6_LINK_LOCAL,
        UNIX_PATH, UNIX_ABSTRACT, UNIX_AUTOBIND, UNIX_FULL_PATH
    }

    /**
     * bind() then getsockname() gives the address back, whatever its bytes; where a peer can
     * reach it, the peer's getpeername() and the bound socket's recvfrom() do as well. Ports
     * 0 come back chosen; flow info is not a property of a bound socket, so it comes back 0;
     * the kernel keeps a scope id only for link-local addresses.
     */
    @Test
    void addressesSurviveBindAndGetsocknameAndGetpeername() {
        theory(400).forAll(gen(r -> r.nextLong()), PropertySupport.<KernelForm>gen(
                r -> KernelForm.values()[r.nextInt(KernelForm.values().length)])).checkAssert((seed, form) -> {
            long fds = PropertySupport.openFds();
            try {
                kernelTrip(form.value(), new java.util.SplittableRandom(seed.value()));
            } catch (IOException e) {
                throw new AssertionError(form.value() + ": " + e, e);
            }
            PropertySupport.assertNoFdLeft(fds);
        });
    }

    private static final int SOL_IP = 0;
    private static final int IP_FREEBIND = 15;
    private static final int SOL_IPV6 = 41;
    private static final int IPV6_FREEBIND = 78;

    private static void kernelTrip(KernelForm form, RandomGenerator r) throws IOException {
        boolean unix = form.name().startsWith("UNIX");
        Family family = unix ? Family.UNIX : form.name().startsWith("INET6") ? Family.INET6 : Family.INET;
        if (!Sockets.supports(unix ? Capability.UNIX_DGRAM : family == Family.INET6 ? Capability.INET6 : Capability.INET)
                || form == KernelForm.UNIX_ABSTRACT && !Sockets.supports(Capability.UNIX_ABSTRACT)
                || form == KernelForm.UNIX_AUTOBIND && !Sockets.supports(Capability.UNIX_AUTOBIND)) {
            return; // the capability table says this kernel lacks it
        }
        boolean freebind = form == KernelForm.INET_FREEBIND || form == KernelForm.INET6_FREEBIND
                || form == KernelForm.INET6_LINK_LOCAL;
        if (freebind && !Sockets.hasConstant("IP_FREEBIND")
                || form == KernelForm.UNIX_FULL_PATH && TestKit.unixPathMax() < SockAddr.UNIX_PATH_MAX - 1) {
            return; // IP_FREEBIND (binding a non-local address) and a 108-byte sun_path are Linux's
        }
        int port = r.nextInt(3) == 0 ? 0 : 20_000 + r.nextInt(40_000);
        SockAddr bindTo = draw(form, r, port);
        // A Unix peer binds a name of the same form, so that accept and recvfrom have one to report.
        SockAddr peerName = unix ? draw(form, r, 0) : null;
        List<SocketType> types = Sockets.supports(Capability.UNIX_SEQPACKET)
                ? List.of(SocketType.STREAM, SocketType.DGRAM, SocketType.SEQPACKET) : List.of(SocketType.STREAM, SocketType.DGRAM);
        SocketType type = unix ? types.get(r.nextInt(types.size())) : SocketType.DGRAM;
        if (unix && !(TestKit.fitsThisOs(bindTo) && (peerName == null || TestKit.fitsThisOs(peerName)))) {
            return; // longer than this OS's sun_path (104 bytes on macOS): refused before the kernel, MacProviderTest
        }
        try (Socket s = Socket.open(family, type)) {
            if (form == KernelForm.INET_FREEBIND || form == KernelForm.INET6_FREEBIND || form == KernelForm.INET6_LINK_LOCAL) {
                if (family == Family.INET6) {
                    s.setSockOpt(SOL_IPV6, IPV6_FREEBIND, 1);
                } else {
                    s.setSockOpt(SOL_IP, IP_FREEBIND, 1);
                }
            }
            if (!bind(s, bindTo)) {
                return;
            }
            SockAddr got = s.getSockName();
            SockAddr expected = expectedName(bindTo, got);
            assertEquals(expected, got, () -> "getsockname after bind(" + bindTo + ")");
            if (form == KernelForm.UNIX_AUTOBIND) {
                SockAddr.Unix u = (SockAddr.Unix) got;
                assertEquals(6, u.bytes().length, "autobind names are a NUL and five hex digits: " + got);
            }
            if (form == KernelForm.INET_FREEBIND || form == KernelForm.INET6_FREEBIND || form == KernelForm.INET6_LINK_LOCAL) {
                return; // nothing local can send from a non-local address
            }
            peerTrip(s, type, got, peerName);
        } finally {
            unlinkIfPath(bindTo);
            unlinkIfPath(peerName);
        }
    }

    /** Binds; false if the name was taken (another run's port or short abstract name: the draw tells nothing). */
    private static boolean bind(Socket s, SockAddr a) throws IOException {
        try {
            s.bind(a);
            return true;
        } catch (dev.weft.WeftBindException e) {
            if (e.errno() == dev.weft.Errno.EADDRINUSE) {
                return false;
            }
            throw e;
        }
    }

    private static void unlinkIfPath(SockAddr a) {
        if (a instanceof SockAddr.Unix u && !u.isAbstract() && !u.isUnnamed()) {
            unlink(u.bytes());
        } else if (a instanceof SockAddr.Raw raw) {
            unlink(raw.data());
        }
    }

    private static SockAddr draw(KernelForm form, RandomGenerator r, int port) throws IOException {
        return switch (form) {
            case INET_LOOPBACK -> withPort(AddressGen.loopback4(r), port);
            case INET_FREEBIND -> new SockAddr.Inet4((java.net.Inet4Address) InetAddress.getByAddress(
                    new byte[] {10, (byte) r.nextInt(256), (byte) r.nextInt(256), (byte) (1 + r.nextInt(254))}), port);
            case INET6_LOOPBACK -> new SockAddr.Inet6(inet6(15, 1), port, r.nextInt(0x100000), 0);
            case INET6_FREEBIND -> { // 2001:db8::/32, the documentation prefix
                byte[] a = new byte[16];
                r.nextBytes(a);
                a[0] = 0x20;
                a[1] = 0x01;
                a[2] = 0x0d;
                a[3] = (byte) 0xb8;
                yield new SockAddr.Inet6(Inet6Address.getByAddress(null, a, null), port, r.nextInt(0x100000), 0);
            }
            case INET6_MAPPED -> {
                byte[] a = new byte[16];
                a[10] = -1;
                a[11] = -1;
                a[12] = 127;
                a[13] = (byte) r.nextInt(256);
                a[14] = (byte) r.nextInt(256);
                a[15] = (byte) (1 + r.nextInt(254));
                yield new SockAddr.Inet6(Inet6Address.getByAddress(null, a, null), port, 0, 0);
            }
            case INET6_LINK_LOCAL -> {
                byte[] a = new byte[16];
                r.nextBytes(a);
                a[0] = (byte) 0xfe;
                a[1] = (byte) 0x80;
                Arrays.fill(a, 2, 8, (byte) 0);
                yield new SockAddr.Inet6(Inet6Address.getByAddress(null, a, null), port, r.nextInt(0x100000),
                        TestKit.loopback().index());
            }
            case UNIX_PATH -> AddressGen.unixPathUnder(r, dir, SockAddr.UNIX_PATH_MAX - 1);
            case UNIX_ABSTRACT -> AddressGen.unixAbstract(r);
            case UNIX_AUTOBIND -> SockAddr.UNIX_UNNAMED;
            case UNIX_FULL_PATH -> { // all 108 bytes of sun_path, no NUL: only a raw address can say it
                byte[] p = new byte[SockAddr.UNIX_PATH_MAX];
                byte[] prefix = (dir + "/").getBytes(StandardCharsets.UTF_8);
                System.arraycopy(prefix, 0, p, 0, prefix.length);
                for (int i = prefix.length; i < p.length; i++) {
                    p[i] = (byte) ('a' + r.nextInt(26));
                }
                yield new SockAddr.Raw(AF_UNIX, p);
            }
        };
    }

    /**
     * A peer (bound to {@code peerName} if not null) connects to {@code name}: its
     * getpeername, and the datagram's source or accept's peer, all agree with the names.
     */
    private static void peerTrip(Socket bound, SocketType type, SockAddr name, SockAddr peerName) throws IOException {
        Family family = bound.family();
        try (Socket peer = Socket.open(family, type)) {
            if (peerName != null && !bind(peer, peerName)) {
                return;
            }
            peer.setTimeout(java.time.Duration.ofSeconds(10));
            bound.setTimeout(java.time.Duration.ofSeconds(10));
            if (type == SocketType.DGRAM) {
                peer.connect(name);
                assertEquals(name, peer.getPeerName(), "getpeername of a datagram socket connected to " + name);
                peer.send(new byte[] {42});
                Socket.Received d = bound.recvFrom(8);
                assertArrayEquals(new byte[] {42}, d.data());
                assertEquals(peer.getSockName(), d.address(), "recvfrom's source is the sender's name");
            } else {
                bound.listen(4);
                peer.connect(name);
                assertEquals(name, peer.getPeerName(), "getpeername of a stream connected to " + name);
                try (Socket.Accepted a = bound.accept()) {
                    assertEquals(peer.getSockName(), a.address(), "accept's peer is the connector's name");
                    assertEquals(name, a.socket().getSockName(), "an accepted socket's own name");
                }
            }
        }
    }

    private static SockAddr expectedName(SockAddr bound, SockAddr got) throws IOException {
        return switch (bound) {
            case SockAddr.Inet4 in -> new SockAddr.Inet4(in.address(), in.port() != 0 ? in.port() : nonZeroPort(got));
            case SockAddr.Inet6 in -> new SockAddr.Inet6(in.address(), in.port() != 0 ? in.port() : nonZeroPort(got), 0,
                    in.address().isLinkLocalAddress() ? in.scopeId() : 0);
            case SockAddr.Unix u when u.isUnnamed() -> {
                if (got instanceof SockAddr.Unix g && g.isAbstract()) {
                    yield got; // autobind's name is the kernel's choice; its shape is checked by the caller
                }
                throw new AssertionError("binding the unnamed address should autobind, got " + got);
            }
            default -> bound;
        };
    }

    private static int nonZeroPort(SockAddr got) {
        int p = got instanceof SockAddr.Inet4 a ? a.port() : ((SockAddr.Inet6) got).port();
        assertNotEquals(0, p, "the kernel chose no port: " + got);
        return p;
    }

    private static SockAddr.Inet4 withPort(SockAddr.Inet4 a, int port) {
        return new SockAddr.Inet4(a.address(), port);
    }

    private static Inet6Address inet6(int index, int value) throws IOException {
        byte[] a = new byte[16];
        a[index] = (byte) value;
        return Inet6Address.getByAddress(null, a, null);
    }

    /** unlink(2) by bytes: a name need not be valid in the JVM's file-name encoding. */
    private static void unlink(byte[] path) {
        com.sun.jna.Function f = com.sun.jna.NativeLibrary.getInstance(com.sun.jna.Platform.C_LIBRARY_NAME).getFunction("unlink");
        f.invokeInt(new Object[] {Arrays.copyOf(path, path.length + 1)});
    }

    static String hex(byte[] b) {
        return java.util.HexFormat.of().formatHex(b);
    }
}
