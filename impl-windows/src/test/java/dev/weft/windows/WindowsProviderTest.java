package dev.weft.windows;

import static dev.weft.windows.WinsockConstants.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.Capability;
import dev.weft.Errno;
import dev.weft.Family;
import dev.weft.SockAddr;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * What of the Windows provider runs on any OS: choosing it, refusing it off Windows before
 * any native call, its error table, and the bytes of its socket addresses and option
 * values against the header offsets in WinsockConstants (which WinsockConstantsHeaderTest
 * holds to the mingw-w64 headers).
 */
class WindowsProviderTest {
    private final WindowsProvider p = new WindowsProvider();

    @Test
    void acceptsWindowsX64AndArm64Only() {
        assertTrue(WindowsProvider.isWindows("Windows 11", "amd64"));
        assertTrue(WindowsProvider.isWindows("Windows Server 2022", "aarch64"));
        assertFalse(WindowsProvider.isWindows("Windows 10", "x86"), "32-bit layouts are not the table's");
        assertFalse(WindowsProvider.isWindows("Linux", "amd64"));
        assertFalse(WindowsProvider.isWindows("Mac OS X", "aarch64"));
    }

    @Test
    void forcedOnAnotherOsRefusesInOneLineBeforeAnyNativeCall() {
        Assumptions.assumeFalse(p.isSupported(), "on Windows the provider runs");
        for (org.junit.jupiter.api.function.Executable call : List.<org.junit.jupiter.api.function.Executable>of(
                p::poller, () -> p.socket(2, 1, 0), () -> p.getAddrInfo("localhost", null, 0, 1, 0, 0),
                () -> p.fromShare(new byte[SIZEOF_WSAPROTOCOL_INFOW], null), p::getHostName)) {
            UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class, call);
            assertTrue(e.getMessage().startsWith("weft: the windows provider runs only on Windows (x64, arm64), not on "),
                    e.getMessage());
            assertFalse(e.getMessage().contains("\n"));
        }
    }

    @Test
    void capabilitiesAreStreamFamiliesWithoutUnixDatagramsOrAbstractNames() {
        Assumptions.assumeFalse(p.isSupported(), "on Windows UNIX_STREAM is probed");
        assertEquals(java.util.EnumSet.of(Capability.INET, Capability.INET6, Capability.DUAL_STACK, Capability.UNIX_STREAM),
                p.capabilities());
    }

    @Test
    void everyWinsockErrorHasItsPosixNameBothWays() {
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, Integer> e : errors().entrySet()) {
            if (!e.getKey().startsWith("WSAE")) {
                continue;
            }
            Errno sym;
            try {
                sym = Errno.valueOf(e.getKey().substring(3));
            } catch (IllegalArgumentException notInWeft) {
                if (p.errno(e.getValue()) != Errno.UNKNOWN && !e.getKey().equals("WSAECANCELLED")) {
                    wrong.add(e.getKey() + " -> " + p.errno(e.getValue()));
                }
                continue;
            }
            if (p.nativeErrno(sym) != e.getValue()) {
                wrong.add(sym + " -> " + p.nativeErrno(sym) + ", expected " + e.getValue());
            }
            if (p.errno(e.getValue()) != sym && !(sym == Errno.EWOULDBLOCK && p.errno(e.getValue()) == Errno.EAGAIN)) {
                wrong.add(e.getValue() + " -> " + p.errno(e.getValue()) + ", expected " + sym);
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void theCoreSeesWinsockWouldBlockAndConnectStatesAsItsOwn() {
        // winerror.h: WSAEWOULDBLOCK (WSABASEERR+35), WSAEINPROGRESS +36, WSAEALREADY +37, WSAEISCONN +56
        assertEquals(10035, p.nativeErrno(Errno.EAGAIN));
        assertEquals(10035, p.nativeErrno(Errno.EWOULDBLOCK));
        assertEquals(Errno.EAGAIN, p.errno(10035));
        assertEquals(10036, p.nativeErrno(Errno.EINPROGRESS));
        assertEquals(10037, p.nativeErrno(Errno.EALREADY));
        assertEquals(10056, p.nativeErrno(Errno.EISCONN));
        assertEquals(10004, p.nativeErrno(Errno.EINTR));
        assertEquals(Errno.ECONNREFUSED, p.errno(10061));
        assertEquals(Errno.ECANCELED, p.errno(10103));
        assertEquals(Errno.UNKNOWN, p.errno(10101)); // WSAEDISCON: Winsock's own
        assertEquals(-1, p.nativeErrno(Errno.EPIPE), "Winsock has no EPIPE (a send after shutdown is WSAESHUTDOWN)");
    }

    @Test
    void errorTextOffWindowsIsTheCodesName() {
        Assumptions.assumeFalse(p.isSupported(), "on Windows the text is FormatMessageW's");
        assertEquals("WSAECONNREFUSED", p.strerror(10061));
        assertEquals("Winsock error 4242", p.strerror(4242));
    }

    @Test
    void messagesAreCutAsCpythonCutsThem() {
        // FormatMessageW ends its text with ".\r\n"; CPython strips trailing whitespace and dots
        assertEquals("No connection could be made because the target machine actively refused it",
                WindowsProvider.trimMessage("No connection could be made because the target machine actively refused it.\r\n"));
        assertEquals("", WindowsProvider.trimMessage(" .\r\n"));
    }

    @Test
    void familiesAndTypesAreWinsocksNumbers() {
        assertEquals(2, p.nativeFamily(Family.INET));
        assertEquals(23, p.nativeFamily(Family.INET6));
        assertEquals(1, p.nativeFamily(Family.UNIX));
        assertEquals(-1, p.nativeFamily(Family.NETLINK));
        assertEquals(Family.INET6, p.family(23));
    }

    private static ByteBuffer area() {
        return ByteBuffer.allocate(dev.weft.common.Scratch.ADDR_SIZE).order(ByteOrder.nativeOrder());
    }

    @Test
    void sockaddrInIsTheHeadersLayout() throws Exception {
        ByteBuffer b = area();
        int len = p.encodeSockAddr(SockAddr.inet("192.0.2.7", 0x1234), b, 0);
        assertEquals(SIZEOF_SOCKADDR_IN, len);
        assertEquals(2, b.getShort(OFF_SOCKADDR_IN_SIN_FAMILY)); // no sa_len: a 16-bit family
        assertEquals(0x12, b.get(OFF_SOCKADDR_IN_SIN_PORT));
        assertEquals(0x34, b.get(OFF_SOCKADDR_IN_SIN_PORT + 1));
        byte[] a = new byte[4];
        b.get(OFF_SOCKADDR_IN_SIN_ADDR, a);
        assertArrayEquals(InetAddress.getByName("192.0.2.7").getAddress(), a);
        assertEquals(SockAddr.inet("192.0.2.7", 0x1234), p.decodeSockAddr(b, 0, len));
    }

    @Test
    void sockaddrIn6IsTheHeadersLayoutWithFamily23() throws Exception {
        ByteBuffer b = area();
        SockAddr.Inet6 six = new SockAddr.Inet6((java.net.Inet6Address) InetAddress.getByName("2001:db8::1"), 443, 0x0abcd, 5);
        int len = p.encodeSockAddr(six, b, 0);
        assertEquals(SIZEOF_SOCKADDR_IN6, len);
        assertEquals(23, b.getShort(OFF_SOCKADDR_IN6_SIN6_FAMILY));
        assertEquals(443, Short.toUnsignedInt(b.order(ByteOrder.BIG_ENDIAN).getShort(OFF_SOCKADDR_IN6_SIN6_PORT)));
        assertEquals(0x0abcd, b.getInt(OFF_SOCKADDR_IN6_SIN6_FLOWINFO)); // network order, as on Linux
        b.order(ByteOrder.nativeOrder());
        assertEquals(0x20, b.get(OFF_SOCKADDR_IN6_SIN6_ADDR));
        assertEquals(5, b.getInt(OFF_SOCKADDR_IN6_SIN6_SCOPE_ID));
        assertEquals(six, p.decodeSockAddr(b, 0, len));
    }

    @Test
    void sockaddrUnHasThe108BytePathOfAfunixH() {
        assertEquals(SockAddr.UNIX_PATH_MAX, SIZEOF_SOCKADDR_UN_SUN_PATH);
        ByteBuffer b = area();
        String path = "C:\\Users\\weft\\s.sock";
        int len = p.encodeSockAddr(SockAddr.unix(path), b, 0);
        assertEquals(1, b.getShort(OFF_SOCKADDR_UN_SUN_FAMILY));
        assertEquals('C', b.get(OFF_SOCKADDR_UN_SUN_PATH));
        assertEquals(OFF_SOCKADDR_UN_SUN_PATH + path.length() + 1, len);
        assertEquals(SockAddr.unix(path), p.decodeSockAddr(b, 0, len));
    }

    @Test
    void abstractAndUnnamedUnixNamesAreRefusedBeforeWinsock() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> p.bind(1, SockAddr.unixAbstract("weft")));
        assertTrue(e.getMessage().contains("Windows has no abstract AF_UNIX names"), e.getMessage());
    }

    @Test
    void lingerIsTwoUnsignedShorts() {
        byte[] v = p.encodeOption("SO_LINGER", 7);
        assertEquals(SIZEOF_LINGER, v.length);
        ByteBuffer b = ByteBuffer.wrap(v).order(ByteOrder.nativeOrder());
        assertEquals(1, b.getShort(OFF_LINGER_L_ONOFF));
        assertEquals(7, b.getShort(OFF_LINGER_L_LINGER));
        assertEquals(7, p.decodeOption("SO_LINGER", v, 4));
        assertEquals(-1, p.decodeOption("SO_LINGER", p.encodeOption("SO_LINGER", -1), 4));
    }

    @Test
    void ioctlTakesWhatCpythonsSockIoctlTakes() {
        assertEquals(1, WindowsProvider.ioctlArgs(socketConstants().get("SIO_RCVALL")));
        assertEquals(1, WindowsProvider.ioctlArgs(socketConstants().get("SIO_LOOPBACK_FAST_PATH")));
        assertEquals(3, WindowsProvider.ioctlArgs(socketConstants().get("SIO_KEEPALIVE_VALS")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WindowsProvider.ioctlArgs(FIONBIO));
        assertTrue(e.getMessage().startsWith("invalid ioctl command "), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> p.ioctl(1, socketConstants().get("SIO_RCVALL"), new long[] {1, 2}));
    }

    @Test
    void aShareBlobIsOneWsaprotocolInfow() {
        Assumptions.assumeFalse(p.isSupported(), "on Windows fromShare makes a socket");
        // CPython's fromshare checks the length too: "info must be a bytes object of %zd bytes" (sizeof, 628 on x64)
        assertEquals(628, SIZEOF_WSAPROTOCOL_INFOW);
    }
}
