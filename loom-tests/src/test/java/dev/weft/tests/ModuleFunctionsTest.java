package dev.weft.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.weft.Capability;
import dev.weft.Errno;
import dev.weft.Family;
import dev.weft.GaiException;
import dev.weft.OsError;
import dev.weft.SockAddr;
import dev.weft.Socket;
import dev.weft.SocketType;
import dev.weft.Sockets;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The module functions beyond what the differential test compares: createConnection's
 * order, source binding and collected failures; address factories with names and numbers;
 * sethostname, only ever inside a new UTS namespace; argument checks before native calls.
 */
class ModuleFunctionsTest {
    /** A port with a listener on 127.0.0.1 and, normally, none on [::1]. */
    private static Socket listener() throws Exception {
        return Sockets.createServer(SockAddr.inet("127.0.0.1", 0));
    }

    private static int port(Socket s) throws Exception {
        return ((SockAddr.Inet4) s.getSockName()).port();
    }

    @Test
    void createConnectionTriesEachAddressInOrder() throws Exception {
        assumeTrue(Sockets.supports(Capability.INET6), "no IPv6 loopback here");
        try (Socket server = listener()) {
            int port = port(server);
            SockAddr refusing = SockAddr.inet6("::1", port);
            try (Socket c = Sockets.createConnection(List.of(refusing, SockAddr.inet("127.0.0.1", port)), Duration.ofSeconds(5),
                    null);
                 Socket.Accepted a = server.accept()) {
                assertEquals(SockAddr.inet("127.0.0.1", port), c.getPeerName());
                assertEquals(Family.INET, c.family());
                assertEquals(c.getSockName(), a.address());
                assertEquals(Duration.ofSeconds(5), c.getTimeout(), "the socket keeps the timeout");
            }
        }
    }

    @Test
    void createConnectionByNameBindsTheSourceAddress() throws Exception {
        TestKit.assumeLocalAddress("127.0.0.2");
        try (Socket server = listener()) {
            int port = port(server);
            try (Socket c = Sockets.createConnection("localhost", port, Duration.ofSeconds(5), SockAddr.inet("127.0.0.2", 0));
                 Socket.Accepted a = server.accept()) {
                assertEquals(InetAddress.getByName("127.0.0.2"), ((SockAddr.Inet4) a.address()).address());
                assertEquals(SockAddr.inet("127.0.0.1", port), c.getPeerName());
            }
        }
    }

    @Test
    void whenEveryAddressRefusesOneErrorCarriesEveryCause() throws Exception {
        int port;
        try (Socket server = listener()) {
            port = port(server);
        }
        List<SockAddr> targets = new ArrayList<>(List.of(SockAddr.inet("127.0.0.1", port), SockAddr.inet("127.0.0.1", port)));
        if (Sockets.supports(Capability.INET6)) {
            targets.add(1, SockAddr.inet6("::1", port));
        }
        ConnectException e = assertThrows(ConnectException.class,
                () -> Sockets.createConnection(targets, Duration.ofSeconds(5), null));
        assertEquals(Errno.ECONNREFUSED, ((OsError) e).errno());
        Throwable[] earlier = e.getSuppressed();
        assertEquals(targets.size() - 1, earlier.length, "every earlier failure attached");
        for (Throwable t : earlier) {
            assertInstanceOf(ConnectException.class, t);
            assertEquals(Errno.ECONNREFUSED, ((OsError) t).errno());
            assertEquals(0, t.getSuppressed().length, "attached flat, not chained");
        }
        // The same through a name: one address here, one refusal.
        ConnectException byName = assertThrows(ConnectException.class,
                () -> Sockets.createConnection("localhost", port, Duration.ofSeconds(5), null));
        assertEquals(Errno.ECONNREFUSED, ((OsError) byName).errno());
    }

    @Test
    void addressFactoriesTakeNamesAndNumbers() throws Exception {
        assertEquals(SockAddr.inet("127.0.0.1", 80), SockAddr.inet("localhost", 80), "a name: resolved, first result");
        assertEquals(new SockAddr.Inet4((Inet4Address) InetAddress.getByAddress(new byte[] {0, 0, 0, 1}), 80),
                SockAddr.inet("1", 80), "an inet_aton form, as CPython's setipaddr takes it");
        assertEquals(SockAddr.inet("127.0.0.1", 80), SockAddr.inet("0x7f.1", 80));
        assertEquals(SockAddr.inet(new byte[] {10, 0, 0, 1}, 7), SockAddr.inet("10.0.0.1", 7));
        assertArrayEquals(new byte[4], SockAddr.inet("", 1).address().getAddress(), "'' is INADDR_ANY");
        assertArrayEquals(new byte[] {-1, -1, -1, -1}, SockAddr.inet("<broadcast>", 1).address().getAddress());

        SockAddr.Inet6 loop = SockAddr.inet6("::1", 80);
        assertEquals("::1", loop.host());
        assertEquals(0, loop.scopeId());
        SockAddr.Inet6 mapped = SockAddr.inet6("::ffff:1.2.3.4", 80);
        assertEquals("::ffff:1.2.3.4", mapped.host(), "an IPv4-mapped address stays IPv6");
        var lo = TestKit.loopback(); // lo on Linux, lo0 on macOS
        SockAddr.Inet6 scoped = SockAddr.inet6("fe80::1%" + lo.name(), 80);
        assertEquals(lo.index(), scoped.scopeId());
        assertEquals("fe80::1", scoped.host());
        assertEquals(7, SockAddr.inet6("fe80::1%7", 80).scopeId());
    }

    @Test
    void hostNameChangesOnlyInsideANewUtsNamespace() throws Exception {
        assumeTrue(NetdbDifferentialTest.commandWorks("unshare", "-u", "true"), "cannot create a UTS namespace (unshare -u)");
        String before = Sockets.getHostName();
        String name = "weft-" + Long.toHexString(System.nanoTime());
        assertEquals("SET " + name, child(List.of("unshare", "-u"), name));
        if (NetdbDifferentialTest.commandWorks("unshare", "-u", "setpriv", "--bounding-set", "-sys_admin", "true")) {
            // Without CAP_SYS_ADMIN (still in a namespace of its own, in case): EPERM.
            assertEquals("FAILED EPERM", child(List.of("unshare", "-u", "setpriv", "--bounding-set", "-sys_admin"), name));
        }
        assertEquals("FAILED EINVAL", child(List.of("unshare", "-u"), "x".repeat(65)), "longer than the kernel's 64");
        assertEquals(before, Sockets.getHostName(), "this machine's host name is unchanged");
    }

    private static String child(List<String> prefix, String arg) throws Exception {
        List<String> cmd = new ArrayList<>(prefix);
        cmd.addAll(ChildJvm.command(HostNameMain.class, List.of(), List.of(arg)));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return out;
    }

    @Test
    void badArgumentsFailBeforeAnyNativeCall() {
        assertThrows(NullPointerException.class, () -> Sockets.inetAton(null));
        assertThrows(NullPointerException.class, () -> Sockets.inetPton(null, "1.2.3.4"));
        assertThrows(NullPointerException.class, () -> Sockets.inetNtop(Family.INET, null));
        assertThrows(NullPointerException.class, () -> Sockets.getNameInfo(null, 0));
        assertThrows(NullPointerException.class, () -> Sockets.getHostByName(null));
        assertThrows(NullPointerException.class, () -> Sockets.getServByName(null, "tcp"));
        assertThrows(IllegalArgumentException.class, () -> Sockets.inetPton(Family.UNIX, "x"));
        assertThrows(IllegalArgumentException.class, () -> Sockets.inetNtop(Family.INET6, new byte[4]));
        assertThrows(IllegalArgumentException.class, () -> Sockets.getNameInfo(SockAddr.unix("/tmp/x"), 0));
        assertThrows(IllegalArgumentException.class, () -> Sockets.getServByPort(65536, null));
        assertThrows(IllegalArgumentException.class, () -> Sockets.ifIndexToName(-1));
        assertThrows(IllegalArgumentException.class, () -> Sockets.setHostName("a\0b"));
        assertThrows(IllegalArgumentException.class, () -> Sockets.getHostByName("a\0b"));
        assertThrows(IllegalArgumentException.class, () -> Sockets.getAddrInfo("a\0b", 80, Family.UNSPEC, null));
        assertThrows(IllegalArgumentException.class, () -> Sockets.getAddrInfo("a..b", 80, Family.UNSPEC, null));
        assertThrows(IllegalArgumentException.class, () -> Sockets.getAddrInfo("127.0.0.1", 65536, Family.UNSPEC, null));
        assertThrows(IllegalArgumentException.class, () -> Sockets.getProtoByName("tcp\0"));
        assertThrows(IllegalArgumentException.class, () -> Sockets.htons(65536));
        assertThrows(IllegalArgumentException.class, () -> Sockets.htonl(-1));
        assertThrows(IllegalArgumentException.class, () -> Sockets.inetAton("1.2.3.4\ud800"));
    }

    @Test
    void resolverFailuresArePythonsGaierror() {
        GaiException e = assertThrows(GaiException.class,
                () -> Sockets.getAddrInfo("no-such-host", 80, Family.UNSPEC, SocketType.STREAM, 0, Sockets.constant("AI_NUMERICHOST", 4)));
        assertEquals("EAI_NONAME", e.eaiName());
        // The number and the text are the C library's: glibc's -2, Darwin's 8 ("nodename nor servname ...").
        assertTrue(e.getMessage().startsWith("[Errno " + Sockets.constant("EAI_NONAME", 0) + "] "), e.getMessage());
        if (Sockets.provider().name().equals("linux")) {
            assertEquals("[Errno -2] Name or service not known", e.getMessage());
        }
        // A flag bit no C library defines (0x800 is glibc's unused bit but Darwin's AI_V4MAPPED).
        GaiException flags = assertThrows(GaiException.class,
                () -> Sockets.getAddrInfo(null, "80", Family.UNSPEC, null, 0, 0x40000000));
        assertEquals("EAI_BADFLAGS", flags.eaiName());
    }
}
