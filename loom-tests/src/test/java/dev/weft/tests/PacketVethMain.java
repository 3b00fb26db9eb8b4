package dev.weft.tests;

import dev.weft.Errno;
import dev.weft.Family;
import dev.weft.OsError;
import dev.weft.PacketMembership;
import dev.weft.SockAddr;
import dev.weft.SockOpt;
import dev.weft.Socket;
import dev.weft.SocketType;
import dev.weft.Sockets;
import dev.weft.WeftTimeoutException;
import dev.weft.WouldBlockException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Run by {@link PacketVethTest} as {@code unshare -n java ... PacketVethMain}: in the fresh
 * network namespace it makes a veth pair (wv0, wv1, fixed MACs), then proves AF_PACKET
 * traffic across it, with python3 as the peer each way. Prints one {@code PASS} line per
 * check and {@code ALL PASSED}; any failure is an exception (exit 1). The namespace dies
 * with this process.
 */
public final class PacketVethMain {
    static final int ETHERTYPE = 0x88B5; // IEEE 802 local experimental: nothing else on the link uses it
    static final String MAC0 = "02:00:5e:00:00:01";
    static final String MAC1 = "02:00:5e:00:00:02";
    static final int ARPHRD_ETHER = 1;

    private PacketVethMain() {}

    public static void main(String[] args) throws Exception {
        sh("ip link add wv0 address " + MAC0 + " type veth peer name wv1 address " + MAC1
                + " && ip link set wv0 up && ip link set wv1 up");
        byte[] mac0 = HexFormat.ofDelimiter(":").parseHex(MAC0);
        byte[] mac1 = HexFormat.ofDelimiter(":").parseHex(MAC1);
        int packetHost = Sockets.constant("PACKET_HOST", 0);
        int packetOutgoing = Sockets.constant("PACKET_OUTGOING", 4);

        // 1. python3 sends a raw Ethernet frame on wv0; a weft RAW socket bound to wv1 gets it, blocked in the poller.
        try (Socket raw = Socket.open(Family.PACKET, SocketType.RAW, Sockets.htons(ETHERTYPE))) {
            raw.bind(new SockAddr.Packet("wv1", ETHERTYPE));
            raw.setBlocking(false);
            expect(WouldBlockException.class, () -> raw.recvFrom(2048), "non-blocking with nothing queued");
            raw.setTimeout(Duration.ofMillis(100));
            expect(WeftTimeoutException.class, () -> raw.recvFrom(2048), "timeout with nothing queued");
            raw.setBlocking(true);
            CompletableFuture<Socket.Received> got = new CompletableFuture<>();
            Thread.ofVirtual().start(() -> {
                try {
                    got.complete(raw.recvFrom(2048));
                } catch (Throwable t) {
                    got.completeExceptionally(t);
                }
            });
            Thread.sleep(50);
            python("""
                    import socket
                    s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW)
                    s.bind(('wv0', 0))
                    s.send(bytes.fromhex('%s') + bytes.fromhex('%s') + (0x%x).to_bytes(2, 'big') + b'from-python'.ljust(46, b'.'))
                    """.formatted(MAC1.replace(":", ""), MAC0.replace(":", ""), ETHERTYPE));
            Socket.Received r = got.get(20, TimeUnit.SECONDS);
            byte[] d = r.data();
            check(Arrays.equals(Arrays.copyOfRange(d, 0, 6), mac1) && Arrays.equals(Arrays.copyOfRange(d, 6, 12), mac0),
                    "RAW gives the whole frame with its Ethernet header: " + HexFormat.of().formatHex(d, 0, 14));
            check(new String(d, 14, 11, StandardCharsets.US_ASCII).equals("from-python"), "the payload after the header");
            check(r.address().equals(new SockAddr.Packet("wv1", ETHERTYPE, packetHost, ARPHRD_ETHER, mac0)),
                    "recvfrom's full address (wv1, proto, PACKET_HOST, ARPHRD_ETHER, the sender's MAC): " + r.address());
        }

        // 2. weft DGRAM sendTo on wv0 (the kernel builds the header from the address); python3 receives on wv1.
        Process py = new ProcessBuilder("python3", "-c", """
                import socket
                s = socket.socket(socket.AF_PACKET, socket.SOCK_DGRAM, socket.htons(0x%x))
                s.bind(('wv1', 0x%x))
                s.settimeout(20)
                print('ready', flush=True)
                d, a = s.recvfrom(2048)
                print(d[:9].decode(), a[0], a[1], a[2], a[3], a[4].hex(), flush=True)
                """.formatted(ETHERTYPE, ETHERTYPE)).redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(py.getInputStream(), StandardCharsets.UTF_8));
                Socket dg = Socket.open(Family.PACKET, SocketType.DGRAM, 0)) {
            check("ready".equals(out.readLine()), "python3 listens on wv1");
            byte[] payload = "from-weft".getBytes(StandardCharsets.US_ASCII);
            dg.sendTo(Arrays.copyOf(payload, 46), new SockAddr.Packet("wv0", ETHERTYPE, 0, 0, mac1));
            String line = out.readLine();
            check(py.waitFor(30, TimeUnit.SECONDS) && py.exitValue() == 0, "python3 ends: " + line);
            check(("from-weft wv1 " + ETHERTYPE + " " + packetHost + " " + ARPHRD_ETHER + " " + MAC0.replace(":", "")).equals(line),
                    "python3 got weft's DGRAM frame from wv0's MAC: " + line);
        } finally {
            py.destroyForcibly();
        }

        // 3. The sender's own RAW socket on wv0 sees its outgoing frame as PACKET_OUTGOING.
        // Outgoing frames reach only ETH_P_ALL taps (the kernel's dev_queue_xmit_nit), so rx takes every protocol.
        int all = Sockets.constant("ETH_P_ALL", 3);
        try (Socket rx = Socket.open(Family.PACKET, SocketType.RAW, Sockets.htons(all));
                Socket tx = Socket.open(Family.PACKET, SocketType.RAW, 0)) {
            rx.bind(new SockAddr.Packet("wv0", all));
            rx.setTimeout(Duration.ofSeconds(10));
            byte[] frame = new byte[60];
            System.arraycopy(mac1, 0, frame, 0, 6);
            System.arraycopy(mac0, 0, frame, 6, 6);
            frame[12] = (byte) (ETHERTYPE >> 8);
            frame[13] = (byte) ETHERTYPE;
            tx.sendTo(frame, new SockAddr.Packet("wv0", ETHERTYPE));
            Socket.Received r;
            do { // wv0's own IPv6 chatter may come first
                r = rx.recvFrom(2048);
            } while (((SockAddr.Packet) r.address()).proto() != ETHERTYPE);
            check(((SockAddr.Packet) r.address()).pkttype() == packetOutgoing && Arrays.equals(frame, r.data()),
                    "a RAW sendTo goes out byte for byte, seen on wv0 as PACKET_OUTGOING: " + r.address());
        }

        // 4. PACKET_ADD_MEMBERSHIP: promiscuous mode and a link-layer multicast group, as ip reports them; dropped again.
        int wv1 = Sockets.ifNameToIndex("wv1");
        byte[] group = HexFormat.ofDelimiter(":").parseHex("01:00:5e:00:00:fb");
        try (Socket s = Socket.open(Family.PACKET, SocketType.RAW, Sockets.htons(ETHERTYPE))) {
            s.bind(new SockAddr.Packet("wv1", ETHERTYPE));
            // A socket's promiscuity is a count (ip -d: "promiscuity N"), not the user-set PROMISC flag ip prints in <...>.
            check(sh("ip -d -o link show wv1").contains("promiscuity 0 "), "wv1 starts with promiscuity 0");
            PacketMembership promisc = PacketMembership.of(wv1, Sockets.constant("PACKET_MR_PROMISC", -1));
            s.setOption(SockOpt.PACKET_ADD_MEMBERSHIP, promisc);
            check(sh("ip -d -o link show wv1").contains("promiscuity 1 "), "PACKET_MR_PROMISC puts wv1 in promiscuous mode");
            s.setOption(SockOpt.PACKET_DROP_MEMBERSHIP, promisc);
            check(sh("ip -d -o link show wv1").contains("promiscuity 0 "), "PACKET_DROP_MEMBERSHIP takes it out");
            s.setOption(SockOpt.PACKET_ADD_MEMBERSHIP,
                    new PacketMembership(wv1, Sockets.constant("PACKET_MR_MULTICAST", -1), group));
            check(sh("ip maddr show dev wv1").contains("01:00:5e:00:00:fb"), "PACKET_MR_MULTICAST joins the link-layer group");
            try {
                s.setOption(SockOpt.PACKET_ADD_MEMBERSHIP, PacketMembership.of(9999, Sockets.constant("PACKET_MR_PROMISC", -1)));
                check(false, "an unknown interface index is refused");
            } catch (IOException e) {
                check(e instanceof OsError o && o.errno() == Errno.ENODEV, "an unknown interface index: ENODEV, " + e);
            }
        }
        check(!sh("ip maddr show dev wv1").contains("01:00:5e:00:00:fb"), "closing the socket leaves the group");
        System.out.println("ALL PASSED");
    }

    interface Call {
        Object call() throws Exception;
    }

    private static void expect(Class<? extends Exception> type, Call c, String what) throws Exception {
        try {
            c.call();
        } catch (Exception e) {
            check(type.isInstance(e), what + ": " + e);
            return;
        }
        check(false, what + ": returned");
    }

    static void check(boolean ok, String what) {
        if (!ok) {
            throw new AssertionError("FAIL: " + what);
        }
        System.out.println("PASS: " + what);
    }

    static String sh(String command) throws Exception {
        Process p = new ProcessBuilder("sh", "-c", command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        check(p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0, command + ": " + out);
        return out;
    }

    static void python(String script) throws Exception {
        Process p = new ProcessBuilder("python3", "-c", script).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        check(p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0, "python3: " + Objects.toString(out));
    }
}
