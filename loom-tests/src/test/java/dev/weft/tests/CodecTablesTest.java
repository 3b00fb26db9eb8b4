package dev.weft.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.Family;
import dev.weft.SockAddr;
import dev.weft.SockOpt;
import dev.weft.Sockets;
import dev.weft.common.FamilyCodec;
import dev.weft.common.Inet4Codec;
import dev.weft.common.Inet6Codec;
import dev.weft.common.OptionCodec;
import dev.weft.common.OptionCodecs;
import dev.weft.common.SockAddrCodec;
import dev.weft.common.SockAddrLayout;
import dev.weft.common.UnixCodec;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The two tables that make families and options open: {@link SockAddrCodec} holds only the
 * families it is given (a record without a codec does not encode, its bytes decode as
 * {@link SockAddr.Raw}); {@link OptionCodecs} gives each typed option the codec of its type
 * unless an entry names another, and an option of a struct type exists only with an entry.
 */
class CodecTablesTest {
    private static final Map<String, Integer> NUMBERS = Map.of("AF_INET", 2, "AF_INET6", 10, "AF_UNIX", 1);

    @Test
    void aFamilyLeftOutOfTheListDoesNotEncodeAndDecodesAsRaw() {
        SockAddrCodec inetOnly = new SockAddrCodec(SockAddrLayout.SA_FAMILY, NUMBERS, List.of(Inet4Codec.INSTANCE));
        ByteBuffer b = ByteBuffer.allocate(128).order(ByteOrder.nativeOrder());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> inetOnly.encode(SockAddr.unix("/x"), b, 0));
        assertTrue(e.getMessage().contains("AF_UNIX"), e.getMessage());
        SockAddrCodec full = new SockAddrCodec(SockAddrLayout.SA_FAMILY, NUMBERS, List.of(Inet4Codec.INSTANCE, UnixCodec.INSTANCE));
        int len = full.encode(SockAddr.unix("/x"), b, 0);
        assertEquals(new SockAddr.Raw(1, new byte[] {'/', 'x', 0}), inetOnly.decode(b, 0, len), "AF_UNIX bytes without its codec");
        assertEquals(SockAddr.unix("/x"), full.decode(b, 0, len), "with it");
    }

    /** A codec written outside weft's providers, for a family no list names: the registry needs nothing else. */
    @Test
    void anyCodecTheListNamesServesItsFamily() {
        FamilyCodec<SockAddr.Vsock> mine = new FamilyCodec<>(Family.VSOCK, SockAddr.Vsock.class) {
            @Override
            public int encode(SockAddr.Vsock a, ByteBuffer b, int off) {
                b.putInt(off + 2, a.cid()).putInt(off + 6, a.port());
                return 10;
            }

            @Override
            public SockAddr decode(ByteBuffer b, int off, int len, int nativeFamily) {
                return len < 10 ? null : new SockAddr.Vsock(b.getInt(off + 2), b.getInt(off + 6));
            }
        };
        SockAddrCodec c = new SockAddrCodec(SockAddrLayout.SA_LEN, Map.of("AF_VSOCK", 99), List.of(mine));
        ByteBuffer b = ByteBuffer.allocate(128).order(ByteOrder.nativeOrder());
        assertEquals(10, c.encode(new SockAddr.Vsock(3, 1024), b, 0));
        assertEquals(10, b.get(0), "sa_len");
        assertEquals(99, b.get(1), "the family number the constants give");
        assertEquals(new SockAddr.Vsock(3, 1024), c.decode(b, 0, 10));
        assertEquals(new SockAddr.Raw(99, Arrays.copyOfRange(b.array(), 2, 9)), c.decode(b, 0, 9), "too short for the codec: Raw");
    }

    @Test
    void aFamilyWithoutANumberOnThisOsIsLeftOut() {
        SockAddrCodec c = new SockAddrCodec(SockAddrLayout.SA_LEN, Map.of("AF_INET", 2), List.of(Inet4Codec.INSTANCE, Inet6Codec.INSTANCE));
        assertThrows(IllegalArgumentException.class, () -> c.encode(new SockAddr.Inet6(
                (java.net.Inet6Address) InetAddress.getByName("::1"), 1), ByteBuffer.allocate(128), 0));
    }

    @Test
    void twoCodecsForOneFamilyAreRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new SockAddrCodec(SockAddrLayout.SA_FAMILY, NUMBERS, List.of(Inet4Codec.INSTANCE, Inet4Codec.INSTANCE)));
    }

    @Test
    void aRawFamilyTheHeaderCannotHoldIsRefused() {
        SockAddrCodec bsd = new SockAddrCodec(SockAddrLayout.SA_LEN, NUMBERS, List.of());
        assertThrows(IllegalArgumentException.class, () -> bsd.encode(new SockAddr.Raw(256, new byte[4]), ByteBuffer.allocate(128), 0),
                "sa_family is 8 bits on the BSDs");
    }

    @Test
    void typedOptionsTakeTheirTypesCodecAndANamedEntryOverridesIt() {
        OptionCodecs plain = new OptionCodecs(Map.of());
        assertArrayEquals(OptionCodecs.ints(1), plain.encode("TCP_NODELAY", true));
        assertEquals(true, plain.decode("TCP_NODELAY", new byte[] {1}, 1), "a one-byte boolean");
        assertEquals(300, plain.decode("SO_RCVBUF", OptionCodecs.ints(300), 4));
        assertEquals("cubic", plain.decode("TCP_CONGESTION", new byte[] {'c', 'u', 'b', 'i', 'c', 0, 'x'}, 7));
        OptionCodec<Integer> doubled = OptionCodec.of(Integer.class, v -> OptionCodecs.ints(2 * v), (b, n) -> OptionCodecs.intValue(b, n) / 2);
        OptionCodecs named = new OptionCodecs(Map.of("SO_RCVBUF", doubled));
        assertArrayEquals(OptionCodecs.ints(600), named.encode("SO_RCVBUF", 300), "the entry, not the type's codec");
        assertEquals(300, named.decode("SO_RCVBUF", OptionCodecs.ints(600), 4));
    }

    @Test
    void aStructOptionExistsOnlyWithAnEntry() throws Exception {
        SockOpt.Membership m = SockOpt.Membership.of((Inet4Address) InetAddress.getByName("239.1.2.3"), 0);
        assertThrows(IllegalArgumentException.class, () -> new OptionCodecs(Map.of()).encode("IP_ADD_MEMBERSHIP", m));
        assertEquals(8, new OptionCodecs(Map.of("IP_ADD_MEMBERSHIP", OptionCodecs.IP_MREQ)).encode("IP_ADD_MEMBERSHIP", m).length,
                "struct ip_mreq");
    }

    @Test
    void aMembershipOfTheWrongFamilyIsRefusedNotMisencoded() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Sockets.provider().nativeFamily(Family.INET6) >= 0, "this OS has no AF_INET6");
        SockOpt.Membership v6 = SockOpt.Membership.of(InetAddress.getByName("ff02::1"), 1);
        SockOpt.Membership v4 = SockOpt.Membership.of(InetAddress.getByName("239.1.2.3"), 0);
        assertThrows(IllegalArgumentException.class, () -> Sockets.provider().encodeOption("IP_ADD_MEMBERSHIP", v6));
        assertThrows(IllegalArgumentException.class, () -> Sockets.provider().encodeOption("IPV6_JOIN_GROUP", v4));
    }
}
