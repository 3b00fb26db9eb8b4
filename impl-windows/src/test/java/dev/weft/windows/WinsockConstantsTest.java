package dev.weft.windows;

import static dev.weft.windows.WinsockConstants.*;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Runs everywhere, toolchain or not: the committed Winsock table holds the values read from
 * the headers (each expected number below is quoted from the mingw-w64 10 header line named
 * beside it, or from the SDK source the generator cites), and its entries agree with one
 * another where the headers derive one from others.
 */
class WinsockConstantsTest {
    private static final Map<String, Integer> SOCK = socketConstants();
    private static final Map<String, Integer> ERR = errors();

    @Test
    void numbersQuotedFromTheHeaders() {
        assertAll(
                () -> assertEquals(10035, ERR.get("WSAEWOULDBLOCK")),    // winerror.h: (WSABASEERR + 35), WSABASEERR 10000
                () -> assertEquals(10061, ERR.get("WSAECONNREFUSED")),   // winerror.h: (WSABASEERR + 61)
                () -> assertEquals(10093, ERR.get("WSANOTINITIALISED")), // winerror.h: (WSABASEERR + 93)
                () -> assertEquals(997, ERR.get("WSA_IO_PENDING")),      // winsock2.h: (ERROR_IO_PENDING)
                () -> assertEquals(23, SOCK.get("AF_INET6")),            // winsock2.h: #define AF_INET6 23
                () -> assertEquals(1, SOCK.get("AF_UNIX")),              // winsock2.h: #define AF_UNIX 1
                () -> assertEquals(0xffff, SOCK.get("SOL_SOCKET")),      // winsock2.h: #define SOL_SOCKET 0xffff
                () -> assertEquals(0x7fffffff, SOCK.get("SOMAXCONN")),   // winsock2.h: #define SOMAXCONN 0x7fffffff
                () -> assertEquals(0, SOCK.get("RCVALL_OFF")),           // mstcpip.h: RCVALL_OFF = 0
                () -> assertEquals(1, SOCK.get("RCVALL_ON")),            // mstcpip.h: RCVALL_ON = 1
                () -> assertEquals(300000, SOCK.get("HVSOCKET_CONNECT_TIMEOUT_MAX")), // hvsocket.h
                () -> assertEquals(0x80, WSA_FLAG_NO_HANDLE_INHERIT),     // winsock2.h: #define WSA_FLAG_NO_HANDLE_INHERIT 0x80
                () -> assertEquals(108, UNIX_PATH_MAX));                  // afunix.h: #define UNIX_PATH_MAX 108
    }

    @Test
    void valuesFromTheSdkWhereMingwHasNone() {
        // Windows SDK 10.0.20348.0 shared/ws2ipdef.h: TCP_KEEPIDLE is TCP_KEEPALIVE (3),
        // TCP_KEEPCNT 16, TCP_KEEPINTVL 17, TCP_MAXSEG 4, TCP_FASTOPEN 15
        assertArrayEquals(new int[] {3, 16, 17, 4, 15}, new int[] {SOCK.get("TCP_KEEPIDLE"),
                SOCK.get("TCP_KEEPCNT"), SOCK.get("TCP_KEEPINTVL"), SOCK.get("TCP_MAXSEG"), SOCK.get("TCP_FASTOPEN")});
        // CPython's Modules/socketmodule.h: "# define AF_HYPERV 34"
        assertEquals(34, SOCK.get("AF_HYPERV"));
        // SDK shared/ws2def.h: "#define SOL_IP (SOL_SOCKET-4)" (mingw-w64 has no SOL_IP, so CPython's
        // fallback 0 would be a wrong answer), "#define MSG_ERRQUEUE 0x1000", "#define AF_LINK 33"
        assertEquals(0xffff - 4, SOCK.get("SOL_IP"));
        assertEquals(0x1000, SOCK.get("MSG_ERRQUEUE"));
        assertEquals(33, SOCK.get("AF_LINK"));
        // SDK um/WS2tcpip.h: "#define EAI_NODATA EAI_NONAME" where mingw-w64 says WSANO_DATA (11004)
        assertEquals(SOCK.get("EAI_NONAME"), SOCK.get("EAI_NODATA"));
        assertEquals(11001, SOCK.get("EAI_NODATA"));
    }

    @Test
    void socketOptionsDerivedAsTheHeadersDeriveThem() {
        // winsock2.h: #define SO_EXCLUSIVEADDRUSE ((int)(~SO_REUSEADDR))
        assertEquals(~SOCK.get("SO_REUSEADDR"), SOCK.get("SO_EXCLUSIVEADDRUSE"));
        assertEquals(-5, SOCK.get("SO_EXCLUSIVEADDRUSE"));
        // socketmodule.c: TCP_QUICKACK is SIO_TCP_SET_ACK_FREQUENCY on Windows
        assertEquals(SIO_TCP_SET_ACK_FREQUENCY, SOCK.get("TCP_QUICKACK"));
        // socketmodule.c: SHUT_RD/WR/RDWR are SD_RECEIVE/SD_SEND/SD_BOTH (winsock2.h: 0x00, 0x01, 0x02)
        assertArrayEquals(new int[] {0, 1, 2}, new int[] {SOCK.get("SHUT_RD"), SOCK.get("SHUT_WR"), SOCK.get("SHUT_RDWR")});
    }

    @Test
    void ioctlCodesEncodeTheirClassAndArgumentSize() {
        int iocIn = 0x80000000;
        int iocOut = 0x40000000;
        // winsock2.h: #define FIONBIO _IOW('f',126,u_long), FIONREAD _IOR('f',127,u_long)
        assertEquals(iocIn | 4 << 16 | 'f' << 8 | 126, FIONBIO);
        assertEquals(iocOut | 4 << 16 | 'f' << 8 | 127, FIONREAD);
        // mstcpip.h: SIO_RCVALL _WSAIOW(IOC_VENDOR,1), SIO_KEEPALIVE_VALS (..,4), SIO_LOOPBACK_FAST_PATH (..,16)
        assertEquals(iocIn | IOC_VENDOR | 1, SOCK.get("SIO_RCVALL"));
        assertEquals(iocIn | IOC_VENDOR | 4, SOCK.get("SIO_KEEPALIVE_VALS"));
        assertEquals(iocIn | IOC_VENDOR | 16, SOCK.get("SIO_LOOPBACK_FAST_PATH"));
        assertEquals(0x98000001, SOCK.get("SIO_RCVALL"));
        // winsock2.h: SIO_GET_EXTENSION_FUNCTION_POINTER _WSAIORW(IOC_WS2,6)
        assertEquals(iocIn | iocOut | IOC_WS2 | 6, SIO_GET_EXTENSION_FUNCTION_POINTER);
    }

    @Test
    void pollAndMessageLayouts() {
        // WSAPOLLFD { SOCKET fd; SHORT events; SHORT revents; } with an 8-byte SOCKET
        assertEquals(16, SIZEOF_WSAPOLLFD);
        assertArrayEquals(new int[] {0, 8, 10}, new int[] {OFF_WSAPOLLFD_FD, OFF_WSAPOLLFD_EVENTS, OFF_WSAPOLLFD_REVENTS});
        assertEquals(56, SIZEOF_WSAMSG);
        assertEquals(32, OFF_WSAMSG_CONTROL);
        assertEquals(SIZEOF_WSABUF, OFF_WSAMSG_DWFLAGS - OFF_WSAMSG_CONTROL);
        // mswsock.h: WSA_CMSG_LEN(l) = WSA_CMSGDATA_ALIGN(sizeof(WSACMSGHDR)) + l,
        // WSA_CMSG_SPACE(l) = WSA_CMSGDATA_ALIGN(sizeof(WSACMSGHDR) + WSA_CMSGHDR_ALIGN(l)), both aligns 8 on x64
        int header = align(SIZEOF_WSACMSGHDR, MAX_NATURAL_ALIGNMENT);
        assertEquals(header, WSA_CMSG_DATA_OFFSET);
        assertEquals(header, WSA_CMSG_LEN_0);
        assertEquals(header + 4, WSA_CMSG_LEN_4);
        int[] lengths = {1, 4, 8, 20};
        int[] spaces = {WSA_CMSG_SPACE_1, WSA_CMSG_SPACE_4, WSA_CMSG_SPACE_8, WSA_CMSG_SPACE_20};
        for (int i = 0; i < lengths.length; i++) {
            assertEquals(align(SIZEOF_WSACMSGHDR + align(lengths[i], 8), MAX_NATURAL_ALIGNMENT), spaces[i],
                    "WSA_CMSG_SPACE(" + lengths[i] + ")");
        }
    }

    @Test
    void shareBlobIsTheWholeProtocolInfo() {
        // CPython's share() returns the bytes of one WSAPROTOCOL_INFOW: szProtocol is the last
        // field, WCHAR[WSAPROTOCOL_LEN + 1]; ProtocolChain is { int ChainLen; DWORD ChainEntries[7]; }
        assertEquals(628, SIZEOF_WSAPROTOCOL_INFOW);
        assertEquals(OFF_WSAPROTOCOL_INFOW_SZPROTOCOL + (WSAPROTOCOL_LEN + 1) * SIZEOF_WCHAR, SIZEOF_WSAPROTOCOL_INFOW);
        assertEquals(4 + 4 * MAX_PROTOCOL_CHAIN, SIZEOF_WSAPROTOCOLCHAIN);
        assertEquals(OFF_WSAPROTOCOL_INFOW_PROTOCOLCHAIN + SIZEOF_WSAPROTOCOLCHAIN, OFF_WSAPROTOCOL_INFOW_IVERSION);
        assertEquals(SIZEOF_GUID, OFF_WSAPROTOCOL_INFOW_DWCATALOGENTRYID - OFF_WSAPROTOCOL_INFOW_PROVIDERID);
    }

    @Test
    void addressLayouts() {
        assertEquals(2 + UNIX_PATH_MAX, SIZEOF_SOCKADDR_UN);
        assertEquals(28, SIZEOF_SOCKADDR_IN6);
        assertEquals(24, OFF_SOCKADDR_IN6_SIN6_SCOPE_ID);
        assertEquals(128, SIZEOF_SOCKADDR_STORAGE);
        // hvsocket.h: SOCKADDR_HV { ADDRESS_FAMILY Family; USHORT Reserved; GUID VmId; GUID ServiceId; }
        assertEquals(4 + 2 * SIZEOF_GUID, SIZEOF_SOCKADDR_HV);
        assertEquals(4, OFF_SOCKADDR_HV_VMID);
        assertEquals(4 + SIZEOF_GUID, OFF_SOCKADDR_HV_SERVICEID);
        // linger is two u_shorts on Windows (two ints on POSIX)
        assertEquals(4, SIZEOF_LINGER);
        assertEquals(12, SIZEOF_TCP_KEEPALIVE);
        assertEquals(32, SIZEOF_OVERLAPPED);
        assertEquals(32, SIZEOF_OVERLAPPED_ENTRY);
    }

    private static int align(int n, int a) {
        return (n + a - 1) & -a;
    }
}
