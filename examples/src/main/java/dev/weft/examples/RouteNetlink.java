package dev.weft.examples;

import dev.weft.Family;
import dev.weft.SockAddr;
import dev.weft.Socket;
import dev.weft.SocketType;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.StringJoiner;

/**
 * A {@code NETLINK_ROUTE} dump of links and addresses over a weft {@code AF_NETLINK}
 * socket, parsed far enough to list interfaces as {@code ip -o link} / {@code ip -o addr}
 * do. The messages are Linux's ({@code <linux/netlink.h>}, {@code <linux/rtnetlink.h>}),
 * read from plain bytes with the public API only: CPython leaves this parsing to its users
 * too, and weft's {@code api} names no OS structure.
 *
 * <pre>{@code
 * for (RouteNetlink.Link l : RouteNetlink.links()) System.out.println(l.index() + ": " + l.name());
 * }</pre>
 *
 * Run: {@code java -p ... -m dev.weft.examples/dev.weft.examples.RouteNetlink}
 */
public final class RouteNetlink {
    private RouteNetlink() {}

    /** {@code NETLINK_ROUTE}, the protocol number of the rtnetlink family. */
    public static final int NETLINK_ROUTE = 0;
    static final int NLMSG_ERROR = 2;
    static final int NLMSG_DONE = 3;
    static final int RTM_NEWLINK = 16;
    static final int RTM_GETLINK = 18;
    static final int RTM_NEWADDR = 20;
    static final int RTM_GETADDR = 22;
    static final int NLM_F_REQUEST = 1;
    static final int NLM_F_DUMP = 0x300;
    static final int IFLA_ADDRESS = 1;
    static final int IFLA_IFNAME = 3;
    static final int IFA_ADDRESS = 1;
    static final int IFA_LOCAL = 2;
    static final int IFA_LABEL = 3;

    /** The {@code IFF_*} bits with the names {@code ip link} prints for them. */
    private static final String[] FLAG_NAMES = {"UP", "BROADCAST", "DEBUG", "LOOPBACK", "POINTOPOINT", "NOTRAILERS",
        "RUNNING", "NOARP", "PROMISC", "ALLMULTI", "MASTER", "SLAVE", "MULTICAST", "PORTSEL", "AUTOMEDIA", "DYNAMIC",
        "LOWER_UP", "DORMANT", "ECHO"};

    /**
     * One link ({@code RTM_NEWLINK}).
     *
     * @param index the interface index
     * @param name  {@code IFLA_IFNAME}
     * @param flags {@code ifi_flags}, the {@code IFF_*} bits
     * @param mac   {@code IFLA_ADDRESS}, empty if the link has none
     */
    public record Link(int index, String name, int flags, byte[] mac) {
        /** Copies the address. */
        public Link {
            mac = mac.clone();
        }

        /** The address, a copy. */
        @Override
        public byte[] mac() {
            return mac.clone();
        }

        /** The names of the set {@code IFF_*} bits, as {@code ip link} spells them. */
        public List<String> flagNames() {
            List<String> out = new ArrayList<>();
            for (int i = 0; i < FLAG_NAMES.length; i++) {
                if ((flags & (1 << i)) != 0) {
                    out.add(FLAG_NAMES[i]);
                }
            }
            return out;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Link l && l.index == index && l.name.equals(name) && l.flags == flags && Arrays.equals(l.mac, mac);
        }

        @Override
        public int hashCode() {
            return index;
        }

        @Override
        public String toString() {
            StringJoiner f = new StringJoiner(",", "<", ">");
            flagNames().forEach(f::add);
            return index + ": " + name + ": " + f + (mac.length == 0 ? "" : " link " + HexFormat.ofDelimiter(":").formatHex(mac));
        }
    }

    /**
     * One address ({@code RTM_NEWADDR}).
     *
     * @param index     the interface index
     * @param address   {@code IFA_LOCAL} if present, else {@code IFA_ADDRESS}
     * @param prefixLen {@code ifa_prefixlen}
     * @param label     {@code IFA_LABEL} (IPv4 only), or the empty string
     */
    public record Address(int index, InetAddress address, int prefixLen, String label) {
        @Override
        public String toString() {
            return index + ": " + (address.getAddress().length == 4 ? "inet " : "inet6 ") + address.getHostAddress()
                    + "/" + prefixLen;
        }
    }

    /** Every link of this network namespace. */
    public static List<Link> links() throws IOException {
        List<Link> out = new ArrayList<>();
        for (ByteBuffer m : dump(RTM_GETLINK, 16)) {
            if (m.getShort(4) != RTM_NEWLINK) {
                continue;
            }
            int index = m.getInt(16 + 4);
            int flags = m.getInt(16 + 8);
            String name = "";
            byte[] mac = new byte[0];
            for (int[] a : attributes(m, 32)) {
                if (a[0] == IFLA_IFNAME) {
                    name = cString(m, a[1], a[2]);
                } else if (a[0] == IFLA_ADDRESS) {
                    mac = bytes(m, a[1], a[2]);
                }
            }
            out.add(new Link(index, name, flags, mac));
        }
        return out;
    }

    /** Every IPv4 and IPv6 address of this network namespace. */
    public static List<Address> addresses() throws IOException {
        List<Address> out = new ArrayList<>();
        for (ByteBuffer m : dump(RTM_GETADDR, 8)) {
            if (m.getShort(4) != RTM_NEWADDR) {
                continue;
            }
            int prefix = m.get(16 + 1) & 0xff;
            int index = m.getInt(16 + 4);
            byte[] local = null;
            byte[] address = null;
            String label = "";
            for (int[] a : attributes(m, 24)) {
                switch (a[0]) {
                    case IFA_LOCAL -> local = bytes(m, a[1], a[2]);
                    case IFA_ADDRESS -> address = bytes(m, a[1], a[2]);
                    case IFA_LABEL -> label = cString(m, a[1], a[2]);
                    default -> { }
                }
            }
            byte[] chosen = local != null ? local : address;
            if (chosen != null) {
                out.add(new Address(index, InetAddress.getByAddress(chosen), prefix, label));
            }
        }
        return out;
    }

    /**
     * Sends one dump request ({@code nlmsghdr} and a zeroed family header of {@code bodyLen}
     * bytes: AF_UNSPEC, every family) to the kernel and returns its messages up to
     * {@code NLMSG_DONE}, each as a buffer whose position 0 is its {@code nlmsghdr}.
     */
    static List<ByteBuffer> dump(int type, int bodyLen) throws IOException {
        try (Socket s = Socket.open(Family.NETLINK, SocketType.RAW, NETLINK_ROUTE)) {
            s.setTimeout(Duration.ofSeconds(10));
            s.bind(new SockAddr.Netlink(0, 0));
            int seq = (int) (System.nanoTime() & 0x7fffffff);
            ByteBuffer req = ByteBuffer.allocate(16 + bodyLen).order(ByteOrder.nativeOrder());
            req.putInt(0, 16 + bodyLen).putShort(4, (short) type).putShort(6, (short) (NLM_F_REQUEST | NLM_F_DUMP)).putInt(8, seq);
            s.sendTo(req.array(), new SockAddr.Netlink(0, 0));
            List<ByteBuffer> out = new ArrayList<>();
            for (;;) {
                ByteBuffer b = ByteBuffer.wrap(s.recv(1 << 16)).order(ByteOrder.nativeOrder());
                for (int off = 0; off + 16 <= b.limit();) {
                    int len = b.getInt(off);
                    if (len < 16 || off + len > b.limit()) {
                        throw new IOException("a netlink message of length " + len + " at " + off + " of " + b.limit());
                    }
                    ByteBuffer m = b.slice(off, len).order(ByteOrder.nativeOrder());
                    off += align(len);
                    if (m.getInt(8) != seq) {
                        continue;
                    }
                    int t = m.getShort(4);
                    if (t == NLMSG_DONE) {
                        return out;
                    }
                    if (t == NLMSG_ERROR) {
                        throw new IOException("netlink error " + -m.getInt(16) + " for request type " + type);
                    }
                    out.add(m);
                }
            }
        }
    }

    /** The {@code rtattr}s from {@code off}: each {type, value offset, value length}. */
    static List<int[]> attributes(ByteBuffer m, int off) {
        List<int[]> out = new ArrayList<>();
        while (off + 4 <= m.limit()) {
            int len = m.getShort(off) & 0xffff;
            if (len < 4 || off + len > m.limit()) {
                break;
            }
            out.add(new int[] {m.getShort(off + 2) & 0x3fff, off + 4, len - 4});
            off += align(len);
        }
        return out;
    }

    private static int align(int n) {
        return (n + 3) & ~3;
    }

    private static byte[] bytes(ByteBuffer m, int off, int len) {
        byte[] out = new byte[len];
        m.get(off, out);
        return out;
    }

    private static String cString(ByteBuffer m, int off, int len) {
        byte[] b = bytes(m, off, len);
        int n = 0;
        while (n < b.length && b[n] != 0) {
            n++;
        }
        return new String(b, 0, n, StandardCharsets.UTF_8);
    }

    /** Prints the links, then the addresses, one a line. */
    public static void main(String[] args) throws IOException {
        for (Link l : links()) {
            System.out.println(l);
        }
        for (Address a : addresses()) {
            System.out.println(a);
        }
    }
}
