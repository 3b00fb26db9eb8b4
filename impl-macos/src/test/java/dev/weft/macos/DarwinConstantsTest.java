package dev.weft.macos;

import static dev.weft.macos.DarwinConstants.*;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.SockAddr;
import dev.weft.posix.MsgLayout;
import dev.weft.common.Inet4Codec;
import dev.weft.common.Inet6Codec;
import dev.weft.common.SockAddrCodec;
import dev.weft.common.SockAddrLayout;
import dev.weft.common.UnixCodec;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Runs everywhere, toolchain or not: the committed Darwin table holds the values read from
 * Apple's headers (each expected number below is quoted from the header line named beside it,
 * in the macOS 13 SDK libc headers Zig 0.11 ships), its entries agree with one another where C
 * derives one from others, and the layouts weft's BSD code already uses match it.
 */
class DarwinConstantsTest {
    private static final Map<String, Integer> SOCK = socketConstants();
    private static final Map<String, Integer> ERRNO = errnos();

    @Test
    void numbersQuotedFromTheHeaders() {
        assertAll(
                () -> assertEquals(30, SOCK.get("AF_INET6")),          // sys/socket.h: #define AF_INET6 30
                () -> assertEquals(32, SOCK.get("AF_SYSTEM")),         // sys/socket.h: #define AF_SYSTEM 32
                () -> assertEquals(0xffff, SOCK.get("SOL_SOCKET")),    // sys/socket.h: #define SOL_SOCKET 0xffff
                () -> assertEquals(0x1022, SOCK.get("SO_NOSIGPIPE")),  // sys/socket.h: #define SO_NOSIGPIPE 0x1022
                () -> assertEquals(0x80000, SOCK.get("MSG_NOSIGNAL")), // sys/socket.h: #define MSG_NOSIGNAL 0x80000
                () -> assertEquals(0x10, SOCK.get("TCP_KEEPALIVE")),   // netinet/tcp.h: #define TCP_KEEPALIVE 0x10
                () -> assertEquals(0x201, SOCK.get("TCP_NOTSENT_LOWAT")), // netinet/tcp.h
                () -> assertEquals(25, SOCK.get("IP_BOUND_IF")),       // netinet/in.h: #define IP_BOUND_IF 25
                () -> assertEquals(125, SOCK.get("IPV6_BOUND_IF")),    // netinet6/in6.h: #define IPV6_BOUND_IF 125
                () -> assertEquals(1, SOCK.get("LOCAL_PEERCRED")),     // sys/un.h: #define LOCAL_PEERCRED 0x001
                () -> assertEquals(35, ERRNO.get("EAGAIN")),           // sys/errno.h: #define EAGAIN 35
                () -> assertEquals(-1, EVFILT_READ),                   // sys/event.h: #define EVFILT_READ (-1)
                () -> assertEquals(-2, EVFILT_WRITE),                  // sys/event.h: #define EVFILT_WRITE (-2)
                () -> assertEquals(0x20, EV_CLEAR),                    // sys/event.h: #define EV_CLEAR 0x0020
                () -> assertEquals(0x8000, EV_EOF),                    // sys/event.h: #define EV_EOF 0x8000
                () -> assertEquals(96, MAX_KCTL_NAME));                // sys/kern_control.h: #define MAX_KCTL_NAME 96
    }

    @Test
    void valuesFromXnuSourcesWhereTheSdkHeadersHaveNone() {
        // apple-oss-distributions/xnu bsd/sys/sys_domain.h (CPython exports SYSPROTO_CONTROL on macOS)
        assertEquals(2, SOCK.get("SYSPROTO_CONTROL"));
        assertEquals(2, AF_SYS_CONTROL);
        assertEquals(1, SYSPROTO_EVENT);
        // bsd/net/ethernet.h (CPython exports ETHERTYPE_* on macOS since 3.12)
        assertEquals(0x86dd, SOCK.get("ETHERTYPE_IPV6"));
        assertEquals(0x0806, SOCK.get("ETHERTYPE_ARP"));
    }

    @Test
    void kqueueEventLayout() {
        // sys/event.h: struct kevent { uintptr_t ident; int16_t filter; uint16_t flags;
        //   uint32_t fflags; intptr_t data; void *udata; } on LP64
        assertEquals(32, SIZEOF_KEVENT);
        assertArrayEquals(new int[] {0, 8, 10, 12, 16, 24}, new int[] {OFF_KEVENT_IDENT, OFF_KEVENT_FILTER,
                OFF_KEVENT_FLAGS, OFF_KEVENT_FFLAGS, OFF_KEVENT_DATA, OFF_KEVENT_UDATA});
    }

    @Test
    void ioctlNumbersEncodeTheirArgumentSizes() {
        // sys/ioccom.h: _IOWR(g, n, t) = IOC_INOUT | (sizeof(t) & IOCPARM_MASK) << 16 | g << 8 | n
        assertEquals(0xc0000000 | (SIZEOF_CTL_INFO & 0x1fff) << 16 | 'N' << 8 | 3, CTLIOCGINFO);
        assertEquals(0xc0644e03, CTLIOCGINFO);
        // FIONBIO = _IOW('f', 126, int), FIONREAD = _IOR('f', 127, int)
        assertEquals(0x80000000 | 4 << 16 | 'f' << 8 | 126, FIONBIO);
        assertEquals(0x40000000 | 4 << 16 | 'f' << 8 | 127, FIONREAD);
        assertEquals(4 + MAX_KCTL_NAME, SIZEOF_CTL_INFO);
    }

    @Test
    void controlMessageMacrosFollowFourByteAlignment() {
        // sys/socket.h: CMSG_SPACE(l) = __DARWIN_ALIGN32(sizeof(struct cmsghdr)) + __DARWIN_ALIGN32(l)
        int header = align4(SIZEOF_CMSGHDR);
        assertEquals(header, CMSG_DATA_OFFSET);
        assertEquals(header, CMSG_LEN_0);
        assertEquals(header + 4, CMSG_LEN_4);
        int[] lengths = {1, 4, 8, 12};
        int[] spaces = {CMSG_SPACE_1, CMSG_SPACE_4, CMSG_SPACE_8, CMSG_SPACE_12};
        for (int i = 0; i < lengths.length; i++) {
            assertEquals(header + align4(lengths[i]), spaces[i], "CMSG_SPACE(" + lengths[i] + ")");
        }
    }

    @Test
    void posixLayerBsdMsgLayoutMatchesTheHeaders() {
        MsgLayout m = MsgLayout.BSD_LP64;
        assertAll(
                () -> assertEquals(SIZEOF_MSGHDR, m.size()),
                () -> assertEquals(OFF_MSGHDR_MSG_FLAGS, m.flagsOffset()),
                () -> assertEquals(CMSG_LEN_0, m.cmsgHeader()),
                () -> assertEquals(CMSG_SPACE_1 - CMSG_LEN_0, m.cmsgAlign()),
                () -> assertEquals(SIZEOF_MSGHDR_MSG_IOVLEN == 8, m.iovLenWide()),
                () -> assertEquals(SIZEOF_MSGHDR_MSG_CONTROLLEN == 8, m.controlLenWide()));
    }

    @Test
    void posixLayerBsdSockaddrCodecPutsFieldsAtTheHeaderOffsets() throws Exception {
        SockAddrCodec codec = new SockAddrCodec(SockAddrLayout.SA_LEN,
                Map.of("AF_INET", SOCK.get("AF_INET"), "AF_INET6", SOCK.get("AF_INET6"), "AF_UNIX", SOCK.get("AF_UNIX")),
                List.of(Inet4Codec.INSTANCE, Inet6Codec.INSTANCE, UnixCodec.INSTANCE));
        ByteBuffer b = ByteBuffer.allocate(SIZEOF_SOCKADDR_STORAGE).order(ByteOrder.nativeOrder());

        int len = codec.encode(SockAddr.inet6("::1", 0x1234, 0x56789, 7), b, 0);
        assertEquals(SIZEOF_SOCKADDR_IN6, len);
        assertEquals(SIZEOF_SOCKADDR_IN6, b.get(OFF_SOCKADDR_IN6_SIN6_LEN));
        assertEquals(30, b.get(OFF_SOCKADDR_IN6_SIN6_FAMILY));
        assertEquals(0x1234, b.order(ByteOrder.BIG_ENDIAN).getShort(OFF_SOCKADDR_IN6_SIN6_PORT));
        assertEquals(0x56789, b.getInt(OFF_SOCKADDR_IN6_SIN6_FLOWINFO));
        assertEquals(1, b.get(OFF_SOCKADDR_IN6_SIN6_ADDR + 15));
        assertEquals(7, b.order(ByteOrder.nativeOrder()).getInt(OFF_SOCKADDR_IN6_SIN6_SCOPE_ID));

        len = codec.encode(SockAddr.inet("127.0.0.1", 80), b, 0);
        assertEquals(SIZEOF_SOCKADDR_IN, len);
        assertEquals(2, b.get(OFF_SOCKADDR_IN_SIN_FAMILY));
        assertEquals(127, b.get(OFF_SOCKADDR_IN_SIN_ADDR));

        len = codec.encode(SockAddr.unix("/tmp/s"), b, 0);
        assertEquals(1, b.get(OFF_SOCKADDR_UN_SUN_FAMILY));
        assertEquals('/', b.get(OFF_SOCKADDR_UN_SUN_PATH));
        assertEquals(OFF_SOCKADDR_UN_SUN_PATH + "/tmp/s".length() + 1, len);
    }

    @Test
    void errnoAliasesAndCredentialLayout() {
        assertEquals(ERRNO.get("EAGAIN"), ERRNO.get("EWOULDBLOCK"));
        // sys/errno.h: "#define ENOTSUP 45" but, outside the kernel, "#define EOPNOTSUPP 102":
        // two numbers on Darwin where Linux has one
        assertEquals(45, ERRNO.get("ENOTSUP"));
        assertEquals(102, ERRNO.get("EOPNOTSUPP"));
        // sys/ucred.h: struct xucred { u_int cr_version; uid_t cr_uid; short cr_ngroups; gid_t cr_groups[NGROUPS]; }
        assertEquals(OFF_XUCRED_CR_GROUPS + 4 * NGROUPS, SIZEOF_XUCRED);
        assertEquals(104, SIZEOF_SOCKADDR_UN_SUN_PATH);
    }

    /**
     * netdb.h: struct hostent {char *h_name; char **h_aliases; int h_addrtype; int h_length;
     * char **h_addr_list;}, servent {.. int s_port; char *s_proto}, protoent {.. int p_proto}:
     * the offsets the POSIX layer's PosixNetdb reads (glibc's LP64 ones), Darwin's too.
     */
    @Test
    void netdbEntriesHaveTheOffsetsThePosixLayerReads() {
        assertArrayEquals(new int[] {0, 8, 16, 20, 24}, new int[] {OFF_HOSTENT_H_NAME, OFF_HOSTENT_H_ALIASES,
                OFF_HOSTENT_H_ADDRTYPE, OFF_HOSTENT_H_LENGTH, OFF_HOSTENT_H_ADDR_LIST});
        assertEquals(0, OFF_SERVENT_S_NAME);
        assertEquals(16, OFF_SERVENT_S_PORT);
        assertEquals(16, OFF_PROTOENT_P_PROTO);
    }

    private static int align4(int n) {
        return (n + 3) & ~3;
    }
}
