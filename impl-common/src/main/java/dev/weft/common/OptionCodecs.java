package dev.weft.common;

import dev.weft.SockOpt;
import java.net.Inet4Address;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * One OS's table of option value codecs, by option name: every {@link SockOpt} of type
 * {@code Boolean}, {@code Integer} or {@code String} gets {@link #BOOLEAN}, {@link #INT} or
 * {@link #TEXT} unless the OS names another codec for it ({@code SO_LINGER} is an
 * {@code Integer} held in a {@code struct linger}); an option of any other type needs a
 * named codec, and without one it does not exist on that OS. Also the codecs every OS
 * shares.
 *
 * <pre>{@code
 * OptionCodecs options = new OptionCodecs(Map.of("SO_LINGER", LINGER, "IPV6_JOIN_GROUP", OptionCodecs.IPV6_MREQ));
 * byte[] raw = options.encode("TCP_NODELAY", true);
 * }</pre>
 */
public final class OptionCodecs {
    /** A C {@code int} in native order; a one-byte value (some IPv4 options on the BSDs) is unsigned. */
    public static final OptionCodec<Integer> INT = OptionCodec.of(Integer.class, v -> ints(v), OptionCodecs::intValue);
    /** A C {@code int} that is 0 or 1. */
    public static final OptionCodec<Boolean> BOOLEAN = OptionCodec.of(Boolean.class, v -> ints(v ? 1 : 0),
            (b, n) -> intValue(b, n) != 0);
    /** A name, NUL-terminated as the kernel reads it, up to the first NUL as it writes it. */
    public static final OptionCodec<String> TEXT = OptionCodec.of(String.class, v -> {
        byte[] t = v.getBytes(StandardCharsets.UTF_8);
        return Arrays.copyOf(t, t.length + 1);
    }, (b, n) -> {
        int end = 0;
        while (end < n && b[end] != 0) {
            end++;
        }
        return new String(b, 0, end, StandardCharsets.UTF_8);
    });
    /** {@code struct ipv6_mreq}: the group, then the interface index (every OS, Winsock too). */
    public static final OptionCodec<SockOpt.Membership> IPV6_MREQ = OptionCodec.of(SockOpt.Membership.class, m -> {
        if (!m.isIpv6()) {
            throw new IllegalArgumentException("an IPv6 group option needs an IPv6 group, got " + m.group().getHostAddress());
        }
        return buffer(20).put(m.group().getAddress()).putInt(m.interfaceIndex()).array();
    }, null);
    /** {@code struct ip_mreq}: the group, then the interface address (BSD, Winsock; Linux takes it too). */
    public static final OptionCodec<SockOpt.Membership> IP_MREQ = OptionCodec.of(SockOpt.Membership.class, m -> {
        requireIpv4(m);
        if (m.interfaceIndex() != 0) {
            throw new IllegalArgumentException("this OS joins IPv4 groups by interface address, not index");
        }
        return buffer(8).put(m.group().getAddress()).put(interfaceAddress(m)).array();
    }, null);

    private final Map<String, OptionCodec<?>> byName = new HashMap<>();

    /** The table for one OS: the defaults by type, overridden or completed by {@code named}. */
    public OptionCodecs(Map<String, ? extends OptionCodec<?>> named) {
        for (SockOpt<?> o : SockOpt.all()) {
            OptionCodec<?> c = o.type() == Boolean.class ? BOOLEAN : o.type() == Integer.class ? INT
                    : o.type() == String.class ? TEXT : null;
            if (c != null) {
                byName.put(o.name(), c);
            }
        }
        named.forEach((name, c) -> byName.put(name, c));
    }

    /**
     * The bytes of {@code value} for option {@code name}; a name outside the table takes
     * the default of the value's type.
     *
     * @throws IllegalArgumentException if this OS has no encoding for the option or value
     */
    public byte[] encode(String name, Object value) {
        OptionCodec<?> c = byName.get(name);
        if (c == null) {
            c = value instanceof Boolean ? BOOLEAN : value instanceof Integer ? INT : value instanceof String ? TEXT : null;
        }
        if (c == null || !c.type().isInstance(value)) {
            throw new IllegalArgumentException("no encoding for " + name + " = " + value + " on this OS");
        }
        return encode(c, value);
    }

    private static <T> byte[] encode(OptionCodec<T> c, Object value) {
        return c.encode(c.type().cast(value));
    }

    /** The value of option {@code name} from {@code length} bytes; a name outside the table decodes as an int. */
    public Object decode(String name, byte[] value, int length) {
        return byName.getOrDefault(name, INT).decode(value, length);
    }

    /** A native-order buffer of {@code n} bytes. */
    public static ByteBuffer buffer(int n) {
        return ByteBuffer.allocate(n).order(ByteOrder.nativeOrder());
    }

    /** C {@code int}s in native order. */
    public static byte[] ints(int... values) {
        ByteBuffer b = buffer(4 * values.length);
        for (int v : values) {
            b.putInt(v);
        }
        return b.array();
    }

    /** The native {@code int} of a value, or its one byte unsigned. */
    public static int intValue(byte[] b, int length) {
        return length == 1 ? b[0] & 0xFF : b.length < 4 ? 0 : ByteBuffer.wrap(b).order(ByteOrder.nativeOrder()).getInt(0);
    }

    /** Throws unless the group is IPv4. */
    public static void requireIpv4(SockOpt.Membership m) {
        if (m.isIpv6()) {
            throw new IllegalArgumentException("an IPv4 group option needs an IPv4 group, got " + m.group().getHostAddress());
        }
    }

    /** The interface address of an IPv4 membership, {@code INADDR_ANY} if none. */
    public static byte[] interfaceAddress(SockOpt.Membership m) {
        return m.interfaceAddress() == null ? new byte[4] : ((Inet4Address) m.interfaceAddress()).getAddress();
    }
}
