package dev.weft.macos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.weft.Capability;
import dev.weft.Credentials;
import dev.weft.Errno;
import dev.weft.Family;
import dev.weft.SockAddr;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Runs on any OS without loading native code: what the macOS provider decides from its tables. */
class MacProviderTest {
    private final MacProvider p = new MacProvider();

    @Test
    void declinesOffMacOsAndAcceptsOnlyItsTwoArchitectures() {
        Assumptions.assumeFalse(System.getProperty("os.name").toLowerCase(Locale.ROOT).startsWith("mac"),
                "this JVM runs on macOS, where the provider is meant to accept");
        assertFalse(p.isSupported());
        assertTrue(MacProvider.isMac("Mac OS X", "aarch64"));
        assertTrue(MacProvider.isMac("Mac OS X", "x86_64"));
        assertFalse(MacProvider.isMac("Mac OS X", "ppc"));
        assertFalse(MacProvider.isMac("Linux", "amd64"));
    }

    @Test
    void forcedOnAnotherOsRefusesInOneLineBeforeAnyNativeCall() {
        Assumptions.assumeFalse(p.isSupported(), "on macOS the provider runs");
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class, () -> p.socket(2, 1, 0));
        assertTrue(e.getMessage().startsWith("weft: the macos provider runs only on macOS"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
        assertThrows(UnsupportedOperationException.class, p::poller);
        assertThrows(UnsupportedOperationException.class, () -> p.socketPair(1, 1, 0, new long[2]));
    }

    @Test
    void numbersAreTheHeaderTable() {
        assertEquals(DarwinConstants.socketConstants(), p.constants());
        assertEquals(30, p.nativeFamily(Family.INET6));
        assertEquals(1, p.nativeFamily(Family.UNIX));
        assertEquals(32, p.nativeFamily(Family.SYSTEM));
        assertEquals(-1, p.nativeFamily(Family.NETLINK));
    }

    @Test
    void errnoMappingIsTheHeaderTableBothWays() {
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, Integer> e : DarwinConstants.errnos().entrySet()) {
            Errno sym;
            try {
                sym = Errno.valueOf(e.getKey());
            } catch (IllegalArgumentException notInWeft) {
                continue;
            }
            if (p.nativeErrno(sym) != e.getValue()) {
                wrong.add(sym + " -> " + p.nativeErrno(sym) + " (headers " + e.getValue() + ")");
            }
            // an alias (EWOULDBLOCK for EAGAIN) maps back to a name with the same number
            Errno back = p.errno(e.getValue());
            if (!e.getValue().equals(DarwinConstants.errnos().get(back.name()))) {
                wrong.add(e.getValue() + " -> " + back);
            }
        }
        assertEquals(List.of(), wrong);
        assertEquals(35, p.nativeErrno(Errno.EAGAIN));
        assertEquals(55, p.nativeErrno(Errno.ENOBUFS));
        assertEquals(Errno.ECONNRESET, p.errno(54));
        assertEquals(Errno.UNKNOWN, p.errno(100_000));
    }

    @Test
    void capabilitiesSayWhatDarwinLacks() {
        assertFalse(p.capabilities().contains(Capability.UNIX_ABSTRACT));
        assertFalse(p.capabilities().contains(Capability.UNIX_SEQPACKET));
        assertFalse(p.capabilities().contains(Capability.UNIX_AUTOBIND));
        assertTrue(p.capabilities().contains(Capability.UNIX_DGRAM));
        assertTrue(p.capabilities().contains(Capability.SOCKETPAIR));
    }

    @Test
    void enobufsRetriesAreBoundedAndBackOff() {
        long total = 0;
        long prev = 0;
        int attempts = 0;
        for (int i = 0; MacProvider.enobufsBackoffNanos(i) >= 0; i++) {
            long w = MacProvider.enobufsBackoffNanos(i);
            assertTrue(w >= prev && w > 0 && w <= MacProvider.ENOBUFS_MAX_NANOS, "attempt " + i + ": " + w);
            prev = w;
            total += w;
            attempts++;
        }
        assertEquals(MacProvider.ENOBUFS_RETRIES, attempts);
        assertEquals(MacProvider.ENOBUFS_FIRST_NANOS, MacProvider.enobufsBackoffNanos(0));
        assertEquals(2 * MacProvider.ENOBUFS_FIRST_NANOS, MacProvider.enobufsBackoffNanos(1));
        assertTrue(total < 50_000_000L, "all retries together wait " + total + " ns");
        assertEquals(-1, MacProvider.enobufsBackoffNanos(-1));
        assertEquals(-1, MacProvider.enobufsBackoffNanos(Integer.MAX_VALUE));
    }

    /** The retry loop itself, with a fake send: bounded, only on AF_UNIX datagrams, only for ENOBUFS. */
    @Test
    void enobufsIsRetriedOnUnixDatagramsOnlyAndThenReported() {
        long enobufs = -55;
        int[] calls = {0};
        // Always full: 12 retries after the first attempt, then ENOBUFS.
        assertEquals(enobufs, MacProvider.retryEnobufs(enobufs, enobufs, () -> {
            calls[0]++;
            return enobufs;
        }, () -> true));
        assertEquals(MacProvider.ENOBUFS_RETRIES, calls[0]);
        // Room after two retries: the send's result comes back.
        calls[0] = 0;
        assertEquals(7, MacProvider.retryEnobufs(enobufs, enobufs, () -> ++calls[0] < 2 ? enobufs : 7, () -> true));
        assertEquals(2, calls[0]);
        // Not an AF_UNIX datagram socket, or another error: no retry, the socket is not even asked twice.
        assertEquals(enobufs, MacProvider.retryEnobufs(enobufs, enobufs, () -> fail("retried"), () -> false));
        assertEquals(-35, MacProvider.retryEnobufs(-35, enobufs, () -> fail("retried"), () -> fail("asked")));
        // An interrupt ends the retries at once and stays set.
        Thread.currentThread().interrupt();
        try {
            assertEquals(enobufs, MacProvider.retryEnobufs(enobufs, enobufs, () -> fail("retried"), () -> true));
            assertTrue(Thread.currentThread().isInterrupted());
        } finally {
            Thread.interrupted();
        }
    }

    private ByteBuffer area() {
        return ByteBuffer.allocate(256).order(ByteOrder.nativeOrder());
    }

    @Test
    void unixPathsFitDarwinsSunPathOrAreRefused() {
        ByteBuffer b = area();
        byte[] longest = "/".repeat(DarwinConstants.SIZEOF_SOCKADDR_UN_SUN_PATH - 1).getBytes();
        int len = p.encodeSockAddr(new SockAddr.Unix(longest), b, 0);
        assertEquals(DarwinConstants.OFF_SOCKADDR_UN_SUN_PATH + longest.length + 1, len);
        assertEquals(len, b.get(0) & 0xFF); // sa_len
        assertEquals(1, b.get(1));          // AF_UNIX, 8 bits
        assertEquals(new SockAddr.Unix(longest), p.decodeSockAddr(b, 0, len));

        byte[] tooLong = "/".repeat(DarwinConstants.SIZEOF_SOCKADDR_UN_SUN_PATH).getBytes();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> p.encodeSockAddr(new SockAddr.Unix(tooLong), area(), 0));
        assertTrue(e.getMessage().contains("at most 103 on macOS"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> p.encodeSockAddr(SockAddr.unixAbstract("x"), area(), 0));
        assertTrue(e.getMessage().contains("abstract"), e.getMessage());
    }

    /** An unbound peer's name is XNU's sun_noname ({16, AF_LOCAL, zeros}): unnamed, not a 14-NUL abstract name. */
    @Test
    void anUnboundPeersNameIsUnnamed() {
        ByteBuffer b = area();
        b.put(0, (byte) 16).put(1, (byte) 1);
        assertEquals(SockAddr.UNIX_UNNAMED, p.decodeSockAddr(b, 0, 16));
        assertEquals(SockAddr.UNIX_UNNAMED, p.decodeSockAddr(b, 0, DarwinConstants.SIZEOF_SOCKADDR_UN));
        assertEquals(SockAddr.UNIX_UNNAMED, p.decodeSockAddr(b, 0, 2));
        b.put(2, (byte) '/').put(3, (byte) 'x');
        assertEquals(SockAddr.unix("/x"), p.decodeSockAddr(b, 0, 16));
    }

    /** sys/ucred.h: struct xucred { u_int cr_version; uid_t cr_uid; short cr_ngroups; gid_t cr_groups[16]; } */
    @Test
    void decodesLocalPeercredsXucred() {
        ByteBuffer b = ByteBuffer.allocate(76).order(ByteOrder.nativeOrder());
        b.putInt(0).putInt(501).putShort((short) 2).putShort((short) 0).putInt(20).putInt(12);
        assertEquals(DarwinConstants.SIZEOF_XUCRED, p.credentialsSize());
        assertEquals(new Credentials(-1, 501, 20), p.decodeCredentials(b.array(), 76));
        assertThrows(IllegalArgumentException.class, () -> p.decodeCredentials(new byte[8], 8));
        b.putInt(0, 1);
        assertThrows(IllegalArgumentException.class, () -> p.decodeCredentials(b.array(), 76));
    }

    /**
     * macOS's typed options as CPython has them there, numbers from the header table; the
     * Linux ones macOS lacks are absent, so Socket refuses them naming the option.
     */
    @Test
    void typedOptionsAreDarwinsWithLevelsAndCodecs() {
        Map<String, Integer> c = p.constants();
        for (String name : List.of("TCP_KEEPALIVE", "TCP_NOTSENT_LOWAT", "SO_NOSIGPIPE", "IP_BOUND_IF", "IPV6_BOUND_IF",
                "LOCAL_PEERCRED", "LOCAL_PEERPID", "SO_REUSEPORT")) {
            assertTrue(c.containsKey(name), name);
        }
        for (String name : List.of("TCP_KEEPIDLE", "SO_PEERCRED", "SO_PASSCRED", "TCP_INFO", "SO_BINDTODEVICE", "TCP_CORK")) {
            assertFalse(c.containsKey(name), name + " is Linux's");
        }
        List<String> wrong = new ArrayList<>();
        for (dev.weft.SockOpt<?> o : dev.weft.SockOpt.all()) {
            if (c.containsKey(o.name()) && !c.containsKey(o.level())) {
                wrong.add(o.name() + ": no level " + o.level());
            }
        }
        assertEquals(List.of(), wrong);
        assertEquals(DarwinConstants.SIZEOF_XUCRED, p.credentialsSize());
        byte[] keepalive = p.encodeOption("TCP_KEEPALIVE", 77);
        assertEquals(77, ByteBuffer.wrap(keepalive).order(ByteOrder.nativeOrder()).getInt());
        assertEquals(4, keepalive.length);
    }

    /** LOCAL_PEERCRED decodes through the typed-option table; it is read-only. */
    @Test
    void localPeercredIsAReadOnlyTypedOption() {
        ByteBuffer b = ByteBuffer.allocate(DarwinConstants.SIZEOF_XUCRED).order(ByteOrder.nativeOrder());
        b.putInt(0).putInt(501).putShort((short) 1).putShort((short) 0).putInt(20); // sys/ucred.h field by field
        assertEquals(new Credentials(-1, 501, 20), p.decodeOption("LOCAL_PEERCRED", b.array(), b.capacity()));
        b.putShort(8, (short) 0); // no groups at all: no gid
        assertEquals(new Credentials(-1, 501, -1), p.decodeOption("LOCAL_PEERCRED", b.array(), b.capacity()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> p.encodeOption("LOCAL_PEERCRED", new Credentials(1, 2, 3)));
        assertTrue(e.getMessage().contains("read-only"), e.getMessage());
    }
}
