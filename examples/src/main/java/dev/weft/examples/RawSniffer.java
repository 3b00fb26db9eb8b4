package dev.weft.examples;

import dev.weft.Family;
import dev.weft.SockAddr;
import dev.weft.Socket;
import dev.weft.SocketType;
import dev.weft.Sockets;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The seed's program 3, the raw-socket sniffer, in its Linux form. The seed's Windows
 * program binds a raw IP socket, sets {@code IP_HDRINCL} and {@code SIO_RCVALL} and prints
 * one {@code recvfrom}; on Linux an {@code AF_PACKET} socket bound to an interface with
 * {@code ETH_P_ALL} already sees every frame there, in both directions (what RCVALL_ON
 * asks of Winsock). While a virtual thread sends UDP datagrams over loopback, it prints
 * what it captures as Python prints {@code s.recvfrom(65565)}, then the IPv4 header decoded.
 * Needs {@code CAP_NET_RAW}.
 *
 * <pre>
 * java ... dev.weft.examples.RawSniffer [interface=lo] [frames=3]
 * </pre>
 */
public final class RawSniffer {
    private RawSniffer() {}

    public static void main(String[] args) throws Exception {
        String ifname = args.length > 0 ? args[0] : "lo";
        int frames = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int ethPAll = Sockets.constant("ETH_P_ALL", 3);
        byte[] marker = ("weft-sniff-" + ProcessHandle.current().pid() + "-").getBytes(StandardCharsets.US_ASCII);

        try (Socket s = Socket.open(Family.PACKET, SocketType.RAW, Sockets.htons(ethPAll));
                Socket rx = Socket.open(Family.INET, SocketType.DGRAM)) {
            s.bind(new SockAddr.Packet(ifname, ethPAll));
            s.setTimeout(Duration.ofSeconds(10));
            rx.bind(SockAddr.inet("127.0.0.1", 0));
            SockAddr target = rx.getSockName();
            // the other thread's traffic: one datagram every 100 ms until the sniffer has its frames
            Thread sender = Thread.ofVirtual().start(() -> {
                try (Socket tx = Socket.open(Family.INET, SocketType.DGRAM)) {
                    for (int i = 0; !Thread.currentThread().isInterrupted(); i++) {
                        byte[] d = Arrays.copyOf(marker, marker.length + 1);
                        d[marker.length] = (byte) ('0' + i % 10);
                        tx.sendTo(d, target);
                        Thread.sleep(100);
                    }
                } catch (IOException | InterruptedException e) {
                    // interrupted: the sniffer is done
                }
            });
            int seen = 0;
            int others = 0;
            try {
                while (seen < frames) {
                    Socket.Received r = s.recvFrom(65565);
                    if (!contains(r.data(), marker)) {
                        others++; // the interface's other traffic; not printed
                        continue;
                    }
                    seen++;
                    System.out.println("(" + Repr.bytes(r.data()) + ", " + tuple((SockAddr.Packet) r.address()) + ")");
                    System.out.println("  " + ipv4(r.data(), ((SockAddr.Packet) r.address()).hatype()));
                }
            } finally {
                sender.interrupt();
                sender.join();
            }
            System.out.println("captured " + seen + " frames on " + ifname + " (and " + others + " others)");
        }
        System.out.println("PASSED");
    }

    /** Python's repr of the AF_PACKET address tuple. */
    static String tuple(SockAddr.Packet a) {
        return "('" + a.ifname() + "', " + a.proto() + ", " + a.pkttype() + ", " + a.hatype() + ", " + Repr.bytes(a.addr()) + ")";
    }

    /** The IPv4 header after the 14-byte Ethernet header (lo's frames have one too, of zeros). */
    static String ipv4(byte[] f, int hatype) throws IOException {
        int o = 14;
        if (f.length < o + 20 || ((f[12] & 0xff) << 8 | (f[13] & 0xff)) != 0x0800) {
            return "not IPv4 (hatype " + hatype + ", " + HexFormat.of().formatHex(f, 0, Math.min(14, f.length)) + ")";
        }
        int ihl = (f[o] & 0xf) * 4;
        int total = (f[o + 2] & 0xff) << 8 | (f[o + 3] & 0xff);
        InetAddress src = InetAddress.getByAddress(Arrays.copyOfRange(f, o + 12, o + 16));
        InetAddress dst = InetAddress.getByAddress(Arrays.copyOfRange(f, o + 16, o + 20));
        int proto = f[o + 9] & 0xff;
        String ports = proto == 17 ? " ports " + ((f[o + ihl] & 0xff) << 8 | (f[o + ihl + 1] & 0xff)) + " -> "
                + ((f[o + ihl + 2] & 0xff) << 8 | (f[o + ihl + 3] & 0xff)) : "";
        return "IPv4 " + src.getHostAddress() + " -> " + dst.getHostAddress() + " proto " + proto + (proto == 17 ? " (UDP)" : "")
                + " length " + total + ports;
    }

    private static boolean contains(byte[] d, byte[] m) {
        outer:
        for (int i = 0; i + m.length <= d.length; i++) {
            for (int j = 0; j < m.length; j++) {
                if (d[i + j] != m[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
