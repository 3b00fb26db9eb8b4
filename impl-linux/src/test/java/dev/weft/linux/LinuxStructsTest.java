package dev.weft.linux;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weft.Ancillary;
import dev.weft.Cmsg;
import dev.weft.Credentials;
import dev.weft.Errno;
import dev.weft.SockAddr;
import dev.weft.TcpInfo;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Linux's own structures decode in the Linux provider: bytes filled in by C through this
 * machine's headers (so the offsets are the compiler's, not ours) come back as the values C
 * put there; the sockaddr after a {@code sock_extended_err} goes through the provider's
 * address codec; short input is a clear error. No socket is opened.
 */
class LinuxStructsTest {
    private static final LinuxProvider LINUX = new LinuxProvider();

    @TempDir
    Path tmp;

    private static ByteBuffer nat(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.nativeOrder());
    }

    /** Compiles and runs {@code program}; its output as "name hex" lines. Skips without a C compiler. */
    private Map<String, byte[]> fromC(String program) throws Exception {
        Path src = Files.writeString(tmp.resolve("structs.c"), program);
        Path exe = tmp.resolve("structs");
        Commands.run("cc", "-o", exe.toString(), src.toString());
        Map<String, byte[]> m = new HashMap<>();
        Commands.run(exe.toString()).lines().map(l -> l.split(" ")).forEach(f -> m.put(f[0], HexFormat.of().parseHex(f[1])));
        return m;
    }

    private static final String DUMP = """
            #include <errno.h>
            #include <stdio.h>
            #include <string.h>
            static void dump(const char *name, const void *p, size_t n) {
                printf("%s ", name);
                for (size_t i = 0; i < n; i++) printf("%02x", ((const unsigned char *) p)[i]);
                printf("\\n");
            }
            """;

    @Test
    void tcpInfoFieldsAreWhereTheHeadersPutThem() throws Exception {
        Map<String, byte[]> c = fromC("""
                #include <netinet/in.h>
                #include <linux/tcp.h>
                """ + DUMP + """
                int main(void) {
                    struct tcp_info t;
                    memset(&t, 0, sizeof t);
                    t.tcpi_state = 1; t.tcpi_ca_state = 2; t.tcpi_retransmits = 3; t.tcpi_probes = 4;
                    t.tcpi_backoff = 5; t.tcpi_options = 6; t.tcpi_rto = 1001; t.tcpi_ato = 1002;
                    t.tcpi_snd_mss = 1003; t.tcpi_rcv_mss = 1004; t.tcpi_unacked = 1005; t.tcpi_sacked = 1006;
                    t.tcpi_lost = 1007; t.tcpi_retrans = 1008; t.tcpi_fackets = 99; t.tcpi_last_data_sent = 1010;
                    t.tcpi_last_ack_sent = 99; t.tcpi_last_data_recv = 1012; t.tcpi_last_ack_recv = 99;
                    t.tcpi_pmtu = 1014; t.tcpi_rcv_ssthresh = 99; t.tcpi_rtt = 1016; t.tcpi_rttvar = 1017;
                    t.tcpi_snd_ssthresh = 1018; t.tcpi_snd_cwnd = 1019; t.tcpi_advmss = 1020;
                    t.tcpi_reordering = 1021; t.tcpi_rcv_rtt = 99; t.tcpi_rcv_space = 99; t.tcpi_total_retrans = 1024;
                    t.tcpi_pacing_rate = 99; t.tcpi_max_pacing_rate = 99;
                    t.tcpi_bytes_acked = (1ULL << 40) | 5; t.tcpi_bytes_received = (1ULL << 41) | 7;
                    dump("tcp_info", &t, sizeof t);
                    return 0;
                }
                """);
        byte[] raw = c.get("tcp_info");
        TcpInfo t = LINUX.decodeTcpInfo(java.util.Arrays.copyOf(raw, 512), raw.length);
        assertEquals(new TcpInfo(1, 2, 3, 4, 5, 6, 1001, 1002, 1003, 1004, 1005, 1006, 1007, 1008, 1010, 1012, 1014, 1016,
                1017, 1018, 1019, 1020, 1021, 1024, (1L << 40) | 5, (1L << 41) | 7, raw).toString(), t.toString());
        assertEquals(List.of(1, 2, 1001, 1003, 1012, 1019, 1021, 1024), List.of(t.state(), t.caState(), t.rtoMicros(),
                t.sndMss(), t.lastDataRecvMillis(), t.sndCwnd(), t.reordering(), t.totalRetrans()));
        assertEquals((1L << 40) | 5, t.bytesAcked());
        assertEquals((1L << 41) | 7, t.bytesReceived());
        assertArrayEquals(raw, t.raw(), "raw is what the kernel wrote, no more");
    }

    @Test
    void anOlderKernelsShorterTcpInfoReadsZeroPastWhatItWrote() {
        ByteBuffer b = nat(512).put(0, (byte) 1).putInt(80, 10).putLong(120, 77);
        TcpInfo t = LINUX.decodeTcpInfo(b.array(), 104);
        assertEquals(1, t.state());
        assertEquals(10, t.sndCwnd());
        assertEquals(0, t.bytesAcked(), "tcpi_bytes_acked lies past the 104 bytes written");
        assertEquals(104, t.raw().length);
    }

    @Test
    void ucredAndSockExtendedErrAreWhereTheHeadersPutThem() throws Exception {
        Map<String, byte[]> c = fromC("""
                #define _GNU_SOURCE
                #include <sys/socket.h>
                #include <netinet/in.h>
                #include <arpa/inet.h>
                #include <linux/errqueue.h>
                """ + DUMP + """
                int main(void) {
                    struct ucred u = { .pid = 4242, .uid = 1001, .gid = 1002 };
                    dump("ucred", &u, sizeof u);
                    struct { struct sock_extended_err ee; struct sockaddr_in from; } e;
                    memset(&e, 0, sizeof e);
                    e.ee.ee_errno = ECONNREFUSED; e.ee.ee_origin = SO_EE_ORIGIN_ICMP; e.ee.ee_type = 3;
                    e.ee.ee_code = 3; e.ee.ee_info = 1500; e.ee.ee_data = 7;
                    e.from.sin_family = AF_INET; e.from.sin_port = htons(5353);
                    inet_pton(AF_INET, "192.0.2.9", &e.from.sin_addr);
                    dump("ee4", &e, sizeof e);
                    struct { struct sock_extended_err ee; struct sockaddr_in6 from; } e6;
                    memset(&e6, 0, sizeof e6);
                    e6.ee.ee_errno = EMSGSIZE; e6.ee.ee_origin = SO_EE_ORIGIN_ICMP6; e6.ee.ee_type = 2;
                    e6.from.sin6_family = AF_INET6; e6.from.sin6_port = htons(443);
                    inet_pton(AF_INET6, "2001:db8::1", &e6.from.sin6_addr);
                    dump("ee6", &e6, sizeof e6);
                    struct sock_extended_err local;
                    memset(&local, 0, sizeof local);
                    local.ee_errno = EMSGSIZE; local.ee_origin = SO_EE_ORIGIN_LOCAL; local.ee_info = 1400;
                    struct { struct sock_extended_err ee; struct sockaddr_in from; } l = { local, { .sin_family = AF_UNSPEC } };
                    dump("local", &l, sizeof l);
                    return 0;
                }
                """);
        byte[] u = c.get("ucred");
        assertEquals(LINUX.credentialsSize(), u.length);
        assertEquals(new Credentials(4242, 1001, 1002), LINUX.decodeCredentials(u, u.length));
        assertArrayEquals(u, LINUX.encodeCredentials(new Credentials(4242, 1001, 1002)).data());

        int ip = LINUX.constants().get("IPPROTO_IP");
        Cmsg.ExtendedError e = LINUX.decodeExtendedError(new Ancillary(ip, LINUX.constants().get("IP_RECVERR"), c.get("ee4")));
        assertEquals(new Cmsg.ExtendedError(Errno.ECONNREFUSED, LINUX.nativeErrno(Errno.ECONNREFUSED), 2, 3, 3, 1500, 7,
                SockAddr.inet("192.0.2.9", 5353)), e);
        Cmsg.ExtendedError e6 = LINUX.decodeExtendedError(new Ancillary(LINUX.constants().get("IPPROTO_IPV6"),
                LINUX.constants().get("IPV6_RECVERR"), c.get("ee6")));
        assertEquals(Errno.EMSGSIZE, e6.errno());
        assertEquals(3, e6.origin(), "SO_EE_ORIGIN_ICMP6");
        assertEquals(SockAddr.inet6("2001:db8::1", 443), e6.offender());
        Cmsg.ExtendedError local = LINUX.decodeExtendedError(new Ancillary(ip, LINUX.constants().get("IP_RECVERR"), c.get("local")));
        assertEquals(1400, local.info(), "the MTU a local EMSGSIZE reports");
        assertNull(local.offender(), "a local error has no offender (AF_UNSPEC)");
    }

    @Test
    void anErrorWithoutOriginHasNoOffenderAndShortStructuresAreRefused() {
        byte[] none = nat(32).putInt(0, 111).array(); // SO_EE_ORIGIN_NONE, bytes after it ignored
        none[16] = 2;
        assertNull(LINUX.decodeExtendedError(new Ancillary(0, 11, none)).offender());
        assertThrows(IllegalArgumentException.class, () -> LINUX.decodeExtendedError(new Ancillary(0, 11, new byte[15])));
        assertThrows(IllegalArgumentException.class, () -> Credentials.class.cast(LINUX.decodeCredentials(new byte[11], 11)));
        assertThrows(IllegalArgumentException.class, () -> LINUX.decodeTimestamp(new Ancillary(1, 29, new byte[8])));
    }

    @Test
    void aShortPeercredReadsZeroPastWhatTheKernelWrote() {
        byte[] b = nat(64).putInt(0, 5).putInt(4, 6).putInt(8, 7).array();
        assertEquals(new Credentials(5, 6, 0), LINUX.decodeCredentials(b, 8));
    }

    @Test
    void timestampsAreTimevalOrTimespec() {
        byte[] d = nat(16).putLong(0, 1_700_000_000L).putLong(8, 123_456).array();
        int sol = LINUX.constants().get("SOL_SOCKET");
        assertEquals(Instant.ofEpochSecond(1_700_000_000L, 123_456_000),
                LINUX.decodeTimestamp(new Ancillary(sol, LINUX.constants().get("SCM_TIMESTAMP"), d)));
        assertEquals(Instant.ofEpochSecond(1_700_000_000L, 123_456),
                LINUX.decodeTimestamp(new Ancillary(sol, LINUX.constants().get("SCM_TIMESTAMPNS"), d)));
    }

    @Test
    void packetInfoIsThePosixLayout() {
        byte[] v4 = nat(12).putInt(0, 3).put(4, new byte[] {127, 0, 0, 5}).put(8, new byte[] {(byte) 192, 0, 2, 1}).array();
        Cmsg.PacketInfo pi = LINUX.decodePacketInfo(new Ancillary(LINUX.constants().get("IPPROTO_IP"), LINUX.constants().get("IP_PKTINFO"), v4));
        assertEquals(3, pi.interfaceIndex());
        assertEquals("/192.0.2.1", pi.destination().toString());
        assertEquals("/127.0.0.5", pi.localAddress().toString());
        byte[] v6 = nat(20).put(0, new byte[] {0x20, 0x01, 0x0d, (byte) 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1}).putInt(16, 9).array();
        Cmsg.PacketInfo pi6 = LINUX.decodePacketInfo(new Ancillary(LINUX.constants().get("IPPROTO_IPV6"),
                LINUX.constants().get("IPV6_PKTINFO"), v6));
        assertEquals(9, pi6.interfaceIndex());
        assertEquals("/2001:db8:0:0:0:0:0:1", pi6.destination().toString());
    }
}
