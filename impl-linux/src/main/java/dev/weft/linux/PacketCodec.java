package dev.weft.linux;

import dev.weft.Family;
import dev.weft.SockAddr;
import dev.weft.common.FamilyCodec;
import dev.weft.posix.PosixLibc;
import dev.weft.posix.PosixProvider;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * {@code struct sockaddr_ll}: the protocol (big-endian, as {@code htons} leaves it), the
 * interface index, {@code sll_hatype} (native), {@code sll_pkttype}, {@code sll_halen} and
 * the hardware address. The record names the interface, as CPython does: encoding looks the
 * name up ({@code if_nametoindex}), decoding looks the index up ({@code if_indextoname}),
 * and an index without a name decodes to {@code ""} as in CPython's {@code makesockaddr}.
 * Unlike CPython, {@code ""} encodes to index 0 (bind to every interface, what an
 * unbound socket reports), so every decoded address can be passed back.
 */
final class PacketCodec extends FamilyCodec<SockAddr.Packet> {
    /** {@code ENODEV} on Linux: what {@code SIOCGIFINDEX} fails with for an unknown name. */
    private static final int ENODEV = 19;
    /** {@code offsetof(struct sockaddr_ll, sll_addr)}. */
    private static final int ADDR = 12;
    /** {@code sizeof(struct sockaddr_ll)}: its {@code sll_addr} has room for 8 bytes. */
    private static final int SIZE = 20;

    /**
     * Interface names and indexes. CPython asks the socket's own descriptor
     * ({@code SIOCGIFINDEX}, {@code SIOCGIFNAME}); {@code if_nametoindex} asks in the
     * calling thread's network namespace, which is the socket's unless it was passed in
     * from another namespace.
     */
    interface Interfaces {
        /** The index of {@code name}, or {@code -errno} if there is none. */
        int index(String name);

        /** The name of interface {@code index}, or null if there is none. */
        String name(int index);
    }

    /** This system's interfaces, through libc. */
    static final Interfaces LIBC = new Interfaces() {
        @Override
        public int index(String name) {
            int i = PosixProvider.interfaceIndex(name);
            return i != 0 ? i : -PosixLibc.errno();
        }

        @Override
        public String name(int index) {
            return PosixProvider.interfaceName(index);
        }
    };

    /** The codec over this system's interfaces. */
    static final PacketCodec INSTANCE = new PacketCodec(LIBC);

    private final Interfaces interfaces;

    PacketCodec(Interfaces interfaces) {
        super(Family.PACKET, SockAddr.Packet.class);
        this.interfaces = interfaces;
    }

    @Override
    public int encode(SockAddr.Packet a, ByteBuffer b, int off) {
        int index = 0;
        if (!a.ifname().isEmpty()) {
            index = interfaces.index(a.ifname());
            if (index <= 0) {
                return index < 0 ? index : -ENODEV;
            }
        }
        byte[] hw = a.addr();
        b.put(off + 2, (byte) (a.proto() >>> 8)).put(off + 3, (byte) a.proto());
        b.putInt(off + 4, index);
        b.putShort(off + 8, (short) a.hatype());
        b.put(off + 10, (byte) a.pkttype());
        b.put(off + 11, (byte) hw.length);
        b.put(off + ADDR, hw);
        return Math.max(SIZE, ADDR + hw.length);
    }

    @Override
    public SockAddr decode(ByteBuffer b, int off, int len, int nativeFamily) {
        if (len < ADDR) {
            return null;
        }
        int index = b.getInt(off + 4);
        String name = "";
        if (index != 0) {
            String n = interfaces.name(index);
            // A name the record cannot hold as it is (not UTF-8, too long) decodes to Raw.
            if (n != null && !fits(n)) {
                return null;
            }
            name = n == null ? "" : n;
        }
        int halen = Math.min(Math.min(b.get(off + 11) & 0xFF, len - ADDR), SockAddr.Packet.MAX_ADDR_LEN);
        byte[] hw = new byte[halen];
        b.get(off + ADDR, hw);
        int proto = ((b.get(off + 2) & 0xFF) << 8) | (b.get(off + 3) & 0xFF);
        return new SockAddr.Packet(name, proto, b.get(off + 10) & 0xFF, b.getShort(off + 8) & 0xFFFF, hw);
    }

    static boolean fits(String name) {
        byte[] u = name.getBytes(StandardCharsets.UTF_8);
        return u.length <= SockAddr.Packet.MAX_IFNAME && name.indexOf('\0') < 0 && name.indexOf('\uFFFD') < 0;
    }
}
