package dev.weft.windows;

import java.util.HashMap;
import java.util.Map;

/**
 * Winsock's numbers, error codes and struct layouts for Windows x64, read from the mingw-w64
 * headers (Debian's gcc-mingw-w64-x86-64-win32) by compiling them, never by typing them.
 *
 * <p>Generated, do not edit: {@code python3 tools/gen-winsock-constants.py >
 * impl-windows/src/main/java/dev/weft/windows/WinsockConstants.java}. WinsockConstantsHeaderTest
 * compares this file with the headers wherever mingw-w64 is present.
 * {@link #socketConstants()} holds every constant CPython's socket module has on Windows (its
 * {@code #ifdef} rules, its own Windows definitions and fallbacks applied). mingw-w64 lags
 * Microsoft's SDK, which CPython is built with: the values it lacks or has otherwise come from
 * the SDK headers (as microsoft/win32metadata keeps them), named beside each entry: AF_HYPERV, AF_LINK, EAI_NODATA, MSG_ERRQUEUE, SOL_IP, SO_ORIGINAL_DST, TCP_FASTOPEN, TCP_KEEPCNT, TCP_KEEPIDLE, TCP_KEEPINTVL, TCP_MAXSEG.
 */
final class WinsockConstants {
    private WinsockConstants() {}

    /** Name to value, for {@code SocketConstants} and option lookup. */
    static Map<String, Integer> socketConstants() {
        Map<String, Integer> m = new HashMap<>(512);
        m.put("AF_APPLETALK", 16);
        m.put("AF_BLUETOOTH", 32);
        m.put("AF_DECnet", 12);
        m.put("AF_HYPERV", 34); // CPython Modules/socketmodule.h defines it as 34 (SDK ws2def.h: _WIN32_WINNT >= 0x0604)
        m.put("AF_INET", 2);
        m.put("AF_INET6", 23);
        m.put("AF_IPX", 6);
        m.put("AF_IRDA", 26);
        m.put("AF_LINK", 33); // SDK shared/ws2def.h (_WIN32_WINNT >= 0x0601); absent from mingw-w64
        m.put("AF_SNA", 11);
        m.put("AF_UNIX", 1);
        m.put("AF_UNSPEC", 0);
        m.put("AI_ADDRCONFIG", 1024);
        m.put("AI_ALL", 256);
        m.put("AI_CANONNAME", 2);
        m.put("AI_NUMERICHOST", 4);
        m.put("AI_NUMERICSERV", 8);
        m.put("AI_PASSIVE", 1);
        m.put("AI_V4MAPPED", 2048);
        m.put("BTPROTO_RFCOMM", 3);
        m.put("EAI_AGAIN", 11002);
        m.put("EAI_BADFLAGS", 10022);
        m.put("EAI_FAIL", 11003);
        m.put("EAI_FAMILY", 10047);
        m.put("EAI_MEMORY", 8);
        m.put("EAI_NODATA", 11001); // SDK um/WS2tcpip.h: #define EAI_NODATA EAI_NONAME (WSAHOST_NOT_FOUND); mingw-w64 says 11004
        m.put("EAI_NONAME", 11001);
        m.put("EAI_SERVICE", 10109);
        m.put("EAI_SOCKTYPE", 10044);
        m.put("HVSOCKET_ADDRESS_FLAG_PASSTHRU", 1);
        m.put("HVSOCKET_CONNECTED_SUSPEND", 4);
        m.put("HVSOCKET_CONNECT_TIMEOUT", 1);
        m.put("HVSOCKET_CONNECT_TIMEOUT_MAX", 300000);
        m.put("HV_PROTOCOL_RAW", 1);
        m.put("INADDR_ALLHOSTS_GROUP", 0xe0000001);
        m.put("INADDR_ANY", 0);
        m.put("INADDR_BROADCAST", 0xffffffff);
        m.put("INADDR_LOOPBACK", 2130706433);
        m.put("INADDR_MAX_LOCAL_GROUP", 0xe00000ff);
        m.put("INADDR_NONE", 0xffffffff);
        m.put("INADDR_UNSPEC_GROUP", 0xe0000000);
        m.put("IPPORT_RESERVED", 1024);
        m.put("IPPORT_USERRESERVED", 5000);
        m.put("IPPROTO_AH", 51);
        m.put("IPPROTO_CBT", 7);
        m.put("IPPROTO_DSTOPTS", 60);
        m.put("IPPROTO_EGP", 8);
        m.put("IPPROTO_ESP", 50);
        m.put("IPPROTO_FRAGMENT", 44);
        m.put("IPPROTO_GGP", 3);
        m.put("IPPROTO_HOPOPTS", 0);
        m.put("IPPROTO_ICLFXBM", 78);
        m.put("IPPROTO_ICMP", 1);
        m.put("IPPROTO_ICMPV6", 58);
        m.put("IPPROTO_IDP", 22);
        m.put("IPPROTO_IGMP", 2);
        m.put("IPPROTO_IGP", 9);
        m.put("IPPROTO_IP", 0);
        m.put("IPPROTO_IPV4", 4);
        m.put("IPPROTO_IPV6", 41);
        m.put("IPPROTO_L2TP", 115);
        m.put("IPPROTO_MAX", 256);
        m.put("IPPROTO_ND", 77);
        m.put("IPPROTO_NONE", 59);
        m.put("IPPROTO_PGM", 113);
        m.put("IPPROTO_PIM", 103);
        m.put("IPPROTO_PUP", 12);
        m.put("IPPROTO_RAW", 255);
        m.put("IPPROTO_RDP", 27);
        m.put("IPPROTO_ROUTING", 43);
        m.put("IPPROTO_SCTP", 132);
        m.put("IPPROTO_ST", 5);
        m.put("IPPROTO_TCP", 6);
        m.put("IPPROTO_UDP", 17);
        m.put("IPV6_CHECKSUM", 26);
        m.put("IPV6_DONTFRAG", 14);
        m.put("IPV6_HOPLIMIT", 21);
        m.put("IPV6_HOPOPTS", 1);
        m.put("IPV6_JOIN_GROUP", 12);
        m.put("IPV6_LEAVE_GROUP", 13);
        m.put("IPV6_MULTICAST_HOPS", 10);
        m.put("IPV6_MULTICAST_IF", 9);
        m.put("IPV6_MULTICAST_LOOP", 11);
        m.put("IPV6_PKTINFO", 19);
        m.put("IPV6_RECVERR", 75);
        m.put("IPV6_RECVRTHDR", 38);
        m.put("IPV6_RECVTCLASS", 40);
        m.put("IPV6_RTHDR", 32);
        m.put("IPV6_TCLASS", 39);
        m.put("IPV6_UNICAST_HOPS", 4);
        m.put("IPV6_V6ONLY", 27);
        m.put("IP_ADD_MEMBERSHIP", 12);
        m.put("IP_ADD_SOURCE_MEMBERSHIP", 15);
        m.put("IP_BLOCK_SOURCE", 17);
        m.put("IP_DROP_MEMBERSHIP", 13);
        m.put("IP_DROP_SOURCE_MEMBERSHIP", 16);
        m.put("IP_HDRINCL", 2);
        m.put("IP_MULTICAST_IF", 9);
        m.put("IP_MULTICAST_LOOP", 11);
        m.put("IP_MULTICAST_TTL", 10);
        m.put("IP_OPTIONS", 1);
        m.put("IP_PKTINFO", 19);
        m.put("IP_RECVDSTADDR", 25);
        m.put("IP_RECVERR", 75);
        m.put("IP_RECVTOS", 40);
        m.put("IP_RECVTTL", 21);
        m.put("IP_TOS", 3);
        m.put("IP_TTL", 4);
        m.put("IP_UNBLOCK_SOURCE", 18);
        m.put("MSG_BCAST", 1024);
        m.put("MSG_CTRUNC", 512);
        m.put("MSG_DONTROUTE", 4);
        m.put("MSG_ERRQUEUE", 4096); // SDK shared/ws2def.h; absent from mingw-w64
        m.put("MSG_MCAST", 2048);
        m.put("MSG_OOB", 1);
        m.put("MSG_PEEK", 2);
        m.put("MSG_TRUNC", 256);
        m.put("MSG_WAITALL", 8);
        m.put("NI_DGRAM", 16);
        m.put("NI_MAXHOST", 1025);
        m.put("NI_MAXSERV", 32);
        m.put("NI_NAMEREQD", 4);
        m.put("NI_NOFQDN", 1);
        m.put("NI_NUMERICHOST", 2);
        m.put("NI_NUMERICSERV", 8);
        m.put("RCVALL_MAX", 3);
        m.put("RCVALL_OFF", 0);
        m.put("RCVALL_ON", 1);
        m.put("RCVALL_SOCKETLEVELONLY", 2);
        m.put("SHUT_RD", 0);
        m.put("SHUT_RDWR", 2);
        m.put("SHUT_WR", 1);
        m.put("SIO_KEEPALIVE_VALS", 0x98000004);
        m.put("SIO_LOOPBACK_FAST_PATH", 0x98000010);
        m.put("SIO_RCVALL", 0x98000001);
        m.put("SOCK_DGRAM", 2);
        m.put("SOCK_RAW", 3);
        m.put("SOCK_RDM", 4);
        m.put("SOCK_SEQPACKET", 5);
        m.put("SOCK_STREAM", 1);
        m.put("SOL_IP", 65531); // SDK shared/ws2def.h: #define SOL_IP (SOL_SOCKET-4); absent from mingw-w64
        m.put("SOL_RFCOMM", 3);
        m.put("SOL_SOCKET", 65535);
        m.put("SOL_TCP", 6);
        m.put("SOL_UDP", 17);
        m.put("SOMAXCONN", 2147483647);
        m.put("SO_ACCEPTCONN", 2);
        m.put("SO_BROADCAST", 32);
        m.put("SO_BTH_ENCRYPT", 2);
        m.put("SO_BTH_MTU", 0x80000007);
        m.put("SO_BTH_MTU_MAX", 0x80000008);
        m.put("SO_BTH_MTU_MIN", 0x8000000a);
        m.put("SO_DEBUG", 1);
        m.put("SO_DONTROUTE", 16);
        m.put("SO_ERROR", 4103);
        m.put("SO_EXCLUSIVEADDRUSE", -5);
        m.put("SO_KEEPALIVE", 8);
        m.put("SO_LINGER", 128);
        m.put("SO_OOBINLINE", 256);
        m.put("SO_ORIGINAL_DST", 12303); // SDK shared/ws2def.h (_WIN32_WINNT >= 0x0600); absent from mingw-w64
        m.put("SO_RCVBUF", 4098);
        m.put("SO_RCVLOWAT", 4100);
        m.put("SO_RCVTIMEO", 4102);
        m.put("SO_REUSEADDR", 4);
        m.put("SO_SNDBUF", 4097);
        m.put("SO_SNDLOWAT", 4099);
        m.put("SO_SNDTIMEO", 4101);
        m.put("SO_TYPE", 4104);
        m.put("SO_USELOOPBACK", 64);
        m.put("TCP_FASTOPEN", 15); // SDK shared/ws2ipdef.h; absent from mingw-w64
        m.put("TCP_KEEPCNT", 16); // SDK shared/ws2ipdef.h; absent from mingw-w64
        m.put("TCP_KEEPIDLE", 3); // SDK shared/ws2ipdef.h: #define TCP_KEEPIDLE TCP_KEEPALIVE (3); absent from mingw-w64
        m.put("TCP_KEEPINTVL", 17); // SDK shared/ws2ipdef.h; absent from mingw-w64
        m.put("TCP_MAXSEG", 4); // SDK shared/ws2ipdef.h; absent from mingw-w64
        m.put("TCP_NODELAY", 1);
        m.put("TCP_QUICKACK", 0x98000017);
        return m;
    }

    /** Error name to code: WSAGetLastError()'s WSA* codes and the Win32 codes of overlapped I/O. */
    static Map<String, Integer> errors() {
        Map<String, Integer> m = new HashMap<>(128);
        m.put("ERROR_ABANDONED_WAIT_0", 735);
        m.put("ERROR_ACCESS_DENIED", 5);
        m.put("ERROR_BROKEN_PIPE", 109);
        m.put("ERROR_CONNECTION_ABORTED", 1236);
        m.put("ERROR_CONNECTION_REFUSED", 1225);
        m.put("ERROR_HANDLE_EOF", 38);
        m.put("ERROR_HOST_UNREACHABLE", 1232);
        m.put("ERROR_INVALID_HANDLE", 6);
        m.put("ERROR_INVALID_PARAMETER", 87);
        m.put("ERROR_IO_INCOMPLETE", 996);
        m.put("ERROR_IO_PENDING", 997);
        m.put("ERROR_MORE_DATA", 234);
        m.put("ERROR_NETNAME_DELETED", 64);
        m.put("ERROR_NETWORK_UNREACHABLE", 1231);
        m.put("ERROR_NOT_ENOUGH_MEMORY", 8);
        m.put("ERROR_NOT_FOUND", 1168);
        m.put("ERROR_OPERATION_ABORTED", 995);
        m.put("ERROR_PORT_UNREACHABLE", 1234);
        m.put("ERROR_SEM_TIMEOUT", 121);
        m.put("ERROR_SUCCESS", 0);
        m.put("ERROR_TIMEOUT", 1460);
        m.put("WSAEACCES", 10013);
        m.put("WSAEADDRINUSE", 10048);
        m.put("WSAEADDRNOTAVAIL", 10049);
        m.put("WSAEAFNOSUPPORT", 10047);
        m.put("WSAEALREADY", 10037);
        m.put("WSAEBADF", 10009);
        m.put("WSAECANCELLED", 10103);
        m.put("WSAECONNABORTED", 10053);
        m.put("WSAECONNREFUSED", 10061);
        m.put("WSAECONNRESET", 10054);
        m.put("WSAEDESTADDRREQ", 10039);
        m.put("WSAEDISCON", 10101);
        m.put("WSAEDQUOT", 10069);
        m.put("WSAEFAULT", 10014);
        m.put("WSAEHOSTDOWN", 10064);
        m.put("WSAEHOSTUNREACH", 10065);
        m.put("WSAEINPROGRESS", 10036);
        m.put("WSAEINTR", 10004);
        m.put("WSAEINVAL", 10022);
        m.put("WSAEINVALIDPROCTABLE", 10104);
        m.put("WSAEINVALIDPROVIDER", 10105);
        m.put("WSAEISCONN", 10056);
        m.put("WSAELOOP", 10062);
        m.put("WSAEMFILE", 10024);
        m.put("WSAEMSGSIZE", 10040);
        m.put("WSAENAMETOOLONG", 10063);
        m.put("WSAENETDOWN", 10050);
        m.put("WSAENETRESET", 10052);
        m.put("WSAENETUNREACH", 10051);
        m.put("WSAENOBUFS", 10055);
        m.put("WSAENOMORE", 10102);
        m.put("WSAENOPROTOOPT", 10042);
        m.put("WSAENOTCONN", 10057);
        m.put("WSAENOTEMPTY", 10066);
        m.put("WSAENOTSOCK", 10038);
        m.put("WSAEOPNOTSUPP", 10045);
        m.put("WSAEPFNOSUPPORT", 10046);
        m.put("WSAEPROCLIM", 10067);
        m.put("WSAEPROTONOSUPPORT", 10043);
        m.put("WSAEPROTOTYPE", 10041);
        m.put("WSAEPROVIDERFAILEDINIT", 10106);
        m.put("WSAEREFUSED", 10112);
        m.put("WSAEREMOTE", 10071);
        m.put("WSAESHUTDOWN", 10058);
        m.put("WSAESOCKTNOSUPPORT", 10044);
        m.put("WSAESTALE", 10070);
        m.put("WSAETIMEDOUT", 10060);
        m.put("WSAETOOMANYREFS", 10059);
        m.put("WSAEUSERS", 10068);
        m.put("WSAEWOULDBLOCK", 10035);
        m.put("WSAHOST_NOT_FOUND", 11001);
        m.put("WSANOTINITIALISED", 10093);
        m.put("WSANO_DATA", 11004);
        m.put("WSANO_RECOVERY", 11003);
        m.put("WSASERVICE_NOT_FOUND", 10108);
        m.put("WSASYSCALLFAILURE", 10107);
        m.put("WSASYSNOTREADY", 10091);
        m.put("WSATRY_AGAIN", 11002);
        m.put("WSATYPE_NOT_FOUND", 10109);
        m.put("WSAVERNOTSUPPORTED", 10092);
        m.put("WSA_E_CANCELLED", 10111);
        m.put("WSA_E_NO_MORE", 10110);
        m.put("WSA_INVALID_HANDLE", 6);
        m.put("WSA_INVALID_PARAMETER", 87);
        m.put("WSA_IO_INCOMPLETE", 996);
        m.put("WSA_IO_PENDING", 997);
        m.put("WSA_NOT_ENOUGH_MEMORY", 8);
        m.put("WSA_OPERATION_ABORTED", 995);
        return m;
    }

    // ioctl codes, flags and limits the provider needs.
    static final int FIONBIO = 0x8004667e;
    static final int FIONREAD = 1074030207;
    static final int SIOCATMARK = 1074033415;
    static final int SIO_GET_EXTENSION_FUNCTION_POINTER = 0xc8000006;
    static final int SIO_BASE_HANDLE = 1207959586;
    static final int SIO_BSP_HANDLE = 1207959579;
    static final int SIO_BSP_HANDLE_SELECT = 1207959580;
    static final int SIO_BSP_HANDLE_POLL = 1207959581;
    static final int SIO_UDP_CONNRESET = 0x9800000c;
    static final int SIO_TCP_SET_ACK_FREQUENCY = 0x98000017;
    static final int SO_UPDATE_ACCEPT_CONTEXT = 28683;
    static final int SO_UPDATE_CONNECT_CONTEXT = 28688;
    static final int SO_CONNECT_TIME = 28684;
    static final int SO_PROTOCOL_INFOW = 8197;
    static final int SO_MAX_MSG_SIZE = 8195;
    static final int SO_CONDITIONAL_ACCEPT = 12290;
    static final int SO_DONTLINGER = -129;
    static final int SO_GROUP_ID = 8193;
    static final int WSA_FLAG_OVERLAPPED = 1;
    static final int WSA_FLAG_NO_HANDLE_INHERIT = 128;
    static final int FROM_PROTOCOL_INFO = -1;
    static final int WSAPROTOCOL_LEN = 255;
    static final int MAX_PROTOCOL_CHAIN = 7;
    static final int SOCKET_ERROR = -1;
    static final int INVALID_SOCKET = -1;
    static final int WSADESCRIPTION_LEN = 256;
    static final int WSASYS_STATUS_LEN = 128;
    static final int POLLRDNORM = 256;
    static final int POLLRDBAND = 512;
    static final int POLLIN = 768;
    static final int POLLPRI = 1024;
    static final int POLLWRNORM = 16;
    static final int POLLOUT = 16;
    static final int POLLWRBAND = 32;
    static final int POLLERR = 1;
    static final int POLLHUP = 2;
    static final int POLLNVAL = 4;
    static final int MSG_PARTIAL = 32768;
    static final int MSG_INTERRUPT = 16;
    static final int MSG_PUSH_IMMEDIATE = 32;
    static final int MSG_MAXIOVLEN = 16;
    static final int HANDLE_FLAG_INHERIT = 1;
    static final int FILE_SKIP_COMPLETION_PORT_ON_SUCCESS = 1;
    static final int FILE_SKIP_SET_EVENT_ON_HANDLE = 2;
    static final int INFINITE = 0xffffffff;
    static final int WAIT_TIMEOUT = 258;
    static final int WSA_INFINITE = 0xffffffff;
    static final int WSA_WAIT_TIMEOUT = 258;
    static final int TF_DISCONNECT = 1;
    static final int TF_REUSE_SOCKET = 2;
    static final int TF_USE_KERNEL_APC = 32;
    static final int FORMAT_MESSAGE_FROM_SYSTEM = 4096;
    static final int FORMAT_MESSAGE_IGNORE_INSERTS = 512;
    static final int FORMAT_MESSAGE_ALLOCATE_BUFFER = 256;
    static final int UNIX_PATH_MAX = 108;
    static final int INET_ADDRSTRLEN = 22;
    static final int INET6_ADDRSTRLEN = 65;
    static final int AF_BTH = 32;
    static final int BTHPROTO_L2CAP = 256;
    static final int AF_MAX = 33;
    static final int IOC_VENDOR = 402653184;
    static final int IOC_WS2 = 134217728;
    static final int IOC_PROTOCOL = 268435456;

    // Sizes (SIZEOF_*) and offsets (OFF_STRUCT_FIELD) in bytes, Windows x64 (LLP64).
    static final int SIZEOF_SOCKADDR = 16; // sizeof(SOCKADDR)
    static final int OFF_SOCKADDR_SA_FAMILY = 0; // offsetof(SOCKADDR, sa_family)
    static final int OFF_SOCKADDR_SA_DATA = 2; // offsetof(SOCKADDR, sa_data)
    static final int SIZEOF_SOCKADDR_IN = 16; // sizeof(SOCKADDR_IN)
    static final int OFF_SOCKADDR_IN_SIN_FAMILY = 0; // offsetof(SOCKADDR_IN, sin_family)
    static final int OFF_SOCKADDR_IN_SIN_PORT = 2; // offsetof(SOCKADDR_IN, sin_port)
    static final int OFF_SOCKADDR_IN_SIN_ADDR = 4; // offsetof(SOCKADDR_IN, sin_addr)
    static final int OFF_SOCKADDR_IN_SIN_ZERO = 8; // offsetof(SOCKADDR_IN, sin_zero)
    static final int SIZEOF_SOCKADDR_IN6 = 28; // sizeof(SOCKADDR_IN6)
    static final int OFF_SOCKADDR_IN6_SIN6_FAMILY = 0; // offsetof(SOCKADDR_IN6, sin6_family)
    static final int OFF_SOCKADDR_IN6_SIN6_PORT = 2; // offsetof(SOCKADDR_IN6, sin6_port)
    static final int OFF_SOCKADDR_IN6_SIN6_FLOWINFO = 4; // offsetof(SOCKADDR_IN6, sin6_flowinfo)
    static final int OFF_SOCKADDR_IN6_SIN6_ADDR = 8; // offsetof(SOCKADDR_IN6, sin6_addr)
    static final int OFF_SOCKADDR_IN6_SIN6_SCOPE_ID = 24; // offsetof(SOCKADDR_IN6, sin6_scope_id)
    static final int SIZEOF_SOCKADDR_UN = 110; // sizeof(SOCKADDR_UN)
    static final int OFF_SOCKADDR_UN_SUN_FAMILY = 0; // offsetof(SOCKADDR_UN, sun_family)
    static final int OFF_SOCKADDR_UN_SUN_PATH = 2; // offsetof(SOCKADDR_UN, sun_path)
    static final int SIZEOF_SOCKADDR_UN_SUN_PATH = 108; // sizeof(((SOCKADDR_UN *)0)->sun_path)
    static final int SIZEOF_SOCKADDR_STORAGE = 128; // sizeof(SOCKADDR_STORAGE)
    static final int OFF_SOCKADDR_STORAGE_SS_FAMILY = 0; // offsetof(SOCKADDR_STORAGE, ss_family)
    static final int SIZEOF_SOCKADDR_HV = 36; // sizeof(SOCKADDR_HV)
    static final int OFF_SOCKADDR_HV_FAMILY = 0; // offsetof(SOCKADDR_HV, Family)
    static final int OFF_SOCKADDR_HV_RESERVED = 2; // offsetof(SOCKADDR_HV, Reserved)
    static final int OFF_SOCKADDR_HV_VMID = 4; // offsetof(SOCKADDR_HV, VmId)
    static final int OFF_SOCKADDR_HV_SERVICEID = 20; // offsetof(SOCKADDR_HV, ServiceId)
    static final int SIZEOF_SOCKADDR_BTH = 30; // sizeof(SOCKADDR_BTH)
    static final int OFF_SOCKADDR_BTH_ADDRESSFAMILY = 0; // offsetof(SOCKADDR_BTH, addressFamily)
    static final int OFF_SOCKADDR_BTH_BTADDR = 2; // offsetof(SOCKADDR_BTH, btAddr)
    static final int OFF_SOCKADDR_BTH_SERVICECLASSID = 10; // offsetof(SOCKADDR_BTH, serviceClassId)
    static final int OFF_SOCKADDR_BTH_PORT = 26; // offsetof(SOCKADDR_BTH, port)
    static final int SIZEOF_WSAPOLLFD = 16; // sizeof(WSAPOLLFD)
    static final int OFF_WSAPOLLFD_FD = 0; // offsetof(WSAPOLLFD, fd)
    static final int OFF_WSAPOLLFD_EVENTS = 8; // offsetof(WSAPOLLFD, events)
    static final int OFF_WSAPOLLFD_REVENTS = 10; // offsetof(WSAPOLLFD, revents)
    static final int SIZEOF_WSABUF = 16; // sizeof(WSABUF)
    static final int OFF_WSABUF_LEN = 0; // offsetof(WSABUF, len)
    static final int OFF_WSABUF_BUF = 8; // offsetof(WSABUF, buf)
    static final int SIZEOF_WSAMSG = 56; // sizeof(WSAMSG)
    static final int OFF_WSAMSG_NAME = 0; // offsetof(WSAMSG, name)
    static final int OFF_WSAMSG_NAMELEN = 8; // offsetof(WSAMSG, namelen)
    static final int OFF_WSAMSG_LPBUFFERS = 16; // offsetof(WSAMSG, lpBuffers)
    static final int OFF_WSAMSG_DWBUFFERCOUNT = 24; // offsetof(WSAMSG, dwBufferCount)
    static final int OFF_WSAMSG_CONTROL = 32; // offsetof(WSAMSG, Control)
    static final int OFF_WSAMSG_DWFLAGS = 48; // offsetof(WSAMSG, dwFlags)
    static final int SIZEOF_WSACMSGHDR = 16; // sizeof(WSACMSGHDR)
    static final int OFF_WSACMSGHDR_CMSG_LEN = 0; // offsetof(WSACMSGHDR, cmsg_len)
    static final int OFF_WSACMSGHDR_CMSG_LEVEL = 8; // offsetof(WSACMSGHDR, cmsg_level)
    static final int OFF_WSACMSGHDR_CMSG_TYPE = 12; // offsetof(WSACMSGHDR, cmsg_type)
    static final int WSA_CMSG_LEN_0 = 16; // WSA_CMSG_LEN(0)
    static final int WSA_CMSG_LEN_4 = 20; // WSA_CMSG_LEN(4)
    static final int WSA_CMSG_SPACE_1 = 24; // WSA_CMSG_SPACE(1)
    static final int WSA_CMSG_SPACE_4 = 24; // WSA_CMSG_SPACE(4)
    static final int WSA_CMSG_SPACE_8 = 24; // WSA_CMSG_SPACE(8)
    static final int WSA_CMSG_SPACE_20 = 40; // WSA_CMSG_SPACE(20)
    static final int WSA_CMSG_DATA_OFFSET = 16; // WSA_CMSGDATA_ALIGN(sizeof(WSACMSGHDR))
    static final int MAX_NATURAL_ALIGNMENT = 8; // MAX_NATURAL_ALIGNMENT
    static final int SIZEOF_WSAPROTOCOLCHAIN = 32; // sizeof(WSAPROTOCOLCHAIN)
    static final int OFF_WSAPROTOCOLCHAIN_CHAINLEN = 0; // offsetof(WSAPROTOCOLCHAIN, ChainLen)
    static final int OFF_WSAPROTOCOLCHAIN_CHAINENTRIES = 4; // offsetof(WSAPROTOCOLCHAIN, ChainEntries)
    static final int SIZEOF_WSAPROTOCOL_INFOW = 628; // sizeof(WSAPROTOCOL_INFOW)
    static final int OFF_WSAPROTOCOL_INFOW_DWSERVICEFLAGS1 = 0; // offsetof(WSAPROTOCOL_INFOW, dwServiceFlags1)
    static final int OFF_WSAPROTOCOL_INFOW_DWSERVICEFLAGS2 = 4; // offsetof(WSAPROTOCOL_INFOW, dwServiceFlags2)
    static final int OFF_WSAPROTOCOL_INFOW_DWSERVICEFLAGS3 = 8; // offsetof(WSAPROTOCOL_INFOW, dwServiceFlags3)
    static final int OFF_WSAPROTOCOL_INFOW_DWSERVICEFLAGS4 = 12; // offsetof(WSAPROTOCOL_INFOW, dwServiceFlags4)
    static final int OFF_WSAPROTOCOL_INFOW_DWPROVIDERFLAGS = 16; // offsetof(WSAPROTOCOL_INFOW, dwProviderFlags)
    static final int OFF_WSAPROTOCOL_INFOW_PROVIDERID = 20; // offsetof(WSAPROTOCOL_INFOW, ProviderId)
    static final int OFF_WSAPROTOCOL_INFOW_DWCATALOGENTRYID = 36; // offsetof(WSAPROTOCOL_INFOW, dwCatalogEntryId)
    static final int OFF_WSAPROTOCOL_INFOW_PROTOCOLCHAIN = 40; // offsetof(WSAPROTOCOL_INFOW, ProtocolChain)
    static final int OFF_WSAPROTOCOL_INFOW_IVERSION = 72; // offsetof(WSAPROTOCOL_INFOW, iVersion)
    static final int OFF_WSAPROTOCOL_INFOW_IADDRESSFAMILY = 76; // offsetof(WSAPROTOCOL_INFOW, iAddressFamily)
    static final int OFF_WSAPROTOCOL_INFOW_IMAXSOCKADDR = 80; // offsetof(WSAPROTOCOL_INFOW, iMaxSockAddr)
    static final int OFF_WSAPROTOCOL_INFOW_IMINSOCKADDR = 84; // offsetof(WSAPROTOCOL_INFOW, iMinSockAddr)
    static final int OFF_WSAPROTOCOL_INFOW_ISOCKETTYPE = 88; // offsetof(WSAPROTOCOL_INFOW, iSocketType)
    static final int OFF_WSAPROTOCOL_INFOW_IPROTOCOL = 92; // offsetof(WSAPROTOCOL_INFOW, iProtocol)
    static final int OFF_WSAPROTOCOL_INFOW_IPROTOCOLMAXOFFSET = 96; // offsetof(WSAPROTOCOL_INFOW, iProtocolMaxOffset)
    static final int OFF_WSAPROTOCOL_INFOW_INETWORKBYTEORDER = 100; // offsetof(WSAPROTOCOL_INFOW, iNetworkByteOrder)
    static final int OFF_WSAPROTOCOL_INFOW_ISECURITYSCHEME = 104; // offsetof(WSAPROTOCOL_INFOW, iSecurityScheme)
    static final int OFF_WSAPROTOCOL_INFOW_DWMESSAGESIZE = 108; // offsetof(WSAPROTOCOL_INFOW, dwMessageSize)
    static final int OFF_WSAPROTOCOL_INFOW_DWPROVIDERRESERVED = 112; // offsetof(WSAPROTOCOL_INFOW, dwProviderReserved)
    static final int OFF_WSAPROTOCOL_INFOW_SZPROTOCOL = 116; // offsetof(WSAPROTOCOL_INFOW, szProtocol)
    static final int SIZEOF_WSADATA = 408; // sizeof(WSADATA)
    static final int OFF_WSADATA_WVERSION = 0; // offsetof(WSADATA, wVersion)
    static final int OFF_WSADATA_WHIGHVERSION = 2; // offsetof(WSADATA, wHighVersion)
    static final int OFF_WSADATA_IMAXSOCKETS = 4; // offsetof(WSADATA, iMaxSockets)
    static final int OFF_WSADATA_IMAXUDPDG = 6; // offsetof(WSADATA, iMaxUdpDg)
    static final int OFF_WSADATA_LPVENDORINFO = 8; // offsetof(WSADATA, lpVendorInfo)
    static final int OFF_WSADATA_SZDESCRIPTION = 16; // offsetof(WSADATA, szDescription)
    static final int OFF_WSADATA_SZSYSTEMSTATUS = 273; // offsetof(WSADATA, szSystemStatus)
    static final int SIZEOF_LINGER = 4; // sizeof(struct linger)
    static final int OFF_LINGER_L_ONOFF = 0; // offsetof(struct linger, l_onoff)
    static final int OFF_LINGER_L_LINGER = 2; // offsetof(struct linger, l_linger)
    static final int SIZEOF_TCP_KEEPALIVE = 12; // sizeof(struct tcp_keepalive)
    static final int OFF_TCP_KEEPALIVE_ONOFF = 0; // offsetof(struct tcp_keepalive, onoff)
    static final int OFF_TCP_KEEPALIVE_KEEPALIVETIME = 4; // offsetof(struct tcp_keepalive, keepalivetime)
    static final int OFF_TCP_KEEPALIVE_KEEPALIVEINTERVAL = 8; // offsetof(struct tcp_keepalive, keepaliveinterval)
    static final int SIZEOF_TIMEVAL = 8; // sizeof(TIMEVAL)
    static final int OFF_TIMEVAL_TV_SEC = 0; // offsetof(TIMEVAL, tv_sec)
    static final int OFF_TIMEVAL_TV_USEC = 4; // offsetof(TIMEVAL, tv_usec)
    static final int SIZEOF_IP_MREQ = 8; // sizeof(IP_MREQ)
    static final int OFF_IP_MREQ_IMR_MULTIADDR = 0; // offsetof(IP_MREQ, imr_multiaddr)
    static final int OFF_IP_MREQ_IMR_INTERFACE = 4; // offsetof(IP_MREQ, imr_interface)
    static final int SIZEOF_IPV6_MREQ = 20; // sizeof(IPV6_MREQ)
    static final int OFF_IPV6_MREQ_IPV6MR_MULTIADDR = 0; // offsetof(IPV6_MREQ, ipv6mr_multiaddr)
    static final int OFF_IPV6_MREQ_IPV6MR_INTERFACE = 16; // offsetof(IPV6_MREQ, ipv6mr_interface)
    static final int SIZEOF_IN_PKTINFO = 8; // sizeof(IN_PKTINFO)
    static final int OFF_IN_PKTINFO_IPI_ADDR = 0; // offsetof(IN_PKTINFO, ipi_addr)
    static final int OFF_IN_PKTINFO_IPI_IFINDEX = 4; // offsetof(IN_PKTINFO, ipi_ifindex)
    static final int SIZEOF_IN6_PKTINFO = 20; // sizeof(IN6_PKTINFO)
    static final int OFF_IN6_PKTINFO_IPI6_ADDR = 0; // offsetof(IN6_PKTINFO, ipi6_addr)
    static final int OFF_IN6_PKTINFO_IPI6_IFINDEX = 16; // offsetof(IN6_PKTINFO, ipi6_ifindex)
    static final int SIZEOF_ADDRINFOW = 48; // sizeof(ADDRINFOW)
    static final int OFF_ADDRINFOW_AI_FLAGS = 0; // offsetof(ADDRINFOW, ai_flags)
    static final int OFF_ADDRINFOW_AI_FAMILY = 4; // offsetof(ADDRINFOW, ai_family)
    static final int OFF_ADDRINFOW_AI_SOCKTYPE = 8; // offsetof(ADDRINFOW, ai_socktype)
    static final int OFF_ADDRINFOW_AI_PROTOCOL = 12; // offsetof(ADDRINFOW, ai_protocol)
    static final int OFF_ADDRINFOW_AI_ADDRLEN = 16; // offsetof(ADDRINFOW, ai_addrlen)
    static final int OFF_ADDRINFOW_AI_CANONNAME = 24; // offsetof(ADDRINFOW, ai_canonname)
    static final int OFF_ADDRINFOW_AI_ADDR = 32; // offsetof(ADDRINFOW, ai_addr)
    static final int OFF_ADDRINFOW_AI_NEXT = 40; // offsetof(ADDRINFOW, ai_next)
    static final int SIZEOF_OVERLAPPED = 32; // sizeof(OVERLAPPED)
    static final int OFF_OVERLAPPED_INTERNAL = 0; // offsetof(OVERLAPPED, Internal)
    static final int OFF_OVERLAPPED_INTERNALHIGH = 8; // offsetof(OVERLAPPED, InternalHigh)
    static final int OFF_OVERLAPPED_OFFSET = 16; // offsetof(OVERLAPPED, Offset)
    static final int OFF_OVERLAPPED_OFFSETHIGH = 20; // offsetof(OVERLAPPED, OffsetHigh)
    static final int OFF_OVERLAPPED_HEVENT = 24; // offsetof(OVERLAPPED, hEvent)
    static final int SIZEOF_OVERLAPPED_ENTRY = 32; // sizeof(OVERLAPPED_ENTRY)
    static final int OFF_OVERLAPPED_ENTRY_LPCOMPLETIONKEY = 0; // offsetof(OVERLAPPED_ENTRY, lpCompletionKey)
    static final int OFF_OVERLAPPED_ENTRY_LPOVERLAPPED = 8; // offsetof(OVERLAPPED_ENTRY, lpOverlapped)
    static final int OFF_OVERLAPPED_ENTRY_INTERNAL = 16; // offsetof(OVERLAPPED_ENTRY, Internal)
    static final int OFF_OVERLAPPED_ENTRY_DWNUMBEROFBYTESTRANSFERRED = 24; // offsetof(OVERLAPPED_ENTRY, dwNumberOfBytesTransferred)
    static final int SIZEOF_IO_STATUS_BLOCK = 16; // sizeof(IO_STATUS_BLOCK)
    static final int OFF_IO_STATUS_BLOCK_STATUS = 0; // offsetof(IO_STATUS_BLOCK, Status)
    static final int OFF_IO_STATUS_BLOCK_INFORMATION = 8; // offsetof(IO_STATUS_BLOCK, Information)
    static final int SIZEOF_GUID = 16; // sizeof(GUID)
    static final int OFF_GUID_DATA1 = 0; // offsetof(GUID, Data1)
    static final int OFF_GUID_DATA2 = 4; // offsetof(GUID, Data2)
    static final int OFF_GUID_DATA3 = 6; // offsetof(GUID, Data3)
    static final int OFF_GUID_DATA4 = 8; // offsetof(GUID, Data4)
    static final int SIZEOF_SOCKET = 8; // sizeof(SOCKET)
    static final int SIZEOF_HANDLE = 8; // sizeof(HANDLE)
    static final int SIZEOF_LONG = 4; // sizeof(long)
    static final int SIZEOF_POINTER = 8; // sizeof(void *)
    static final int SIZEOF_WCHAR = 2; // sizeof(WCHAR)
    static final int SIZEOF_FD_SET = 520; // sizeof(fd_set)
    static final int FD_SETSIZE = 64; // FD_SETSIZE
}
