package dev.weft.kit;

import dev.weft.SockAddr;
import java.io.ByteArrayOutputStream;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.random.RandomGenerator;

/**
 * Random socket addresses of every {@link SockAddr} form, for property tests of code that
 * stores, encodes or passes addresses. Each method takes a {@link RandomGenerator}, so it
 * plugs into any property-testing library (seed it from the library's own source to keep
 * failures reproducible). Values lean towards the edges: zero and all-ones ports,
 * {@code INADDR_ANY}, loopback, mapped and link-local IPv6, flow labels at the 20-bit
 * limit, names of the longest allowed length.
 *
 * <pre>{@code
 * RandomGenerator r = new SplittableRandom(seed);
 * SockAddr a = AddressGen.any(r);                   // any form
 * SockAddr.Inet6 b = AddressGen.inet6(r);          // flow info and scope id too
 * SockAddr.Unix c = AddressGen.unixPathUnder(r, dir, SockAddr.UNIX_PATH_MAX - 1); // bindable
 * }</pre>
 */
public final class AddressGen {
    private AddressGen() {}

    /** The forms {@link SockAddr} has, with the three kinds of {@code AF_UNIX} name apart. */
    public enum Form {
        INET4, INET6, UNIX_PATH, UNIX_ABSTRACT, UNIX_UNNAMED, NETLINK, VSOCK, PACKET, CAN, ALG, TIPC, QIPCRTR, BLUETOOTH, RAW
    }

    /** An address of a random form; {@link Form#RAW} uses a family number above 255, which no OS assigns. */
    public static SockAddr any(RandomGenerator r) {
        Form[] forms = Form.values();
        return of(forms[r.nextInt(forms.length)], r);
    }

    /**
     * An address of {@code form}. A {@link Form#RAW} address gets a family number in
     * 256-65535 (no OS assigns those); use {@link #raw} to choose the numbers.
     */
    public static SockAddr of(Form form, RandomGenerator r) {
        return switch (form) {
            case INET4 -> inet4(r);
            case INET6 -> inet6(r);
            case UNIX_PATH -> unixPath(r);
            case UNIX_ABSTRACT -> unixAbstract(r);
            case UNIX_UNNAMED -> SockAddr.UNIX_UNNAMED;
            case NETLINK -> netlink(r);
            case VSOCK -> vsock(r);
            case PACKET -> packet(r);
            case CAN -> can(r);
            case ALG -> alg(r);
            case TIPC -> tipc(r);
            case QIPCRTR -> new SockAddr.Qipcrtr(edgyInt(r), edgyInt(r));
            case BLUETOOTH -> bluetooth(r);
            case RAW -> raw(r, 0xFFFF, f -> f > 255);
        };
    }

    /** One of CPython's four Bluetooth forms; bdaddrs often all-zero, all-FF or in lower case. */
    public static SockAddr.Bluetooth bluetooth(RandomGenerator r) {
        StringBuilder a = new StringBuilder();
        int kind = r.nextInt(4);
        for (int i = 0; i < 6; i++) {
            int v = kind == 0 ? 0 : kind == 1 ? 0xFF : r.nextInt(256);
            String hex = Integer.toHexString(v);
            a.append(i == 0 ? "" : ":").append(r.nextBoolean() ? hex : hex.toUpperCase(java.util.Locale.ROOT));
        }
        return switch (r.nextInt(4)) {
            case 0 -> SockAddr.Bluetooth.l2cap(a.toString(), port(r));
            case 1 -> SockAddr.Bluetooth.rfcomm(a.toString(), r.nextInt(256));
            case 2 -> SockAddr.Bluetooth.hci(port(r));
            default -> SockAddr.Bluetooth.sco(a.toString());
        };
    }

    /** A port, often 0, 1, 65535 or a power of two. */
    public static int port(RandomGenerator r) {
        return switch (r.nextInt(6)) {
            case 0 -> 0;
            case 1 -> r.nextBoolean() ? 1 : 0xFFFF;
            case 2 -> 1 << r.nextInt(16);
            default -> r.nextInt(0x10000);
        };
    }

    /** An IPv4 address and port: any, loopback, broadcast, or random bytes. */
    public static SockAddr.Inet4 inet4(RandomGenerator r) {
        byte[] a = new byte[4];
        switch (r.nextInt(5)) {
            case 0 -> { } // 0.0.0.0
            case 1 -> a = new byte[] {127, 0, 0, 1};
            case 2 -> a = new byte[] {-1, -1, -1, -1};
            default -> r.nextBytes(a);
        }
        return new SockAddr.Inet4(inet4Address(a), port(r));
    }

    /** An IPv4 address in 127.0.0.0/8 (every one of them is local on Linux) with port 0: bindable. */
    public static SockAddr.Inet4 loopback4(RandomGenerator r) {
        byte[] a = {127, (byte) r.nextInt(256), (byte) r.nextInt(256), (byte) (1 + r.nextInt(254))};
        return new SockAddr.Inet4(inet4Address(a), 0);
    }

    /**
     * An IPv6 address with port, flow info (0 to 2^20-1) and scope id (any 32-bit value):
     * unspecified, loopback, IPv4-mapped, link-local, multicast or random bytes.
     */
    public static SockAddr.Inet6 inet6(RandomGenerator r) {
        byte[] a = new byte[16];
        switch (r.nextInt(7)) {
            case 0 -> { } // ::
            case 1 -> a[15] = 1; // ::1
            case 2 -> { // ::ffff:a.b.c.d stays IPv6 in a SockAddr.Inet6
                a[10] = -1;
                a[11] = -1;
                for (int i = 12; i < 16; i++) {
                    a[i] = (byte) r.nextInt(256);
                }
            }
            case 3 -> { // fe80::/10
                r.nextBytes(a);
                a[0] = (byte) 0xfe;
                a[1] = (byte) (0x80 | (a[1] & 0x3f));
            }
            case 4 -> { // ff00::/8
                r.nextBytes(a);
                a[0] = -1;
            }
            default -> r.nextBytes(a);
        }
        int flow = switch (r.nextInt(4)) {
            case 0 -> 0;
            case 1 -> 0xFFFFF;
            default -> r.nextInt(0x100000);
        };
        int scope = switch (r.nextInt(4)) {
            case 0 -> 0;
            case 1 -> r.nextBoolean() ? 1 : -1; // -1 is 4294967295, unsigned
            default -> r.nextInt();
        };
        return new SockAddr.Inet6(inet6Address(a), port(r), flow, scope);
    }

    /** A file-system path of 1 to 107 bytes, none NUL: arbitrary bytes, not only UTF-8. */
    public static SockAddr.Unix unixPath(RandomGenerator r) {
        int n = lengthUpTo(r, SockAddr.UNIX_PATH_MAX - 1);
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (1 + r.nextInt(255));
        }
        return new SockAddr.Unix(b);
    }

    /**
     * A fresh path in {@code dir} whose UTF-8 form is at most {@code maxBytes} long (at most
     * {@code SockAddr.UNIX_PATH_MAX - 1}), with a random name of random length: letters,
     * digits and other code points, never {@code '/'} or NUL. Nothing is created.
     *
     * @throws IllegalArgumentException if {@code dir} leaves no room for a name
     */
    public static SockAddr.Unix unixPathUnder(RandomGenerator r, Path dir, int maxBytes) {
        byte[] prefix = (dir.toString() + "/").getBytes(StandardCharsets.UTF_8);
        int room = Math.min(maxBytes, SockAddr.UNIX_PATH_MAX - 1) - prefix.length;
        if (room < 1) {
            throw new IllegalArgumentException("no room for a name under " + dir + " within " + maxBytes + " bytes");
        }
        int want = lengthUpTo(r, room);
        ByteArrayOutputStream name = new ByteArrayOutputStream();
        while (name.size() < want) {
            byte[] cp = Character.toString(codePoint(r)).getBytes(StandardCharsets.UTF_8);
            if (name.size() + cp.length > want) {
                cp = new byte[] {(byte) ('a' + r.nextInt(26))};
            }
            name.writeBytes(cp);
        }
        byte[] all = new byte[prefix.length + name.size()];
        System.arraycopy(prefix, 0, all, 0, prefix.length);
        System.arraycopy(name.toByteArray(), 0, all, prefix.length, name.size());
        return new SockAddr.Unix(all);
    }

    private static int codePoint(RandomGenerator r) {
        String plain = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.,+=@ ";
        return switch (r.nextInt(8)) {
            case 0 -> 0x80 + r.nextInt(0x780); // two bytes
            case 1 -> 0x800 + r.nextInt(0xD800 - 0x800); // three bytes, below the surrogates
            case 2 -> 0x10000 + r.nextInt(0x10FFFF - 0x10000); // four bytes
            default -> plain.charAt(r.nextInt(plain.length()));
        };
    }

    /** A Linux abstract name: a NUL, then 0 to 107 arbitrary bytes (NULs included). */
    public static SockAddr.Unix unixAbstract(RandomGenerator r) {
        byte[] b = new byte[1 + lengthUpTo(r, SockAddr.UNIX_PATH_MAX - 1)];
        for (int i = 1; i < b.length; i++) {
            b[i] = (byte) r.nextInt(256);
        }
        return new SockAddr.Unix(b);
    }

    /** A netlink address: any port id and group mask. */
    public static SockAddr.Netlink netlink(RandomGenerator r) {
        return new SockAddr.Netlink(edgyInt(r), edgyInt(r));
    }

    /** A vsock address: any CID and port, often {@code VMADDR_CID_ANY}/{@code VMADDR_PORT_ANY} (-1) or the host (2). */
    public static SockAddr.Vsock vsock(RandomGenerator r) {
        int cid = switch (r.nextInt(4)) {
            case 0 -> -1;
            case 1 -> 2;
            default -> edgyInt(r);
        };
        return new SockAddr.Vsock(cid, r.nextInt(4) == 0 ? -1 : edgyInt(r));
    }

    /**
     * An {@code AF_PACKET} address on one of this host's interfaces (see
     * {@link #interfaceNames()}) or on {@code ""} (every interface): any protocol, packet
     * type and hardware type, often the common ones, and a hardware address of 0 to 8 bytes
     * ({@code sll_addr}), now and then up to {@link SockAddr.Packet#MAX_ADDR_LEN}.
     * Which names it draws depends on the host; {@link #packet(RandomGenerator, List)}
     * takes them from the caller.
     */
    public static SockAddr.Packet packet(RandomGenerator r) {
        return packet(r, interfaceNames());
    }

    /** An {@code AF_PACKET} address on one of {@code ifnames}, or on {@code ""}. */
    public static SockAddr.Packet packet(RandomGenerator r, List<String> ifnames) {
        String ifname = ifnames.isEmpty() || r.nextInt(4) == 0 ? "" : ifnames.get(r.nextInt(ifnames.size()));
        int proto = switch (r.nextInt(5)) {
            case 0 -> 0;
            case 1 -> 0x0003; // ETH_P_ALL
            case 2 -> r.nextBoolean() ? 0x0800 : 0x86DD; // ETH_P_IP, ETH_P_IPV6
            case 3 -> 0xFFFF;
            default -> r.nextInt(0x10000);
        };
        int pkttype = r.nextBoolean() ? r.nextInt(8) : r.nextInt(256); // PACKET_HOST..PACKET_KERNEL, or any byte
        int hatype = switch (r.nextInt(4)) {
            case 0 -> 1; // ARPHRD_ETHER
            case 1 -> 772; // ARPHRD_LOOPBACK
            case 2 -> r.nextBoolean() ? 0xFFFF : 0xFFFE; // ARPHRD_VOID, ARPHRD_NONE
            default -> r.nextInt(0x10000);
        };
        byte[] hw = new byte[r.nextInt(5) == 0 ? lengthUpTo(r, SockAddr.Packet.MAX_ADDR_LEN) : lengthUpTo(r, 8)];
        r.nextBytes(hw);
        return new SockAddr.Packet(ifname, proto, pkttype, hatype, hw);
    }

    /**
     * An {@code AF_CAN} address on one of this host's interfaces or on {@code ""}, in one of
     * CPython's three forms: {@code (interface,)}, ISOTP's {@code (interface, rx, tx)} with
     * standard and extended ids, J1939's {@code (interface, name, pgn, addr)} with
     * {@code J1939_NO_NAME}/{@code NO_PGN}/{@code NO_ADDR} and any 64-bit name.
     */
    public static SockAddr.Can can(RandomGenerator r) {
        List<String> ifnames = interfaceNames();
        String ifname = ifnames.isEmpty() || r.nextInt(4) == 0 ? "" : ifnames.get(r.nextInt(ifnames.size()));
        return switch (r.nextInt(3)) {
            case 0 -> SockAddr.Can.of(ifname);
            case 1 -> SockAddr.Can.isotp(ifname, r.nextBoolean() ? r.nextInt(0x800) : 0x8000_0000 | r.nextInt(0x2000_0000),
                    edgyInt(r));
            default -> SockAddr.Can.j1939(ifname, r.nextBoolean() ? 0 : r.nextLong(),
                    r.nextBoolean() ? 0x40000 : edgyInt(r), r.nextBoolean() ? 0xFF : r.nextInt(256));
        };
    }

    /**
     * An {@code AF_ALG} address: a common type and algorithm, or names of random printable
     * and non-ASCII characters up to the longest allowed ({@value SockAddr.Alg#MAX_TYPE} and
     * {@value SockAddr.Alg#MAX_NAME} bytes), with any feat and mask.
     */
    public static SockAddr.Alg alg(RandomGenerator r) {
        if (r.nextBoolean()) {
            String[][] known = {{"hash", "sha256"}, {"skcipher", "cbc(aes)"}, {"aead", "gcm(aes)"}, {"rng", "stdrng"}};
            String[] k = known[r.nextInt(known.length)];
            return new SockAddr.Alg(k[0], k[1]);
        }
        return new SockAddr.Alg(utf8UpTo(r, SockAddr.Alg.MAX_TYPE), utf8UpTo(r, SockAddr.Alg.MAX_NAME), edgyInt(r), edgyInt(r));
    }

    /** A string without NUL whose UTF-8 is at most {@code max} bytes, often exactly that long. */
    private static String utf8UpTo(RandomGenerator r, int max) {
        StringBuilder sb = new StringBuilder();
        int target = r.nextBoolean() ? max : r.nextInt(max + 1);
        int bytes = 0;
        while (bytes < target) {
            char c = r.nextInt(4) == 0 ? (char) (0xA0 + r.nextInt(0x700)) : (char) (0x20 + r.nextInt(0x5F));
            int n = c < 0x80 ? 1 : 2;
            if (bytes + n > target) {
                c = 'a';
                n = 1;
            }
            sb.append(c);
            bytes += n;
        }
        return sb.toString();
    }

    /** An {@code AF_TIPC} address of each type (a service range, a service, a socket id), any values, scopes 1-3 or any byte. */
    public static SockAddr.Tipc tipc(RandomGenerator r) {
        int type = 1 + r.nextInt(3);
        int scope = r.nextBoolean() ? 1 + r.nextInt(3) : r.nextInt(256);
        return new SockAddr.Tipc(type, edgyInt(r), edgyInt(r), type == SockAddr.Tipc.ID ? 0 : edgyInt(r), scope);
    }

    private static volatile List<String> interfaceNames;

    /** The names of this host's network interfaces, as {@code java.net} lists them (looked up once). */
    public static List<String> interfaceNames() {
        List<String> names = interfaceNames;
        if (names == null) {
            try {
                names = java.net.NetworkInterface.networkInterfaces().map(java.net.NetworkInterface::getName)
                        .filter(n -> n.getBytes(StandardCharsets.UTF_8).length <= SockAddr.Packet.MAX_IFNAME).sorted().toList();
            } catch (java.net.SocketException e) {
                names = List.of();
            }
            interfaceNames = names;
        }
        return names;
    }

    /**
     * A raw address: a family number in 0..{@code maxFamily} that {@code usable} accepts
     * (keep out the families the code under test knows, or they decode as their own form),
     * and 0 to 126 bytes of data (a {@code sockaddr_storage} less the family field).
     *
     * @throws IllegalArgumentException if {@code usable} accepts none of 64 tries
     */
    public static SockAddr.Raw raw(RandomGenerator r, int maxFamily, IntPredicate usable) {
        for (int i = 0; i < 64; i++) {
            int f = r.nextInt(maxFamily + 1);
            if (usable.test(f)) {
                byte[] d = new byte[lengthUpTo(r, 126)];
                r.nextBytes(d);
                return new SockAddr.Raw(f, d);
            }
        }
        throw new IllegalArgumentException("no usable family number in 0.." + maxFamily);
    }

    /**
     * Bytes shaped like what the kernel hands back from {@code accept}, {@code recvfrom} or
     * {@code getsockname}: a 128-byte {@code sockaddr_storage} of random content whose
     * family field holds one of {@code families} or a random number, and a length of
     * 0 to 128; in the BSD layout the first byte ({@code sa_len}) is the length or random.
     * The buffer is in native order and exactly {@code offset + length} bytes long (at
     * least 2), so reading past the length throws.
     */
    public static Sockaddr sockaddrBytes(RandomGenerator r, boolean bsd, List<Integer> families) {
        int len = switch (r.nextInt(5)) {
            case 0 -> r.nextInt(3); // 0, 1, 2
            case 1 -> List.of(8, 12, 16, 24, 27, 28, 110, 128).get(r.nextInt(8));
            default -> r.nextInt(129);
        };
        byte[] body = new byte[128];
        switch (r.nextInt(3)) {
            case 0 -> { } // zeros: NUL-filled names
            case 1 -> { // no NUL anywhere: a path that fills its field
                for (int i = 0; i < body.length; i++) {
                    body[i] = (byte) (1 + r.nextInt(255));
                }
            }
            default -> r.nextBytes(body);
        }
        int family = r.nextInt(4) == 0 || families.isEmpty() ? r.nextInt(bsd ? 256 : 0x10000) : families.get(r.nextInt(families.size()));
        int offset = r.nextInt(4) == 0 ? r.nextInt(64) : 0;
        ByteBuffer b = ByteBuffer.allocate(offset + Math.max(len, 2)).order(ByteOrder.nativeOrder());
        b.put(offset, body, 0, Math.max(len, 2));
        if (bsd) {
            b.put(offset, r.nextBoolean() ? (byte) len : (byte) r.nextInt(256));
            b.put(offset + 1, (byte) family);
        } else {
            b.putShort(offset, (short) family);
        }
        return new Sockaddr(b, offset, len, family);
    }

    /** Kernel-shaped address bytes: {@code length} bytes of {@code buffer} from {@code offset}. */
    public record Sockaddr(ByteBuffer buffer, int offset, int length, int family) {
        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder("sockaddr(family " + family + ", len " + length + ", at " + offset + ": ");
            for (int i = 0; i < Math.min(length, buffer.capacity() - offset); i++) {
                sb.append(String.format("%02x", buffer.get(offset + i)));
            }
            return sb.append(')').toString();
        }
    }

    /** 0..max, with 0, 1 and max often. */
    private static int lengthUpTo(RandomGenerator r, int max) {
        return switch (r.nextInt(6)) {
            case 0 -> Math.min(1, max);
            case 1 -> max;
            default -> r.nextInt(max + 1);
        };
    }

    private static int edgyInt(RandomGenerator r) {
        return switch (r.nextInt(5)) {
            case 0 -> 0;
            case 1 -> -1;
            case 2 -> r.nextBoolean() ? Integer.MIN_VALUE : Integer.MAX_VALUE;
            default -> r.nextInt();
        };
    }

    private static Inet4Address inet4Address(byte[] a) {
        try {
            return (Inet4Address) InetAddress.getByAddress(a);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    private static Inet6Address inet6Address(byte[] a) {
        try {
            return Inet6Address.getByAddress(null, a, null);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
