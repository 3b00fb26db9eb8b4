package dev.weft.macos;

import java.util.HashMap;
import java.util.Map;

/**
 * macOS's socket numbers, errno numbers and struct layouts, read from Apple's headers (the
 * macOS 13 SDK libc headers Zig 0.11.0 ships) for aarch64-macos and x86_64-macos;
 * aarch64 and x86_64 agree on every entry.
 *
 * <p>Generated, do not edit: {@code python3 tools/gen-darwin-constants.py >
 * impl-macos/src/main/java/dev/weft/macos/DarwinConstants.java}. DarwinConstantsHeaderTest
 * compares this file with the headers wherever the generator's toolchain is present.
 * {@link #socketConstants()} holds every constant CPython's socket module has on macOS (its
 * {@code #ifdef} rules and fallbacks applied) plus the Darwin names weft adds
 * (tools/gen-darwin-constants.py lists them); values the SDK's libc headers lack come from
 * XNU's sources, named beside each.
 */
final class DarwinConstants {
    private DarwinConstants() {}

    /** Name to value, for {@code SocketConstants} and option lookup. */
    static Map<String, Integer> socketConstants() {
        Map<String, Integer> m = new HashMap<>(512);
        m.put("AF_APPLETALK", 16);
        m.put("AF_DECnet", 12);
        m.put("AF_INET", 2);
        m.put("AF_INET6", 30);
        m.put("AF_IPX", 23);
        m.put("AF_LINK", 18);
        m.put("AF_MAX", 41);
        m.put("AF_ROUTE", 17);
        m.put("AF_SNA", 11);
        m.put("AF_SYSTEM", 32);
        m.put("AF_UNIX", 1);
        m.put("AF_UNSPEC", 0);
        m.put("AI_ADDRCONFIG", 1024);
        m.put("AI_ALL", 256);
        m.put("AI_CANONNAME", 2);
        m.put("AI_DEFAULT", 1536);
        m.put("AI_MASK", 5127);
        m.put("AI_NUMERICHOST", 4);
        m.put("AI_NUMERICSERV", 4096);
        m.put("AI_PASSIVE", 1);
        m.put("AI_V4MAPPED", 2048);
        m.put("AI_V4MAPPED_CFG", 512);
        m.put("EAI_ADDRFAMILY", 1);
        m.put("EAI_AGAIN", 2);
        m.put("EAI_BADFLAGS", 3);
        m.put("EAI_BADHINTS", 12);
        m.put("EAI_FAIL", 4);
        m.put("EAI_FAMILY", 5);
        m.put("EAI_MAX", 15);
        m.put("EAI_MEMORY", 6);
        m.put("EAI_NODATA", 7);
        m.put("EAI_NONAME", 8);
        m.put("EAI_OVERFLOW", 14);
        m.put("EAI_PROTOCOL", 13);
        m.put("EAI_SERVICE", 9);
        m.put("EAI_SOCKTYPE", 10);
        m.put("EAI_SYSTEM", 11);
        m.put("ETHERTYPE_ARP", 2054); // xnu bsd/net/ethernet.h
        m.put("ETHERTYPE_IP", 2048); // xnu bsd/net/ethernet.h
        m.put("ETHERTYPE_IPV6", 34525); // xnu bsd/net/ethernet.h
        m.put("ETHERTYPE_VLAN", 33024); // xnu bsd/net/ethernet.h
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
        m.put("IPPROTO_DSTOPTS", 60);
        m.put("IPPROTO_EGP", 8);
        m.put("IPPROTO_EON", 80);
        m.put("IPPROTO_ESP", 50);
        m.put("IPPROTO_FRAGMENT", 44);
        m.put("IPPROTO_GGP", 3);
        m.put("IPPROTO_GRE", 47);
        m.put("IPPROTO_HELLO", 63);
        m.put("IPPROTO_HOPOPTS", 0);
        m.put("IPPROTO_ICMP", 1);
        m.put("IPPROTO_ICMPV6", 58);
        m.put("IPPROTO_IDP", 22);
        m.put("IPPROTO_IGMP", 2);
        m.put("IPPROTO_IP", 0);
        m.put("IPPROTO_IPCOMP", 108);
        m.put("IPPROTO_IPIP", 4);
        m.put("IPPROTO_IPV4", 4);
        m.put("IPPROTO_IPV6", 41);
        m.put("IPPROTO_MAX", 256);
        m.put("IPPROTO_ND", 77);
        m.put("IPPROTO_NONE", 59);
        m.put("IPPROTO_PIM", 103);
        m.put("IPPROTO_PUP", 12);
        m.put("IPPROTO_RAW", 255);
        m.put("IPPROTO_ROUTING", 43);
        m.put("IPPROTO_RSVP", 46);
        m.put("IPPROTO_SCTP", 132);
        m.put("IPPROTO_TCP", 6);
        m.put("IPPROTO_TP", 29);
        m.put("IPPROTO_UDP", 17);
        m.put("IPPROTO_XTP", 36);
        m.put("IPV6_BOUND_IF", 125);
        m.put("IPV6_CHECKSUM", 26);
        m.put("IPV6_DONTFRAG", 62);
        m.put("IPV6_DSTOPTS", 50);
        m.put("IPV6_HOPLIMIT", 47);
        m.put("IPV6_HOPOPTS", 49);
        m.put("IPV6_JOIN_GROUP", 12);
        m.put("IPV6_LEAVE_GROUP", 13);
        m.put("IPV6_MULTICAST_HOPS", 10);
        m.put("IPV6_MULTICAST_IF", 9);
        m.put("IPV6_MULTICAST_LOOP", 11);
        m.put("IPV6_NEXTHOP", 48);
        m.put("IPV6_PATHMTU", 44);
        m.put("IPV6_PKTINFO", 46);
        m.put("IPV6_PORTRANGE", 14);
        m.put("IPV6_RECVDSTOPTS", 40);
        m.put("IPV6_RECVHOPLIMIT", 37);
        m.put("IPV6_RECVHOPOPTS", 39);
        m.put("IPV6_RECVPATHMTU", 43);
        m.put("IPV6_RECVPKTINFO", 61);
        m.put("IPV6_RECVRTHDR", 38);
        m.put("IPV6_RECVTCLASS", 35);
        m.put("IPV6_RTHDR", 51);
        m.put("IPV6_RTHDRDSTOPTS", 57);
        m.put("IPV6_RTHDR_TYPE_0", 0);
        m.put("IPV6_TCLASS", 36);
        m.put("IPV6_UNICAST_HOPS", 4);
        m.put("IPV6_USE_MIN_MTU", 42);
        m.put("IPV6_V6ONLY", 27);
        m.put("IP_ADD_MEMBERSHIP", 12);
        m.put("IP_ADD_SOURCE_MEMBERSHIP", 70);
        m.put("IP_BLOCK_SOURCE", 72);
        m.put("IP_BOUND_IF", 25);
        m.put("IP_DEFAULT_MULTICAST_LOOP", 1);
        m.put("IP_DEFAULT_MULTICAST_TTL", 1);
        m.put("IP_DONTFRAG", 28);
        m.put("IP_DROP_MEMBERSHIP", 13);
        m.put("IP_DROP_SOURCE_MEMBERSHIP", 71);
        m.put("IP_HDRINCL", 2);
        m.put("IP_MAX_MEMBERSHIPS", 4095);
        m.put("IP_MULTICAST_IF", 9);
        m.put("IP_MULTICAST_LOOP", 11);
        m.put("IP_MULTICAST_TTL", 10);
        m.put("IP_OPTIONS", 1);
        m.put("IP_PKTINFO", 26);
        m.put("IP_PORTRANGE", 19);
        m.put("IP_RECVDSTADDR", 7);
        m.put("IP_RECVIF", 20);
        m.put("IP_RECVOPTS", 5);
        m.put("IP_RECVPKTINFO", 26);
        m.put("IP_RECVRETOPTS", 6);
        m.put("IP_RECVTOS", 27);
        m.put("IP_RECVTTL", 24);
        m.put("IP_RETOPTS", 8);
        m.put("IP_TOS", 3);
        m.put("IP_TTL", 4);
        m.put("IP_UNBLOCK_SOURCE", 73);
        m.put("LOCAL_PEERCRED", 1);
        m.put("LOCAL_PEEREPID", 3);
        m.put("LOCAL_PEEREUUID", 5);
        m.put("LOCAL_PEERPID", 2);
        m.put("LOCAL_PEERUUID", 4);
        m.put("MSG_CTRUNC", 32);
        m.put("MSG_DONTROUTE", 4);
        m.put("MSG_DONTWAIT", 128);
        m.put("MSG_EOF", 256);
        m.put("MSG_EOR", 8);
        m.put("MSG_FLUSH", 1024);
        m.put("MSG_HAVEMORE", 8192);
        m.put("MSG_HOLD", 2048);
        m.put("MSG_NEEDSA", 65536);
        m.put("MSG_NOSIGNAL", 524288);
        m.put("MSG_OOB", 1);
        m.put("MSG_PEEK", 2);
        m.put("MSG_RCVMORE", 16384);
        m.put("MSG_SEND", 4096);
        m.put("MSG_TRUNC", 16);
        m.put("MSG_WAITALL", 64);
        m.put("MSG_WAITSTREAM", 512);
        m.put("NI_DGRAM", 16);
        m.put("NI_MAXHOST", 1025);
        m.put("NI_MAXSERV", 32);
        m.put("NI_NAMEREQD", 4);
        m.put("NI_NOFQDN", 1);
        m.put("NI_NUMERICHOST", 2);
        m.put("NI_NUMERICSERV", 8);
        m.put("PF_SYSTEM", 32);
        m.put("SCM_CREDS", 3);
        m.put("SCM_RIGHTS", 1);
        m.put("SCM_TIMESTAMP", 2);
        m.put("SCM_TIMESTAMP_MONOTONIC", 4);
        m.put("SHUT_RD", 0);
        m.put("SHUT_RDWR", 2);
        m.put("SHUT_WR", 1);
        m.put("SOCK_DGRAM", 2);
        m.put("SOCK_MAXADDRLEN", 255);
        m.put("SOCK_RAW", 3);
        m.put("SOCK_RDM", 4);
        m.put("SOCK_SEQPACKET", 5);
        m.put("SOCK_STREAM", 1);
        m.put("SOL_IP", 0);
        m.put("SOL_LOCAL", 0);
        m.put("SOL_SOCKET", 65535);
        m.put("SOL_TCP", 6);
        m.put("SOL_UDP", 17);
        m.put("SOMAXCONN", 128);
        m.put("SO_ACCEPTCONN", 2);
        m.put("SO_BROADCAST", 32);
        m.put("SO_DEBUG", 1);
        m.put("SO_DONTROUTE", 16);
        m.put("SO_ERROR", 4103);
        m.put("SO_KEEPALIVE", 8);
        m.put("SO_LINGER", 128);
        m.put("SO_LINGER_SEC", 4224);
        m.put("SO_NET_SERVICE_TYPE", 4374);
        m.put("SO_NOADDRERR", 4131);
        m.put("SO_NOSIGPIPE", 4130);
        m.put("SO_NREAD", 4128);
        m.put("SO_NWRITE", 4132);
        m.put("SO_OOBINLINE", 256);
        m.put("SO_RCVBUF", 4098);
        m.put("SO_RCVLOWAT", 4100);
        m.put("SO_RCVTIMEO", 4102);
        m.put("SO_REUSEADDR", 4);
        m.put("SO_REUSEPORT", 512);
        m.put("SO_SNDBUF", 4097);
        m.put("SO_SNDLOWAT", 4099);
        m.put("SO_SNDTIMEO", 4101);
        m.put("SO_TIMESTAMP", 1024);
        m.put("SO_TIMESTAMP_MONOTONIC", 2048);
        m.put("SO_TYPE", 4104);
        m.put("SO_USELOOPBACK", 64);
        m.put("SYSPROTO_CONTROL", 2); // xnu bsd/sys/sys_domain.h
        m.put("TCP_CONNECTIONTIMEOUT", 32);
        m.put("TCP_CONNECTION_INFO", 262);
        m.put("TCP_ENABLE_ECN", 260);
        m.put("TCP_FASTOPEN", 261);
        m.put("TCP_KEEPALIVE", 16);
        m.put("TCP_KEEPCNT", 258);
        m.put("TCP_KEEPINTVL", 257);
        m.put("TCP_MAXSEG", 2);
        m.put("TCP_NODELAY", 1);
        m.put("TCP_NOOPT", 8);
        m.put("TCP_NOPUSH", 4);
        m.put("TCP_NOTSENT_LOWAT", 513);
        m.put("TCP_RXT_CONNDROPTIME", 128);
        m.put("TCP_RXT_FINDROP", 256);
        m.put("TCP_SENDMOREACKS", 259);
        return m;
    }

    /** errno name to number (every E* of sys/errno.h). */
    static Map<String, Integer> errnos() {
        Map<String, Integer> m = new HashMap<>(160);
        m.put("E2BIG", 7);
        m.put("EACCES", 13);
        m.put("EADDRINUSE", 48);
        m.put("EADDRNOTAVAIL", 49);
        m.put("EAFNOSUPPORT", 47);
        m.put("EAGAIN", 35);
        m.put("EALREADY", 37);
        m.put("EAUTH", 80);
        m.put("EBADARCH", 86);
        m.put("EBADEXEC", 85);
        m.put("EBADF", 9);
        m.put("EBADMACHO", 88);
        m.put("EBADMSG", 94);
        m.put("EBADRPC", 72);
        m.put("EBUSY", 16);
        m.put("ECANCELED", 89);
        m.put("ECHILD", 10);
        m.put("ECONNABORTED", 53);
        m.put("ECONNREFUSED", 61);
        m.put("ECONNRESET", 54);
        m.put("EDEADLK", 11);
        m.put("EDESTADDRREQ", 39);
        m.put("EDEVERR", 83);
        m.put("EDOM", 33);
        m.put("EDQUOT", 69);
        m.put("EEXIST", 17);
        m.put("EFAULT", 14);
        m.put("EFBIG", 27);
        m.put("EFTYPE", 79);
        m.put("EHOSTDOWN", 64);
        m.put("EHOSTUNREACH", 65);
        m.put("EIDRM", 90);
        m.put("EILSEQ", 92);
        m.put("EINPROGRESS", 36);
        m.put("EINTR", 4);
        m.put("EINVAL", 22);
        m.put("EIO", 5);
        m.put("EISCONN", 56);
        m.put("EISDIR", 21);
        m.put("ELOOP", 62);
        m.put("EMFILE", 24);
        m.put("EMLINK", 31);
        m.put("EMSGSIZE", 40);
        m.put("EMULTIHOP", 95);
        m.put("ENAMETOOLONG", 63);
        m.put("ENEEDAUTH", 81);
        m.put("ENETDOWN", 50);
        m.put("ENETRESET", 52);
        m.put("ENETUNREACH", 51);
        m.put("ENFILE", 23);
        m.put("ENOATTR", 93);
        m.put("ENOBUFS", 55);
        m.put("ENODATA", 96);
        m.put("ENODEV", 19);
        m.put("ENOENT", 2);
        m.put("ENOEXEC", 8);
        m.put("ENOLCK", 77);
        m.put("ENOLINK", 97);
        m.put("ENOMEM", 12);
        m.put("ENOMSG", 91);
        m.put("ENOPOLICY", 103);
        m.put("ENOPROTOOPT", 42);
        m.put("ENOSPC", 28);
        m.put("ENOSR", 98);
        m.put("ENOSTR", 99);
        m.put("ENOSYS", 78);
        m.put("ENOTBLK", 15);
        m.put("ENOTCONN", 57);
        m.put("ENOTDIR", 20);
        m.put("ENOTEMPTY", 66);
        m.put("ENOTRECOVERABLE", 104);
        m.put("ENOTSOCK", 38);
        m.put("ENOTSUP", 45);
        m.put("ENOTTY", 25);
        m.put("ENXIO", 6);
        m.put("EOPNOTSUPP", 102);
        m.put("EOVERFLOW", 84);
        m.put("EOWNERDEAD", 105);
        m.put("EPERM", 1);
        m.put("EPFNOSUPPORT", 46);
        m.put("EPIPE", 32);
        m.put("EPROCLIM", 67);
        m.put("EPROCUNAVAIL", 76);
        m.put("EPROGMISMATCH", 75);
        m.put("EPROGUNAVAIL", 74);
        m.put("EPROTO", 100);
        m.put("EPROTONOSUPPORT", 43);
        m.put("EPROTOTYPE", 41);
        m.put("EPWROFF", 82);
        m.put("EQFULL", 106);
        m.put("ERANGE", 34);
        m.put("EREMOTE", 71);
        m.put("EROFS", 30);
        m.put("ERPCMISMATCH", 73);
        m.put("ESHLIBVERS", 87);
        m.put("ESHUTDOWN", 58);
        m.put("ESOCKTNOSUPPORT", 44);
        m.put("ESPIPE", 29);
        m.put("ESRCH", 3);
        m.put("ESTALE", 70);
        m.put("ETIME", 101);
        m.put("ETIMEDOUT", 60);
        m.put("ETOOMANYREFS", 59);
        m.put("ETXTBSY", 26);
        m.put("EUSERS", 68);
        m.put("EWOULDBLOCK", 35);
        m.put("EXDEV", 18);
        return m;
    }

    // kqueue, fcntl, ioctl and poll numbers the provider needs.
    static final int EVFILT_READ = -1;
    static final int EVFILT_WRITE = -2;
    static final int EVFILT_AIO = -3;
    static final int EVFILT_VNODE = -4;
    static final int EVFILT_PROC = -5;
    static final int EVFILT_SIGNAL = -6;
    static final int EVFILT_TIMER = -7;
    static final int EVFILT_MACHPORT = -8;
    static final int EVFILT_FS = -9;
    static final int EVFILT_USER = -10;
    static final int EVFILT_VM = -12;
    static final int EVFILT_EXCEPT = -15;
    static final int EVFILT_SYSCOUNT = 17;
    static final int EV_ADD = 1;
    static final int EV_DELETE = 2;
    static final int EV_ENABLE = 4;
    static final int EV_DISABLE = 8;
    static final int EV_ONESHOT = 16;
    static final int EV_CLEAR = 32;
    static final int EV_RECEIPT = 64;
    static final int EV_DISPATCH = 128;
    static final int EV_UDATA_SPECIFIC = 256;
    static final int EV_DISPATCH2 = 384;
    static final int EV_VANISHED = 512;
    static final int EV_SYSFLAGS = 61440;
    static final int EV_FLAG0 = 4096;
    static final int EV_FLAG1 = 8192;
    static final int EV_EOF = 32768;
    static final int EV_ERROR = 16384;
    static final int EV_OOBAND = 8192;
    static final int EV_POLL = 4096;
    static final int NOTE_TRIGGER = 16777216;
    static final int NOTE_FFNOP = 0;
    static final int NOTE_FFAND = 1073741824;
    static final int NOTE_FFOR = 0x80000000;
    static final int NOTE_FFCOPY = 0xc0000000;
    static final int NOTE_FFCTRLMASK = 0xc0000000;
    static final int NOTE_FFLAGSMASK = 16777215;
    static final int NOTE_LOWAT = 1;
    static final int KEVENT_FLAG_NONE = 0;
    static final int KEVENT_FLAG_IMMEDIATE = 1;
    static final int KEVENT_FLAG_ERROR_EVENTS = 2;
    static final int F_DUPFD = 0;
    static final int F_GETFD = 1;
    static final int F_SETFD = 2;
    static final int F_GETFL = 3;
    static final int F_SETFL = 4;
    static final int F_DUPFD_CLOEXEC = 67;
    static final int F_SETNOSIGPIPE = 73;
    static final int F_GETNOSIGPIPE = 74;
    static final int FD_CLOEXEC = 1;
    static final int O_NONBLOCK = 4;
    static final int O_CLOEXEC = 16777216;
    static final int O_RDWR = 2;
    static final int FIONBIO = 0x8004667e;
    static final int FIONREAD = 1074030207;
    static final int FIOCLEX = 536897025;
    static final int FIONCLEX = 536897026;
    static final int FIOASYNC = 0x8004667d;
    static final int SIOCATMARK = 1074033415;
    static final int POLLIN = 1;
    static final int POLLPRI = 2;
    static final int POLLOUT = 4;
    static final int POLLRDNORM = 64;
    static final int POLLWRNORM = 4;
    static final int POLLRDBAND = 128;
    static final int POLLWRBAND = 256;
    static final int POLLERR = 8;
    static final int POLLHUP = 16;
    static final int POLLNVAL = 32;
    static final int CTLIOCGINFO = 0xc0644e03;
    static final int MAX_KCTL_NAME = 96;
    static final int XUCRED_VERSION = 0;
    static final int NGROUPS = 16;
    static final int IFNAMSIZ = 16;
    static final int INET_ADDRSTRLEN = 16;
    static final int INET6_ADDRSTRLEN = 46;
    static final int IOV_MAX = 1024;
    static final int SIGPIPE = 13;
    static final int SYSPROTO_EVENT = 1; // xnu bsd/sys/sys_domain.h
    static final int AF_SYS_CONTROL = 2; // xnu bsd/sys/sys_domain.h

    // Sizes (SIZEOF_*) and offsets (OFF_STRUCT_FIELD) in bytes.
    static final int SIZEOF_SOCKADDR = 16; // sizeof(struct sockaddr)
    static final int OFF_SOCKADDR_SA_LEN = 0; // offsetof(struct sockaddr, sa_len)
    static final int OFF_SOCKADDR_SA_FAMILY = 1; // offsetof(struct sockaddr, sa_family)
    static final int OFF_SOCKADDR_SA_DATA = 2; // offsetof(struct sockaddr, sa_data)
    static final int SIZEOF_SOCKADDR_IN = 16; // sizeof(struct sockaddr_in)
    static final int OFF_SOCKADDR_IN_SIN_LEN = 0; // offsetof(struct sockaddr_in, sin_len)
    static final int OFF_SOCKADDR_IN_SIN_FAMILY = 1; // offsetof(struct sockaddr_in, sin_family)
    static final int OFF_SOCKADDR_IN_SIN_PORT = 2; // offsetof(struct sockaddr_in, sin_port)
    static final int OFF_SOCKADDR_IN_SIN_ADDR = 4; // offsetof(struct sockaddr_in, sin_addr)
    static final int OFF_SOCKADDR_IN_SIN_ZERO = 8; // offsetof(struct sockaddr_in, sin_zero)
    static final int SIZEOF_SOCKADDR_IN6 = 28; // sizeof(struct sockaddr_in6)
    static final int OFF_SOCKADDR_IN6_SIN6_LEN = 0; // offsetof(struct sockaddr_in6, sin6_len)
    static final int OFF_SOCKADDR_IN6_SIN6_FAMILY = 1; // offsetof(struct sockaddr_in6, sin6_family)
    static final int OFF_SOCKADDR_IN6_SIN6_PORT = 2; // offsetof(struct sockaddr_in6, sin6_port)
    static final int OFF_SOCKADDR_IN6_SIN6_FLOWINFO = 4; // offsetof(struct sockaddr_in6, sin6_flowinfo)
    static final int OFF_SOCKADDR_IN6_SIN6_ADDR = 8; // offsetof(struct sockaddr_in6, sin6_addr)
    static final int OFF_SOCKADDR_IN6_SIN6_SCOPE_ID = 24; // offsetof(struct sockaddr_in6, sin6_scope_id)
    static final int SIZEOF_SOCKADDR_UN = 106; // sizeof(struct sockaddr_un)
    static final int OFF_SOCKADDR_UN_SUN_LEN = 0; // offsetof(struct sockaddr_un, sun_len)
    static final int OFF_SOCKADDR_UN_SUN_FAMILY = 1; // offsetof(struct sockaddr_un, sun_family)
    static final int OFF_SOCKADDR_UN_SUN_PATH = 2; // offsetof(struct sockaddr_un, sun_path)
    static final int SIZEOF_SOCKADDR_UN_SUN_PATH = 104; // sizeof(((struct sockaddr_un *)0)->sun_path)
    static final int SIZEOF_SOCKADDR_STORAGE = 128; // sizeof(struct sockaddr_storage)
    static final int OFF_SOCKADDR_STORAGE_SS_LEN = 0; // offsetof(struct sockaddr_storage, ss_len)
    static final int OFF_SOCKADDR_STORAGE_SS_FAMILY = 1; // offsetof(struct sockaddr_storage, ss_family)
    static final int SIZEOF_SOCKADDR_DL = 20; // sizeof(struct sockaddr_dl)
    static final int OFF_SOCKADDR_DL_SDL_LEN = 0; // offsetof(struct sockaddr_dl, sdl_len)
    static final int OFF_SOCKADDR_DL_SDL_FAMILY = 1; // offsetof(struct sockaddr_dl, sdl_family)
    static final int OFF_SOCKADDR_DL_SDL_INDEX = 2; // offsetof(struct sockaddr_dl, sdl_index)
    static final int OFF_SOCKADDR_DL_SDL_TYPE = 4; // offsetof(struct sockaddr_dl, sdl_type)
    static final int OFF_SOCKADDR_DL_SDL_NLEN = 5; // offsetof(struct sockaddr_dl, sdl_nlen)
    static final int OFF_SOCKADDR_DL_SDL_ALEN = 6; // offsetof(struct sockaddr_dl, sdl_alen)
    static final int OFF_SOCKADDR_DL_SDL_SLEN = 7; // offsetof(struct sockaddr_dl, sdl_slen)
    static final int OFF_SOCKADDR_DL_SDL_DATA = 8; // offsetof(struct sockaddr_dl, sdl_data)
    static final int SIZEOF_SOCKADDR_CTL = 32; // sizeof(struct sockaddr_ctl)
    static final int OFF_SOCKADDR_CTL_SC_LEN = 0; // offsetof(struct sockaddr_ctl, sc_len)
    static final int OFF_SOCKADDR_CTL_SC_FAMILY = 1; // offsetof(struct sockaddr_ctl, sc_family)
    static final int OFF_SOCKADDR_CTL_SS_SYSADDR = 2; // offsetof(struct sockaddr_ctl, ss_sysaddr)
    static final int OFF_SOCKADDR_CTL_SC_ID = 4; // offsetof(struct sockaddr_ctl, sc_id)
    static final int OFF_SOCKADDR_CTL_SC_UNIT = 8; // offsetof(struct sockaddr_ctl, sc_unit)
    static final int OFF_SOCKADDR_CTL_SC_RESERVED = 12; // offsetof(struct sockaddr_ctl, sc_reserved)
    static final int SIZEOF_CTL_INFO = 100; // sizeof(struct ctl_info)
    static final int OFF_CTL_INFO_CTL_ID = 0; // offsetof(struct ctl_info, ctl_id)
    static final int OFF_CTL_INFO_CTL_NAME = 4; // offsetof(struct ctl_info, ctl_name)
    static final int SIZEOF_MSGHDR = 48; // sizeof(struct msghdr)
    static final int OFF_MSGHDR_MSG_NAME = 0; // offsetof(struct msghdr, msg_name)
    static final int OFF_MSGHDR_MSG_NAMELEN = 8; // offsetof(struct msghdr, msg_namelen)
    static final int OFF_MSGHDR_MSG_IOV = 16; // offsetof(struct msghdr, msg_iov)
    static final int OFF_MSGHDR_MSG_IOVLEN = 24; // offsetof(struct msghdr, msg_iovlen)
    static final int OFF_MSGHDR_MSG_CONTROL = 32; // offsetof(struct msghdr, msg_control)
    static final int OFF_MSGHDR_MSG_CONTROLLEN = 40; // offsetof(struct msghdr, msg_controllen)
    static final int OFF_MSGHDR_MSG_FLAGS = 44; // offsetof(struct msghdr, msg_flags)
    static final int SIZEOF_MSGHDR_MSG_IOVLEN = 4; // sizeof(((struct msghdr *)0)->msg_iovlen)
    static final int SIZEOF_MSGHDR_MSG_CONTROLLEN = 4; // sizeof(((struct msghdr *)0)->msg_controllen)
    static final int SIZEOF_CMSGHDR_CMSG_LEN = 4; // sizeof(((struct cmsghdr *)0)->cmsg_len)
    static final int SIZEOF_IOVEC = 16; // sizeof(struct iovec)
    static final int OFF_IOVEC_IOV_BASE = 0; // offsetof(struct iovec, iov_base)
    static final int OFF_IOVEC_IOV_LEN = 8; // offsetof(struct iovec, iov_len)
    static final int SIZEOF_CMSGHDR = 12; // sizeof(struct cmsghdr)
    static final int OFF_CMSGHDR_CMSG_LEN = 0; // offsetof(struct cmsghdr, cmsg_len)
    static final int OFF_CMSGHDR_CMSG_LEVEL = 4; // offsetof(struct cmsghdr, cmsg_level)
    static final int OFF_CMSGHDR_CMSG_TYPE = 8; // offsetof(struct cmsghdr, cmsg_type)
    static final int CMSG_LEN_0 = 12; // CMSG_LEN(0)
    static final int CMSG_LEN_4 = 16; // CMSG_LEN(4)
    static final int CMSG_SPACE_1 = 16; // CMSG_SPACE(1)
    static final int CMSG_SPACE_4 = 16; // CMSG_SPACE(4)
    static final int CMSG_SPACE_8 = 20; // CMSG_SPACE(8)
    static final int CMSG_SPACE_12 = 24; // CMSG_SPACE(12)
    static final int CMSG_DATA_OFFSET = 12; // (long)CMSG_DATA((struct cmsghdr *)0)
    static final int SIZEOF_KEVENT = 32; // sizeof(struct kevent)
    static final int OFF_KEVENT_IDENT = 0; // offsetof(struct kevent, ident)
    static final int OFF_KEVENT_FILTER = 8; // offsetof(struct kevent, filter)
    static final int OFF_KEVENT_FLAGS = 10; // offsetof(struct kevent, flags)
    static final int OFF_KEVENT_FFLAGS = 12; // offsetof(struct kevent, fflags)
    static final int OFF_KEVENT_DATA = 16; // offsetof(struct kevent, data)
    static final int OFF_KEVENT_UDATA = 24; // offsetof(struct kevent, udata)
    static final int SIZEOF_KEVENT64_S = 48; // sizeof(struct kevent64_s)
    static final int OFF_KEVENT64_S_IDENT = 0; // offsetof(struct kevent64_s, ident)
    static final int OFF_KEVENT64_S_FILTER = 8; // offsetof(struct kevent64_s, filter)
    static final int OFF_KEVENT64_S_FLAGS = 10; // offsetof(struct kevent64_s, flags)
    static final int OFF_KEVENT64_S_FFLAGS = 12; // offsetof(struct kevent64_s, fflags)
    static final int OFF_KEVENT64_S_DATA = 16; // offsetof(struct kevent64_s, data)
    static final int OFF_KEVENT64_S_UDATA = 24; // offsetof(struct kevent64_s, udata)
    static final int OFF_KEVENT64_S_EXT = 32; // offsetof(struct kevent64_s, ext)
    static final int SIZEOF_LINGER = 8; // sizeof(struct linger)
    static final int OFF_LINGER_L_ONOFF = 0; // offsetof(struct linger, l_onoff)
    static final int OFF_LINGER_L_LINGER = 4; // offsetof(struct linger, l_linger)
    static final int SIZEOF_TIMEVAL = 16; // sizeof(struct timeval)
    static final int OFF_TIMEVAL_TV_SEC = 0; // offsetof(struct timeval, tv_sec)
    static final int OFF_TIMEVAL_TV_USEC = 8; // offsetof(struct timeval, tv_usec)
    static final int SIZEOF_TIMESPEC = 16; // sizeof(struct timespec)
    static final int OFF_TIMESPEC_TV_SEC = 0; // offsetof(struct timespec, tv_sec)
    static final int OFF_TIMESPEC_TV_NSEC = 8; // offsetof(struct timespec, tv_nsec)
    static final int SIZEOF_XUCRED = 76; // sizeof(struct xucred)
    static final int OFF_XUCRED_CR_VERSION = 0; // offsetof(struct xucred, cr_version)
    static final int OFF_XUCRED_CR_UID = 4; // offsetof(struct xucred, cr_uid)
    static final int OFF_XUCRED_CR_NGROUPS = 8; // offsetof(struct xucred, cr_ngroups)
    static final int OFF_XUCRED_CR_GROUPS = 12; // offsetof(struct xucred, cr_groups)
    static final int SIZEOF_IP_MREQ = 8; // sizeof(struct ip_mreq)
    static final int OFF_IP_MREQ_IMR_MULTIADDR = 0; // offsetof(struct ip_mreq, imr_multiaddr)
    static final int OFF_IP_MREQ_IMR_INTERFACE = 4; // offsetof(struct ip_mreq, imr_interface)
    static final int SIZEOF_IP_MREQN = 12; // sizeof(struct ip_mreqn)
    static final int OFF_IP_MREQN_IMR_MULTIADDR = 0; // offsetof(struct ip_mreqn, imr_multiaddr)
    static final int OFF_IP_MREQN_IMR_ADDRESS = 4; // offsetof(struct ip_mreqn, imr_address)
    static final int OFF_IP_MREQN_IMR_IFINDEX = 8; // offsetof(struct ip_mreqn, imr_ifindex)
    static final int SIZEOF_IPV6_MREQ = 20; // sizeof(struct ipv6_mreq)
    static final int OFF_IPV6_MREQ_IPV6MR_MULTIADDR = 0; // offsetof(struct ipv6_mreq, ipv6mr_multiaddr)
    static final int OFF_IPV6_MREQ_IPV6MR_INTERFACE = 16; // offsetof(struct ipv6_mreq, ipv6mr_interface)
    static final int SIZEOF_IN_PKTINFO = 12; // sizeof(struct in_pktinfo)
    static final int OFF_IN_PKTINFO_IPI_IFINDEX = 0; // offsetof(struct in_pktinfo, ipi_ifindex)
    static final int OFF_IN_PKTINFO_IPI_SPEC_DST = 4; // offsetof(struct in_pktinfo, ipi_spec_dst)
    static final int OFF_IN_PKTINFO_IPI_ADDR = 8; // offsetof(struct in_pktinfo, ipi_addr)
    static final int SIZEOF_IN6_PKTINFO = 20; // sizeof(struct in6_pktinfo)
    static final int OFF_IN6_PKTINFO_IPI6_ADDR = 0; // offsetof(struct in6_pktinfo, ipi6_addr)
    static final int OFF_IN6_PKTINFO_IPI6_IFINDEX = 16; // offsetof(struct in6_pktinfo, ipi6_ifindex)
    static final int SIZEOF_ADDRINFO = 48; // sizeof(struct addrinfo)
    static final int OFF_ADDRINFO_AI_FLAGS = 0; // offsetof(struct addrinfo, ai_flags)
    static final int OFF_ADDRINFO_AI_FAMILY = 4; // offsetof(struct addrinfo, ai_family)
    static final int OFF_ADDRINFO_AI_SOCKTYPE = 8; // offsetof(struct addrinfo, ai_socktype)
    static final int OFF_ADDRINFO_AI_PROTOCOL = 12; // offsetof(struct addrinfo, ai_protocol)
    static final int OFF_ADDRINFO_AI_ADDRLEN = 16; // offsetof(struct addrinfo, ai_addrlen)
    static final int OFF_ADDRINFO_AI_CANONNAME = 24; // offsetof(struct addrinfo, ai_canonname)
    static final int OFF_ADDRINFO_AI_ADDR = 32; // offsetof(struct addrinfo, ai_addr)
    static final int OFF_ADDRINFO_AI_NEXT = 40; // offsetof(struct addrinfo, ai_next)
    static final int SIZEOF_HOSTENT = 32; // sizeof(struct hostent)
    static final int OFF_HOSTENT_H_NAME = 0; // offsetof(struct hostent, h_name)
    static final int OFF_HOSTENT_H_ALIASES = 8; // offsetof(struct hostent, h_aliases)
    static final int OFF_HOSTENT_H_ADDRTYPE = 16; // offsetof(struct hostent, h_addrtype)
    static final int OFF_HOSTENT_H_LENGTH = 20; // offsetof(struct hostent, h_length)
    static final int OFF_HOSTENT_H_ADDR_LIST = 24; // offsetof(struct hostent, h_addr_list)
    static final int SIZEOF_SERVENT = 32; // sizeof(struct servent)
    static final int OFF_SERVENT_S_NAME = 0; // offsetof(struct servent, s_name)
    static final int OFF_SERVENT_S_ALIASES = 8; // offsetof(struct servent, s_aliases)
    static final int OFF_SERVENT_S_PORT = 16; // offsetof(struct servent, s_port)
    static final int OFF_SERVENT_S_PROTO = 24; // offsetof(struct servent, s_proto)
    static final int SIZEOF_PROTOENT = 24; // sizeof(struct protoent)
    static final int OFF_PROTOENT_P_NAME = 0; // offsetof(struct protoent, p_name)
    static final int OFF_PROTOENT_P_ALIASES = 8; // offsetof(struct protoent, p_aliases)
    static final int OFF_PROTOENT_P_PROTO = 16; // offsetof(struct protoent, p_proto)
    static final int SIZEOF_POLLFD = 8; // sizeof(struct pollfd)
    static final int OFF_POLLFD_FD = 0; // offsetof(struct pollfd, fd)
    static final int OFF_POLLFD_EVENTS = 4; // offsetof(struct pollfd, events)
    static final int OFF_POLLFD_REVENTS = 6; // offsetof(struct pollfd, revents)
    static final int SIZEOF_IFREQ = 32; // sizeof(struct ifreq)
    static final int OFF_IFREQ_IFR_NAME = 0; // offsetof(struct ifreq, ifr_name)
    static final int SIZEOF_SOCKLEN_T = 4; // sizeof(socklen_t)
    static final int SIZEOF_SA_FAMILY_T = 1; // sizeof(sa_family_t)
    static final int SIZEOF_PID_T = 4; // sizeof(pid_t)
    static final int SIZEOF_UID_T = 4; // sizeof(uid_t)
    static final int SIZEOF_GID_T = 4; // sizeof(gid_t)
    static final int SIZEOF_LONG = 8; // sizeof(long)
    static final int SIZEOF_POINTER = 8; // sizeof(void *)
    static final int SIZEOF_SIZE_T = 8; // sizeof(size_t)
}
