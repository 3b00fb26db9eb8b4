package dev.weft;

/**
 * Python's integer constants ({@code AF_*}, {@code SOCK_*}, {@code SO_*}, {@code MSG_*},
 * {@code IPPROTO_*}, {@code TCP_*}, {@code IP_*}, {@code IPV6_*}, {@code AI_*}, {@code NI_*},
 * {@code EAI_*}, ...) with the running OS's values, read from the provider when this class
 * loads. A name the OS lacks is -1 (Python leaves such an attribute out), and passing -1 to a
 * call fails with the OS's error rather than doing something else. Where -1 is a real value
 * ({@code EAI_BADFLAGS} on Linux), {@link Sockets#hasConstant} tells the two apart. Reading
 * them asks the provider for its table only: it starts no poller and opens no socket.
 * SocketConstantsTest keeps this list and the providers' tables in step.
 *
 * <pre>{@code
 * import static dev.weft.SocketConstants.*;
 * s.setSockOpt(SOL_SOCKET, SO_REUSEADDR, 1);
 * }</pre>
 */
public final class SocketConstants {
    private SocketConstants() {}

    private static int c(String name) {
        try {
            return Sockets.constant(name, -1);
        } catch (IllegalStateException noProvider) {
            return -1; // the first socket call will report the missing provider
        }
    }

    /** AF_ALG, or -1 where this OS has none. */
    public static final int AF_ALG = c("AF_ALG");
    /** AF_APPLETALK, or -1 where this OS has none. */
    public static final int AF_APPLETALK = c("AF_APPLETALK");
    /** AF_ASH, or -1 where this OS has none. */
    public static final int AF_ASH = c("AF_ASH");
    /** AF_ATMPVC, or -1 where this OS has none. */
    public static final int AF_ATMPVC = c("AF_ATMPVC");
    /** AF_ATMSVC, or -1 where this OS has none. */
    public static final int AF_ATMSVC = c("AF_ATMSVC");
    /** AF_AX25, or -1 where this OS has none. */
    public static final int AF_AX25 = c("AF_AX25");
    /** AF_BLUETOOTH (Linux, Windows), or -1 where this OS has none. */
    public static final int AF_BLUETOOTH = c("AF_BLUETOOTH");
    /** AF_BRIDGE, or -1 where this OS has none. */
    public static final int AF_BRIDGE = c("AF_BRIDGE");
    /** AF_CAN, or -1 where this OS has none. */
    public static final int AF_CAN = c("AF_CAN");
    /** AF_DECnet (macOS), or -1 where this OS has none. */
    public static final int AF_DECnet = c("AF_DECnet");
    /** AF_ECONET, or -1 where this OS has none. */
    public static final int AF_ECONET = c("AF_ECONET");
    /** AF_HYPERV (Windows), or -1 where this OS has none. */
    public static final int AF_HYPERV = c("AF_HYPERV");
    /** AF_INET, or -1 where this OS has none. */
    public static final int AF_INET = c("AF_INET");
    /** AF_INET6, or -1 where this OS has none. */
    public static final int AF_INET6 = c("AF_INET6");
    /** AF_IPX, or -1 where this OS has none. */
    public static final int AF_IPX = c("AF_IPX");
    /** AF_IRDA, or -1 where this OS has none. */
    public static final int AF_IRDA = c("AF_IRDA");
    /** AF_KCM, or -1 where this OS has none. */
    public static final int AF_KCM = c("AF_KCM");
    /** AF_KEY, or -1 where this OS has none. */
    public static final int AF_KEY = c("AF_KEY");
    /** AF_LINK (macOS), or -1 where this OS has none. */
    public static final int AF_LINK = c("AF_LINK");
    /** AF_LLC, or -1 where this OS has none. */
    public static final int AF_LLC = c("AF_LLC");
    /** AF_MAX (macOS), or -1 where this OS has none. */
    public static final int AF_MAX = c("AF_MAX");
    /** AF_MCTP, or -1 where this OS has none. */
    public static final int AF_MCTP = c("AF_MCTP");
    /** AF_MPLS, or -1 where this OS has none. */
    public static final int AF_MPLS = c("AF_MPLS");
    /** AF_NETBEUI, or -1 where this OS has none. */
    public static final int AF_NETBEUI = c("AF_NETBEUI");
    /** AF_NETLINK, or -1 where this OS has none. */
    public static final int AF_NETLINK = c("AF_NETLINK");
    /** AF_NETROM, or -1 where this OS has none. */
    public static final int AF_NETROM = c("AF_NETROM");
    /** AF_PACKET, or -1 where this OS has none. */
    public static final int AF_PACKET = c("AF_PACKET");
    /** AF_PPPOX, or -1 where this OS has none. */
    public static final int AF_PPPOX = c("AF_PPPOX");
    /** AF_QIPCRTR, or -1 where this OS has none. */
    public static final int AF_QIPCRTR = c("AF_QIPCRTR");
    /** AF_RDS, or -1 where this OS has none. */
    public static final int AF_RDS = c("AF_RDS");
    /** AF_ROSE, or -1 where this OS has none. */
    public static final int AF_ROSE = c("AF_ROSE");
    /** AF_ROUTE, or -1 where this OS has none. */
    public static final int AF_ROUTE = c("AF_ROUTE");
    /** AF_SECURITY, or -1 where this OS has none. */
    public static final int AF_SECURITY = c("AF_SECURITY");
    /** AF_SNA, or -1 where this OS has none. */
    public static final int AF_SNA = c("AF_SNA");
    /** AF_SYSTEM (macOS), or -1 where this OS has none. */
    public static final int AF_SYSTEM = c("AF_SYSTEM");
    /** AF_TIPC, or -1 where this OS has none. */
    public static final int AF_TIPC = c("AF_TIPC");
    /** AF_UNIX, or -1 where this OS has none. */
    public static final int AF_UNIX = c("AF_UNIX");
    /** AF_UNSPEC, or -1 where this OS has none. */
    public static final int AF_UNSPEC = c("AF_UNSPEC");
    /** AF_VSOCK, or -1 where this OS has none. */
    public static final int AF_VSOCK = c("AF_VSOCK");
    /** AF_WANPIPE, or -1 where this OS has none. */
    public static final int AF_WANPIPE = c("AF_WANPIPE");
    /** AF_X25, or -1 where this OS has none. */
    public static final int AF_X25 = c("AF_X25");
    /** AF_XDP, or -1 where this OS has none. */
    public static final int AF_XDP = c("AF_XDP");
    /** AI_ADDRCONFIG, or -1 where this OS has none. */
    public static final int AI_ADDRCONFIG = c("AI_ADDRCONFIG");
    /** AI_ALL, or -1 where this OS has none. */
    public static final int AI_ALL = c("AI_ALL");
    /** AI_CANONNAME, or -1 where this OS has none. */
    public static final int AI_CANONNAME = c("AI_CANONNAME");
    /** AI_DEFAULT (macOS), or -1 where this OS has none. */
    public static final int AI_DEFAULT = c("AI_DEFAULT");
    /** AI_MASK (macOS), or -1 where this OS has none. */
    public static final int AI_MASK = c("AI_MASK");
    /** AI_NUMERICHOST, or -1 where this OS has none. */
    public static final int AI_NUMERICHOST = c("AI_NUMERICHOST");
    /** AI_NUMERICSERV, or -1 where this OS has none. */
    public static final int AI_NUMERICSERV = c("AI_NUMERICSERV");
    /** AI_PASSIVE, or -1 where this OS has none. */
    public static final int AI_PASSIVE = c("AI_PASSIVE");
    /** AI_V4MAPPED, or -1 where this OS has none. */
    public static final int AI_V4MAPPED = c("AI_V4MAPPED");
    /** AI_V4MAPPED_CFG (macOS), or -1 where this OS has none. */
    public static final int AI_V4MAPPED_CFG = c("AI_V4MAPPED_CFG");
    /** ALG_OP_DECRYPT, or -1 where this OS has none. */
    public static final int ALG_OP_DECRYPT = c("ALG_OP_DECRYPT");
    /** ALG_OP_ENCRYPT, or -1 where this OS has none. */
    public static final int ALG_OP_ENCRYPT = c("ALG_OP_ENCRYPT");
    /** ALG_OP_SIGN, or -1 where this OS has none. */
    public static final int ALG_OP_SIGN = c("ALG_OP_SIGN");
    /** ALG_OP_VERIFY, or -1 where this OS has none. */
    public static final int ALG_OP_VERIFY = c("ALG_OP_VERIFY");
    /** ALG_SET_AEAD_ASSOCLEN, or -1 where this OS has none. */
    public static final int ALG_SET_AEAD_ASSOCLEN = c("ALG_SET_AEAD_ASSOCLEN");
    /** ALG_SET_AEAD_AUTHSIZE, or -1 where this OS has none. */
    public static final int ALG_SET_AEAD_AUTHSIZE = c("ALG_SET_AEAD_AUTHSIZE");
    /** ALG_SET_IV, or -1 where this OS has none. */
    public static final int ALG_SET_IV = c("ALG_SET_IV");
    /** ALG_SET_KEY, or -1 where this OS has none. */
    public static final int ALG_SET_KEY = c("ALG_SET_KEY");
    /** ALG_SET_OP, or -1 where this OS has none. */
    public static final int ALG_SET_OP = c("ALG_SET_OP");
    /** ALG_SET_PUBKEY, or -1 where this OS has none. */
    public static final int ALG_SET_PUBKEY = c("ALG_SET_PUBKEY");
    /** BTPROTO_HCI (Linux), or -1 where this OS has none. */
    public static final int BTPROTO_HCI = c("BTPROTO_HCI");
    /** BTPROTO_L2CAP (Linux), or -1 where this OS has none. */
    public static final int BTPROTO_L2CAP = c("BTPROTO_L2CAP");
    /** BTPROTO_RFCOMM (Linux, Windows), or -1 where this OS has none. */
    public static final int BTPROTO_RFCOMM = c("BTPROTO_RFCOMM");
    /** BTPROTO_SCO (Linux), or -1 where this OS has none. */
    public static final int BTPROTO_SCO = c("BTPROTO_SCO");
    /** CAN_BCM, or -1 where this OS has none. */
    public static final int CAN_BCM = c("CAN_BCM");
    /** CAN_BCM_CAN_FD_FRAME, or -1 where this OS has none. */
    public static final int CAN_BCM_CAN_FD_FRAME = c("CAN_BCM_CAN_FD_FRAME");
    /** CAN_BCM_RX_ANNOUNCE_RESUME, or -1 where this OS has none. */
    public static final int CAN_BCM_RX_ANNOUNCE_RESUME = c("CAN_BCM_RX_ANNOUNCE_RESUME");
    /** CAN_BCM_RX_CHANGED, or -1 where this OS has none. */
    public static final int CAN_BCM_RX_CHANGED = c("CAN_BCM_RX_CHANGED");
    /** CAN_BCM_RX_CHECK_DLC, or -1 where this OS has none. */
    public static final int CAN_BCM_RX_CHECK_DLC = c("CAN_BCM_RX_CHECK_DLC");
    /** CAN_BCM_RX_DELETE, or -1 where this OS has none. */
    public static final int CAN_BCM_RX_DELETE = c("CAN_BCM_RX_DELETE");
    /** CAN_BCM_RX_FILTER_ID, or -1 where this OS has none. */
    public static final int CAN_BCM_RX_FILTER_ID = c("CAN_BCM_RX_FILTER_ID");
    /** CAN_BCM_RX_NO_AUTOTIMER, or -1 where this OS has none. */
    public static final int CAN_BCM_RX_NO_AUTOTIMER = c("CAN_BCM_RX_NO_AUTOTIMER");
    /** CAN_BCM_RX_READ, or -1 where this OS has none. */
    public static final int CAN_BCM_RX_READ = c("CAN_BCM_RX_READ");
    /** CAN_BCM_RX_RTR_FRAME, or -1 where this OS has none. */
    public static final int CAN_BCM_RX_RTR_FRAME = c("CAN_BCM_RX_RTR_FRAME");
    /** CAN_BCM_RX_SETUP, or -1 where this OS has none. */
    public static final int CAN_BCM_RX_SETUP = c("CAN_BCM_RX_SETUP");
    /** CAN_BCM_RX_STATUS, or -1 where this OS has none. */
    public static final int CAN_BCM_RX_STATUS = c("CAN_BCM_RX_STATUS");
    /** CAN_BCM_RX_TIMEOUT, or -1 where this OS has none. */
    public static final int CAN_BCM_RX_TIMEOUT = c("CAN_BCM_RX_TIMEOUT");
    /** CAN_BCM_SETTIMER, or -1 where this OS has none. */
    public static final int CAN_BCM_SETTIMER = c("CAN_BCM_SETTIMER");
    /** CAN_BCM_STARTTIMER, or -1 where this OS has none. */
    public static final int CAN_BCM_STARTTIMER = c("CAN_BCM_STARTTIMER");
    /** CAN_BCM_TX_ANNOUNCE, or -1 where this OS has none. */
    public static final int CAN_BCM_TX_ANNOUNCE = c("CAN_BCM_TX_ANNOUNCE");
    /** CAN_BCM_TX_COUNTEVT, or -1 where this OS has none. */
    public static final int CAN_BCM_TX_COUNTEVT = c("CAN_BCM_TX_COUNTEVT");
    /** CAN_BCM_TX_CP_CAN_ID, or -1 where this OS has none. */
    public static final int CAN_BCM_TX_CP_CAN_ID = c("CAN_BCM_TX_CP_CAN_ID");
    /** CAN_BCM_TX_DELETE, or -1 where this OS has none. */
    public static final int CAN_BCM_TX_DELETE = c("CAN_BCM_TX_DELETE");
    /** CAN_BCM_TX_EXPIRED, or -1 where this OS has none. */
    public static final int CAN_BCM_TX_EXPIRED = c("CAN_BCM_TX_EXPIRED");
    /** CAN_BCM_TX_READ, or -1 where this OS has none. */
    public static final int CAN_BCM_TX_READ = c("CAN_BCM_TX_READ");
    /** CAN_BCM_TX_RESET_MULTI_IDX, or -1 where this OS has none. */
    public static final int CAN_BCM_TX_RESET_MULTI_IDX = c("CAN_BCM_TX_RESET_MULTI_IDX");
    /** CAN_BCM_TX_SEND, or -1 where this OS has none. */
    public static final int CAN_BCM_TX_SEND = c("CAN_BCM_TX_SEND");
    /** CAN_BCM_TX_SETUP, or -1 where this OS has none. */
    public static final int CAN_BCM_TX_SETUP = c("CAN_BCM_TX_SETUP");
    /** CAN_BCM_TX_STATUS, or -1 where this OS has none. */
    public static final int CAN_BCM_TX_STATUS = c("CAN_BCM_TX_STATUS");
    /** CAN_EFF_FLAG, or -1 where this OS has none. */
    public static final int CAN_EFF_FLAG = c("CAN_EFF_FLAG");
    /** CAN_EFF_MASK, or -1 where this OS has none. */
    public static final int CAN_EFF_MASK = c("CAN_EFF_MASK");
    /** CAN_ERR_FLAG, or -1 where this OS has none. */
    public static final int CAN_ERR_FLAG = c("CAN_ERR_FLAG");
    /** CAN_ERR_MASK, or -1 where this OS has none. */
    public static final int CAN_ERR_MASK = c("CAN_ERR_MASK");
    /** CAN_ISOTP, or -1 where this OS has none. */
    public static final int CAN_ISOTP = c("CAN_ISOTP");
    /** CAN_ISOTP_LL_OPTS, or -1 where this OS has none. */
    public static final int CAN_ISOTP_LL_OPTS = c("CAN_ISOTP_LL_OPTS");
    /** CAN_ISOTP_OPTS, or -1 where this OS has none. */
    public static final int CAN_ISOTP_OPTS = c("CAN_ISOTP_OPTS");
    /** CAN_ISOTP_RECV_FC, or -1 where this OS has none. */
    public static final int CAN_ISOTP_RECV_FC = c("CAN_ISOTP_RECV_FC");
    /** CAN_ISOTP_RX_STMIN, or -1 where this OS has none. */
    public static final int CAN_ISOTP_RX_STMIN = c("CAN_ISOTP_RX_STMIN");
    /** CAN_ISOTP_TX_STMIN, or -1 where this OS has none. */
    public static final int CAN_ISOTP_TX_STMIN = c("CAN_ISOTP_TX_STMIN");
    /** CAN_J1939, or -1 where this OS has none. */
    public static final int CAN_J1939 = c("CAN_J1939");
    /** CAN_RAW, or -1 where this OS has none. */
    public static final int CAN_RAW = c("CAN_RAW");
    /** CAN_RAW_ERR_FILTER, or -1 where this OS has none. */
    public static final int CAN_RAW_ERR_FILTER = c("CAN_RAW_ERR_FILTER");
    /** CAN_RAW_FD_FRAMES, or -1 where this OS has none. */
    public static final int CAN_RAW_FD_FRAMES = c("CAN_RAW_FD_FRAMES");
    /** CAN_RAW_FILTER, or -1 where this OS has none. */
    public static final int CAN_RAW_FILTER = c("CAN_RAW_FILTER");
    /** CAN_RAW_JOIN_FILTERS, or -1 where this OS has none. */
    public static final int CAN_RAW_JOIN_FILTERS = c("CAN_RAW_JOIN_FILTERS");
    /** CAN_RAW_LOOPBACK, or -1 where this OS has none. */
    public static final int CAN_RAW_LOOPBACK = c("CAN_RAW_LOOPBACK");
    /** CAN_RAW_RECV_OWN_MSGS, or -1 where this OS has none. */
    public static final int CAN_RAW_RECV_OWN_MSGS = c("CAN_RAW_RECV_OWN_MSGS");
    /** CAN_RTR_FLAG, or -1 where this OS has none. */
    public static final int CAN_RTR_FLAG = c("CAN_RTR_FLAG");
    /** CAN_SFF_MASK, or -1 where this OS has none. */
    public static final int CAN_SFF_MASK = c("CAN_SFF_MASK");
    /** ETH_P_ALL, or -1 where this OS has none. */
    public static final int ETH_P_ALL = c("ETH_P_ALL");
    /** ETH_P_ARP, or -1 where this OS has none. */
    public static final int ETH_P_ARP = c("ETH_P_ARP");
    /** ETH_P_IP, or -1 where this OS has none. */
    public static final int ETH_P_IP = c("ETH_P_IP");
    /** ETH_P_IPV6, or -1 where this OS has none. */
    public static final int ETH_P_IPV6 = c("ETH_P_IPV6");
    /** EAGAIN, or -1 where this OS has none. */
    public static final int EAGAIN = c("EAGAIN");
    /** EAI_AGAIN, or -1 where this OS has none. */
    public static final int EAI_AGAIN = c("EAI_AGAIN");
    /** EAI_BADFLAGS, or -1 where this OS has none. */
    public static final int EAI_BADFLAGS = c("EAI_BADFLAGS");
    /** EAI_BADHINTS (macOS), or -1 where this OS has none. */
    public static final int EAI_BADHINTS = c("EAI_BADHINTS");
    /** EAI_FAIL, or -1 where this OS has none. */
    public static final int EAI_FAIL = c("EAI_FAIL");
    /** EAI_FAMILY, or -1 where this OS has none. */
    public static final int EAI_FAMILY = c("EAI_FAMILY");
    /** EAI_MAX (macOS), or -1 where this OS has none. */
    public static final int EAI_MAX = c("EAI_MAX");
    /** EAI_MEMORY, or -1 where this OS has none. */
    public static final int EAI_MEMORY = c("EAI_MEMORY");
    /** EAI_NODATA, or -1 where this OS has none. */
    public static final int EAI_NODATA = c("EAI_NODATA");
    /** EAI_NONAME, or -1 where this OS has none. */
    public static final int EAI_NONAME = c("EAI_NONAME");
    /** EAI_OVERFLOW, or -1 where this OS has none. */
    public static final int EAI_OVERFLOW = c("EAI_OVERFLOW");
    /** EAI_PROTOCOL (macOS), or -1 where this OS has none. */
    public static final int EAI_PROTOCOL = c("EAI_PROTOCOL");
    /** EAI_SERVICE, or -1 where this OS has none. */
    public static final int EAI_SERVICE = c("EAI_SERVICE");
    /** EAI_SOCKTYPE, or -1 where this OS has none. */
    public static final int EAI_SOCKTYPE = c("EAI_SOCKTYPE");
    /** EAI_SYSTEM, or -1 where this OS has none. */
    public static final int EAI_SYSTEM = c("EAI_SYSTEM");
    /** EBADF, or -1 where this OS has none. */
    public static final int EBADF = c("EBADF");
    /** ETHERTYPE_ARP (macOS), or -1 where this OS has none. */
    public static final int ETHERTYPE_ARP = c("ETHERTYPE_ARP");
    /** ETHERTYPE_IP (macOS), or -1 where this OS has none. */
    public static final int ETHERTYPE_IP = c("ETHERTYPE_IP");
    /** ETHERTYPE_IPV6 (macOS), or -1 where this OS has none. */
    public static final int ETHERTYPE_IPV6 = c("ETHERTYPE_IPV6");
    /** ETHERTYPE_VLAN (macOS), or -1 where this OS has none. */
    public static final int ETHERTYPE_VLAN = c("ETHERTYPE_VLAN");
    /** EWOULDBLOCK, or -1 where this OS has none. */
    public static final int EWOULDBLOCK = c("EWOULDBLOCK");
    /** HCI_DATA_DIR (Linux), or -1 where this OS has none. */
    public static final int HCI_DATA_DIR = c("HCI_DATA_DIR");
    /** HCI_FILTER (Linux), or -1 where this OS has none. */
    public static final int HCI_FILTER = c("HCI_FILTER");
    /** HCI_TIME_STAMP (Linux), or -1 where this OS has none. */
    public static final int HCI_TIME_STAMP = c("HCI_TIME_STAMP");
    /** HVSOCKET_ADDRESS_FLAG_PASSTHRU (Windows), or -1 where this OS has none. */
    public static final int HVSOCKET_ADDRESS_FLAG_PASSTHRU = c("HVSOCKET_ADDRESS_FLAG_PASSTHRU");
    /** HVSOCKET_CONNECTED_SUSPEND (Windows), or -1 where this OS has none. */
    public static final int HVSOCKET_CONNECTED_SUSPEND = c("HVSOCKET_CONNECTED_SUSPEND");
    /** HVSOCKET_CONNECT_TIMEOUT (Windows), or -1 where this OS has none. */
    public static final int HVSOCKET_CONNECT_TIMEOUT = c("HVSOCKET_CONNECT_TIMEOUT");
    /** HVSOCKET_CONNECT_TIMEOUT_MAX (Windows), or -1 where this OS has none. */
    public static final int HVSOCKET_CONNECT_TIMEOUT_MAX = c("HVSOCKET_CONNECT_TIMEOUT_MAX");
    /** HV_PROTOCOL_RAW (Windows), or -1 where this OS has none. */
    public static final int HV_PROTOCOL_RAW = c("HV_PROTOCOL_RAW");
    /** INADDR_ALLHOSTS_GROUP, or -1 where this OS has none. */
    public static final int INADDR_ALLHOSTS_GROUP = c("INADDR_ALLHOSTS_GROUP");
    /** INADDR_ANY, or -1 where this OS has none. */
    public static final int INADDR_ANY = c("INADDR_ANY");
    /** INADDR_BROADCAST, or -1 where this OS has none. */
    public static final int INADDR_BROADCAST = c("INADDR_BROADCAST");
    /** INADDR_LOOPBACK, or -1 where this OS has none. */
    public static final int INADDR_LOOPBACK = c("INADDR_LOOPBACK");
    /** INADDR_MAX_LOCAL_GROUP, or -1 where this OS has none. */
    public static final int INADDR_MAX_LOCAL_GROUP = c("INADDR_MAX_LOCAL_GROUP");
    /** INADDR_NONE, or -1 where this OS has none. */
    public static final int INADDR_NONE = c("INADDR_NONE");
    /** INADDR_UNSPEC_GROUP, or -1 where this OS has none. */
    public static final int INADDR_UNSPEC_GROUP = c("INADDR_UNSPEC_GROUP");
    /** IOCTL_VM_SOCKETS_GET_LOCAL_CID, or -1 where this OS has none. */
    public static final int IOCTL_VM_SOCKETS_GET_LOCAL_CID = c("IOCTL_VM_SOCKETS_GET_LOCAL_CID");
    /** IPPORT_RESERVED, or -1 where this OS has none. */
    public static final int IPPORT_RESERVED = c("IPPORT_RESERVED");
    /** IPPORT_USERRESERVED, or -1 where this OS has none. */
    public static final int IPPORT_USERRESERVED = c("IPPORT_USERRESERVED");
    /** IPPROTO_AH, or -1 where this OS has none. */
    public static final int IPPROTO_AH = c("IPPROTO_AH");
    /** IPPROTO_CBT (Windows), or -1 where this OS has none. */
    public static final int IPPROTO_CBT = c("IPPROTO_CBT");
    /** IPPROTO_DSTOPTS, or -1 where this OS has none. */
    public static final int IPPROTO_DSTOPTS = c("IPPROTO_DSTOPTS");
    /** IPPROTO_EGP, or -1 where this OS has none. */
    public static final int IPPROTO_EGP = c("IPPROTO_EGP");
    /** IPPROTO_EON (macOS), or -1 where this OS has none. */
    public static final int IPPROTO_EON = c("IPPROTO_EON");
    /** IPPROTO_ESP, or -1 where this OS has none. */
    public static final int IPPROTO_ESP = c("IPPROTO_ESP");
    /** IPPROTO_FRAGMENT, or -1 where this OS has none. */
    public static final int IPPROTO_FRAGMENT = c("IPPROTO_FRAGMENT");
    /** IPPROTO_GGP (macOS), or -1 where this OS has none. */
    public static final int IPPROTO_GGP = c("IPPROTO_GGP");
    /** IPPROTO_GRE, or -1 where this OS has none. */
    public static final int IPPROTO_GRE = c("IPPROTO_GRE");
    /** IPPROTO_HELLO (macOS), or -1 where this OS has none. */
    public static final int IPPROTO_HELLO = c("IPPROTO_HELLO");
    /** IPPROTO_HOPOPTS, or -1 where this OS has none. */
    public static final int IPPROTO_HOPOPTS = c("IPPROTO_HOPOPTS");
    /** IPPROTO_ICLFXBM (Windows), or -1 where this OS has none. */
    public static final int IPPROTO_ICLFXBM = c("IPPROTO_ICLFXBM");
    /** IPPROTO_ICMP, or -1 where this OS has none. */
    public static final int IPPROTO_ICMP = c("IPPROTO_ICMP");
    /** IPPROTO_ICMPV6, or -1 where this OS has none. */
    public static final int IPPROTO_ICMPV6 = c("IPPROTO_ICMPV6");
    /** IPPROTO_IDP, or -1 where this OS has none. */
    public static final int IPPROTO_IDP = c("IPPROTO_IDP");
    /** IPPROTO_IGMP, or -1 where this OS has none. */
    public static final int IPPROTO_IGMP = c("IPPROTO_IGMP");
    /** IPPROTO_IGP (Windows), or -1 where this OS has none. */
    public static final int IPPROTO_IGP = c("IPPROTO_IGP");
    /** IPPROTO_IP, or -1 where this OS has none. */
    public static final int IPPROTO_IP = c("IPPROTO_IP");
    /** IPPROTO_IPCOMP (macOS), or -1 where this OS has none. */
    public static final int IPPROTO_IPCOMP = c("IPPROTO_IPCOMP");
    /** IPPROTO_IPIP, or -1 where this OS has none. */
    public static final int IPPROTO_IPIP = c("IPPROTO_IPIP");
    /** IPPROTO_IPV4 (macOS), or -1 where this OS has none. */
    public static final int IPPROTO_IPV4 = c("IPPROTO_IPV4");
    /** IPPROTO_IPV6, or -1 where this OS has none. */
    public static final int IPPROTO_IPV6 = c("IPPROTO_IPV6");
    /** IPPROTO_L2TP (Windows), or -1 where this OS has none. */
    public static final int IPPROTO_L2TP = c("IPPROTO_L2TP");
    /** IPPROTO_MAX (macOS), or -1 where this OS has none. */
    public static final int IPPROTO_MAX = c("IPPROTO_MAX");
    /** IPPROTO_MPTCP, or -1 where this OS has none. */
    public static final int IPPROTO_MPTCP = c("IPPROTO_MPTCP");
    /** IPPROTO_ND (macOS), or -1 where this OS has none. */
    public static final int IPPROTO_ND = c("IPPROTO_ND");
    /** IPPROTO_NONE, or -1 where this OS has none. */
    public static final int IPPROTO_NONE = c("IPPROTO_NONE");
    /** IPPROTO_PGM (Windows), or -1 where this OS has none. */
    public static final int IPPROTO_PGM = c("IPPROTO_PGM");
    /** IPPROTO_PIM, or -1 where this OS has none. */
    public static final int IPPROTO_PIM = c("IPPROTO_PIM");
    /** IPPROTO_PUP, or -1 where this OS has none. */
    public static final int IPPROTO_PUP = c("IPPROTO_PUP");
    /** IPPROTO_RAW, or -1 where this OS has none. */
    public static final int IPPROTO_RAW = c("IPPROTO_RAW");
    /** IPPROTO_RDP (Windows), or -1 where this OS has none. */
    public static final int IPPROTO_RDP = c("IPPROTO_RDP");
    /** IPPROTO_ROUTING, or -1 where this OS has none. */
    public static final int IPPROTO_ROUTING = c("IPPROTO_ROUTING");
    /** IPPROTO_RSVP, or -1 where this OS has none. */
    public static final int IPPROTO_RSVP = c("IPPROTO_RSVP");
    /** IPPROTO_SCTP, or -1 where this OS has none. */
    public static final int IPPROTO_SCTP = c("IPPROTO_SCTP");
    /** IPPROTO_ST (Windows), or -1 where this OS has none. */
    public static final int IPPROTO_ST = c("IPPROTO_ST");
    /** IPPROTO_TCP, or -1 where this OS has none. */
    public static final int IPPROTO_TCP = c("IPPROTO_TCP");
    /** IPPROTO_TP, or -1 where this OS has none. */
    public static final int IPPROTO_TP = c("IPPROTO_TP");
    /** IPPROTO_UDP, or -1 where this OS has none. */
    public static final int IPPROTO_UDP = c("IPPROTO_UDP");
    /** IPPROTO_UDPLITE, or -1 where this OS has none. */
    public static final int IPPROTO_UDPLITE = c("IPPROTO_UDPLITE");
    /** IPPROTO_XTP (macOS), or -1 where this OS has none. */
    public static final int IPPROTO_XTP = c("IPPROTO_XTP");
    /** IPV6_BOUND_IF (macOS), or -1 where this OS has none. */
    public static final int IPV6_BOUND_IF = c("IPV6_BOUND_IF");
    /** IPV6_CHECKSUM, or -1 where this OS has none. */
    public static final int IPV6_CHECKSUM = c("IPV6_CHECKSUM");
    /** IPV6_DONTFRAG, or -1 where this OS has none. */
    public static final int IPV6_DONTFRAG = c("IPV6_DONTFRAG");
    /** IPV6_DSTOPTS, or -1 where this OS has none. */
    public static final int IPV6_DSTOPTS = c("IPV6_DSTOPTS");
    /** IPV6_FREEBIND, or -1 where this OS has none. */
    public static final int IPV6_FREEBIND = c("IPV6_FREEBIND");
    /** IPV6_HOPLIMIT, or -1 where this OS has none. */
    public static final int IPV6_HOPLIMIT = c("IPV6_HOPLIMIT");
    /** IPV6_HOPOPTS, or -1 where this OS has none. */
    public static final int IPV6_HOPOPTS = c("IPV6_HOPOPTS");
    /** IPV6_JOIN_GROUP, or -1 where this OS has none. */
    public static final int IPV6_JOIN_GROUP = c("IPV6_JOIN_GROUP");
    /** IPV6_LEAVE_GROUP, or -1 where this OS has none. */
    public static final int IPV6_LEAVE_GROUP = c("IPV6_LEAVE_GROUP");
    /** IPV6_MTU, or -1 where this OS has none. */
    public static final int IPV6_MTU = c("IPV6_MTU");
    /** IPV6_MTU_DISCOVER, or -1 where this OS has none. */
    public static final int IPV6_MTU_DISCOVER = c("IPV6_MTU_DISCOVER");
    /** IPV6_MULTICAST_HOPS, or -1 where this OS has none. */
    public static final int IPV6_MULTICAST_HOPS = c("IPV6_MULTICAST_HOPS");
    /** IPV6_MULTICAST_IF, or -1 where this OS has none. */
    public static final int IPV6_MULTICAST_IF = c("IPV6_MULTICAST_IF");
    /** IPV6_MULTICAST_LOOP, or -1 where this OS has none. */
    public static final int IPV6_MULTICAST_LOOP = c("IPV6_MULTICAST_LOOP");
    /** IPV6_NEXTHOP, or -1 where this OS has none. */
    public static final int IPV6_NEXTHOP = c("IPV6_NEXTHOP");
    /** IPV6_PATHMTU, or -1 where this OS has none. */
    public static final int IPV6_PATHMTU = c("IPV6_PATHMTU");
    /** IPV6_PKTINFO, or -1 where this OS has none. */
    public static final int IPV6_PKTINFO = c("IPV6_PKTINFO");
    /** IPV6_PORTRANGE (macOS), or -1 where this OS has none. */
    public static final int IPV6_PORTRANGE = c("IPV6_PORTRANGE");
    /** IPV6_RECVDSTOPTS, or -1 where this OS has none. */
    public static final int IPV6_RECVDSTOPTS = c("IPV6_RECVDSTOPTS");
    /** IPV6_RECVERR, or -1 where this OS has none. */
    public static final int IPV6_RECVERR = c("IPV6_RECVERR");
    /** IPV6_RECVHOPLIMIT, or -1 where this OS has none. */
    public static final int IPV6_RECVHOPLIMIT = c("IPV6_RECVHOPLIMIT");
    /** IPV6_RECVHOPOPTS, or -1 where this OS has none. */
    public static final int IPV6_RECVHOPOPTS = c("IPV6_RECVHOPOPTS");
    /** IPV6_RECVPATHMTU, or -1 where this OS has none. */
    public static final int IPV6_RECVPATHMTU = c("IPV6_RECVPATHMTU");
    /** IPV6_RECVPKTINFO, or -1 where this OS has none. */
    public static final int IPV6_RECVPKTINFO = c("IPV6_RECVPKTINFO");
    /** IPV6_RECVRTHDR, or -1 where this OS has none. */
    public static final int IPV6_RECVRTHDR = c("IPV6_RECVRTHDR");
    /** IPV6_RECVTCLASS, or -1 where this OS has none. */
    public static final int IPV6_RECVTCLASS = c("IPV6_RECVTCLASS");
    /** IPV6_RTHDR, or -1 where this OS has none. */
    public static final int IPV6_RTHDR = c("IPV6_RTHDR");
    /** IPV6_RTHDRDSTOPTS, or -1 where this OS has none. */
    public static final int IPV6_RTHDRDSTOPTS = c("IPV6_RTHDRDSTOPTS");
    /** IPV6_RTHDR_TYPE_0, or -1 where this OS has none. */
    public static final int IPV6_RTHDR_TYPE_0 = c("IPV6_RTHDR_TYPE_0");
    /** IPV6_TCLASS, or -1 where this OS has none. */
    public static final int IPV6_TCLASS = c("IPV6_TCLASS");
    /** IPV6_TRANSPARENT, or -1 where this OS has none. */
    public static final int IPV6_TRANSPARENT = c("IPV6_TRANSPARENT");
    /** IPV6_UNICAST_HOPS, or -1 where this OS has none. */
    public static final int IPV6_UNICAST_HOPS = c("IPV6_UNICAST_HOPS");
    /** IPV6_USE_MIN_MTU (macOS), or -1 where this OS has none. */
    public static final int IPV6_USE_MIN_MTU = c("IPV6_USE_MIN_MTU");
    /** IPV6_V6ONLY, or -1 where this OS has none. */
    public static final int IPV6_V6ONLY = c("IPV6_V6ONLY");
    /** IP_ADD_MEMBERSHIP, or -1 where this OS has none. */
    public static final int IP_ADD_MEMBERSHIP = c("IP_ADD_MEMBERSHIP");
    /** IP_ADD_SOURCE_MEMBERSHIP (macOS), or -1 where this OS has none. */
    public static final int IP_ADD_SOURCE_MEMBERSHIP = c("IP_ADD_SOURCE_MEMBERSHIP");
    /** IP_BIND_ADDRESS_NO_PORT, or -1 where this OS has none. */
    public static final int IP_BIND_ADDRESS_NO_PORT = c("IP_BIND_ADDRESS_NO_PORT");
    /** IP_BLOCK_SOURCE (macOS), or -1 where this OS has none. */
    public static final int IP_BLOCK_SOURCE = c("IP_BLOCK_SOURCE");
    /** IP_BOUND_IF (macOS), or -1 where this OS has none. */
    public static final int IP_BOUND_IF = c("IP_BOUND_IF");
    /** IP_DEFAULT_MULTICAST_LOOP, or -1 where this OS has none. */
    public static final int IP_DEFAULT_MULTICAST_LOOP = c("IP_DEFAULT_MULTICAST_LOOP");
    /** IP_DEFAULT_MULTICAST_TTL, or -1 where this OS has none. */
    public static final int IP_DEFAULT_MULTICAST_TTL = c("IP_DEFAULT_MULTICAST_TTL");
    /** IP_DONTFRAG (macOS), or -1 where this OS has none. */
    public static final int IP_DONTFRAG = c("IP_DONTFRAG");
    /** IP_DROP_MEMBERSHIP, or -1 where this OS has none. */
    public static final int IP_DROP_MEMBERSHIP = c("IP_DROP_MEMBERSHIP");
    /** IP_DROP_SOURCE_MEMBERSHIP (macOS), or -1 where this OS has none. */
    public static final int IP_DROP_SOURCE_MEMBERSHIP = c("IP_DROP_SOURCE_MEMBERSHIP");
    /** IP_FREEBIND, or -1 where this OS has none. */
    public static final int IP_FREEBIND = c("IP_FREEBIND");
    /** IP_HDRINCL, or -1 where this OS has none. */
    public static final int IP_HDRINCL = c("IP_HDRINCL");
    /** IP_MAX_MEMBERSHIPS, or -1 where this OS has none. */
    public static final int IP_MAX_MEMBERSHIPS = c("IP_MAX_MEMBERSHIPS");
    /** IP_MTU, or -1 where this OS has none. */
    public static final int IP_MTU = c("IP_MTU");
    /** IP_MTU_DISCOVER, or -1 where this OS has none. */
    public static final int IP_MTU_DISCOVER = c("IP_MTU_DISCOVER");
    /** IP_MULTICAST_ALL, or -1 where this OS has none. */
    public static final int IP_MULTICAST_ALL = c("IP_MULTICAST_ALL");
    /** IP_MULTICAST_IF, or -1 where this OS has none. */
    public static final int IP_MULTICAST_IF = c("IP_MULTICAST_IF");
    /** IP_MULTICAST_LOOP, or -1 where this OS has none. */
    public static final int IP_MULTICAST_LOOP = c("IP_MULTICAST_LOOP");
    /** IP_MULTICAST_TTL, or -1 where this OS has none. */
    public static final int IP_MULTICAST_TTL = c("IP_MULTICAST_TTL");
    /** IP_OPTIONS, or -1 where this OS has none. */
    public static final int IP_OPTIONS = c("IP_OPTIONS");
    /** IP_PKTINFO, or -1 where this OS has none. */
    public static final int IP_PKTINFO = c("IP_PKTINFO");
    /** IP_PORTRANGE (macOS), or -1 where this OS has none. */
    public static final int IP_PORTRANGE = c("IP_PORTRANGE");
    /** IP_RECVDSTADDR (macOS), or -1 where this OS has none. */
    public static final int IP_RECVDSTADDR = c("IP_RECVDSTADDR");
    /** IP_RECVERR, or -1 where this OS has none. */
    public static final int IP_RECVERR = c("IP_RECVERR");
    /** IP_RECVIF (macOS), or -1 where this OS has none. */
    public static final int IP_RECVIF = c("IP_RECVIF");
    /** IP_RECVOPTS, or -1 where this OS has none. */
    public static final int IP_RECVOPTS = c("IP_RECVOPTS");
    /** IP_RECVORIGDSTADDR, or -1 where this OS has none. */
    public static final int IP_RECVORIGDSTADDR = c("IP_RECVORIGDSTADDR");
    /** IP_RECVPKTINFO (macOS), or -1 where this OS has none. */
    public static final int IP_RECVPKTINFO = c("IP_RECVPKTINFO");
    /** IP_RECVRETOPTS, or -1 where this OS has none. */
    public static final int IP_RECVRETOPTS = c("IP_RECVRETOPTS");
    /** IP_RECVTOS, or -1 where this OS has none. */
    public static final int IP_RECVTOS = c("IP_RECVTOS");
    /** IP_RECVTTL (macOS), or -1 where this OS has none. */
    public static final int IP_RECVTTL = c("IP_RECVTTL");
    /** IP_RETOPTS, or -1 where this OS has none. */
    public static final int IP_RETOPTS = c("IP_RETOPTS");
    /** IP_TOS, or -1 where this OS has none. */
    public static final int IP_TOS = c("IP_TOS");
    /** IP_TRANSPARENT, or -1 where this OS has none. */
    public static final int IP_TRANSPARENT = c("IP_TRANSPARENT");
    /** IP_TTL, or -1 where this OS has none. */
    public static final int IP_TTL = c("IP_TTL");
    /** IP_UNBLOCK_SOURCE (macOS), or -1 where this OS has none. */
    public static final int IP_UNBLOCK_SOURCE = c("IP_UNBLOCK_SOURCE");
    /** IP_UNICAST_IF, or -1 where this OS has none. */
    public static final int IP_UNICAST_IF = c("IP_UNICAST_IF");
    /** J1939_EE_INFO_NONE, or -1 where this OS has none. */
    public static final int J1939_EE_INFO_NONE = c("J1939_EE_INFO_NONE");
    /** J1939_EE_INFO_TX_ABORT, or -1 where this OS has none. */
    public static final int J1939_EE_INFO_TX_ABORT = c("J1939_EE_INFO_TX_ABORT");
    /** J1939_FILTER_MAX, or -1 where this OS has none. */
    public static final int J1939_FILTER_MAX = c("J1939_FILTER_MAX");
    /** J1939_IDLE_ADDR, or -1 where this OS has none. */
    public static final int J1939_IDLE_ADDR = c("J1939_IDLE_ADDR");
    /** J1939_MAX_UNICAST_ADDR, or -1 where this OS has none. */
    public static final int J1939_MAX_UNICAST_ADDR = c("J1939_MAX_UNICAST_ADDR");
    /** J1939_NLA_BYTES_ACKED, or -1 where this OS has none. */
    public static final int J1939_NLA_BYTES_ACKED = c("J1939_NLA_BYTES_ACKED");
    /** J1939_NLA_PAD, or -1 where this OS has none. */
    public static final int J1939_NLA_PAD = c("J1939_NLA_PAD");
    /** J1939_NO_ADDR, or -1 where this OS has none. */
    public static final int J1939_NO_ADDR = c("J1939_NO_ADDR");
    /** J1939_NO_NAME, or -1 where this OS has none. */
    public static final int J1939_NO_NAME = c("J1939_NO_NAME");
    /** J1939_NO_PGN, or -1 where this OS has none. */
    public static final int J1939_NO_PGN = c("J1939_NO_PGN");
    /** J1939_PGN_ADDRESS_CLAIMED, or -1 where this OS has none. */
    public static final int J1939_PGN_ADDRESS_CLAIMED = c("J1939_PGN_ADDRESS_CLAIMED");
    /** J1939_PGN_ADDRESS_COMMANDED, or -1 where this OS has none. */
    public static final int J1939_PGN_ADDRESS_COMMANDED = c("J1939_PGN_ADDRESS_COMMANDED");
    /** J1939_PGN_MAX, or -1 where this OS has none. */
    public static final int J1939_PGN_MAX = c("J1939_PGN_MAX");
    /** J1939_PGN_PDU1_MAX, or -1 where this OS has none. */
    public static final int J1939_PGN_PDU1_MAX = c("J1939_PGN_PDU1_MAX");
    /** J1939_PGN_REQUEST, or -1 where this OS has none. */
    public static final int J1939_PGN_REQUEST = c("J1939_PGN_REQUEST");
    /** LOCAL_PEERCRED (macOS), or -1 where this OS has none. */
    public static final int LOCAL_PEERCRED = c("LOCAL_PEERCRED");
    /** LOCAL_PEEREPID (macOS), or -1 where this OS has none. */
    public static final int LOCAL_PEEREPID = c("LOCAL_PEEREPID");
    /** LOCAL_PEEREUUID (macOS), or -1 where this OS has none. */
    public static final int LOCAL_PEEREUUID = c("LOCAL_PEEREUUID");
    /** LOCAL_PEERPID (macOS), or -1 where this OS has none. */
    public static final int LOCAL_PEERPID = c("LOCAL_PEERPID");
    /** LOCAL_PEERUUID (macOS), or -1 where this OS has none. */
    public static final int LOCAL_PEERUUID = c("LOCAL_PEERUUID");
    /** MSG_BCAST (Windows), or -1 where this OS has none. */
    public static final int MSG_BCAST = c("MSG_BCAST");
    /** MSG_CMSG_CLOEXEC, or -1 where this OS has none. */
    public static final int MSG_CMSG_CLOEXEC = c("MSG_CMSG_CLOEXEC");
    /** MSG_CONFIRM, or -1 where this OS has none. */
    public static final int MSG_CONFIRM = c("MSG_CONFIRM");
    /** MSG_CTRUNC, or -1 where this OS has none. */
    public static final int MSG_CTRUNC = c("MSG_CTRUNC");
    /** MSG_DONTROUTE, or -1 where this OS has none. */
    public static final int MSG_DONTROUTE = c("MSG_DONTROUTE");
    /** MSG_DONTWAIT, or -1 where this OS has none. */
    public static final int MSG_DONTWAIT = c("MSG_DONTWAIT");
    /** MSG_EOF (macOS), or -1 where this OS has none. */
    public static final int MSG_EOF = c("MSG_EOF");
    /** MSG_EOR, or -1 where this OS has none. */
    public static final int MSG_EOR = c("MSG_EOR");
    /** MSG_ERRQUEUE, or -1 where this OS has none. */
    public static final int MSG_ERRQUEUE = c("MSG_ERRQUEUE");
    /** MSG_FASTOPEN, or -1 where this OS has none. */
    public static final int MSG_FASTOPEN = c("MSG_FASTOPEN");
    /** MSG_FLUSH (macOS), or -1 where this OS has none. */
    public static final int MSG_FLUSH = c("MSG_FLUSH");
    /** MSG_HAVEMORE (macOS), or -1 where this OS has none. */
    public static final int MSG_HAVEMORE = c("MSG_HAVEMORE");
    /** MSG_HOLD (macOS), or -1 where this OS has none. */
    public static final int MSG_HOLD = c("MSG_HOLD");
    /** MSG_MCAST (Windows), or -1 where this OS has none. */
    public static final int MSG_MCAST = c("MSG_MCAST");
    /** MSG_MORE, or -1 where this OS has none. */
    public static final int MSG_MORE = c("MSG_MORE");
    /** MSG_NEEDSA (macOS), or -1 where this OS has none. */
    public static final int MSG_NEEDSA = c("MSG_NEEDSA");
    /** MSG_NOSIGNAL, or -1 where this OS has none. */
    public static final int MSG_NOSIGNAL = c("MSG_NOSIGNAL");
    /** MSG_OOB, or -1 where this OS has none. */
    public static final int MSG_OOB = c("MSG_OOB");
    /** MSG_PEEK, or -1 where this OS has none. */
    public static final int MSG_PEEK = c("MSG_PEEK");
    /** MSG_RCVMORE (macOS), or -1 where this OS has none. */
    public static final int MSG_RCVMORE = c("MSG_RCVMORE");
    /** MSG_SEND (macOS), or -1 where this OS has none. */
    public static final int MSG_SEND = c("MSG_SEND");
    /** MSG_TRUNC, or -1 where this OS has none. */
    public static final int MSG_TRUNC = c("MSG_TRUNC");
    /** MSG_WAITALL, or -1 where this OS has none. */
    public static final int MSG_WAITALL = c("MSG_WAITALL");
    /** MSG_WAITFORONE, or -1 where this OS has none. */
    public static final int MSG_WAITFORONE = c("MSG_WAITFORONE");
    /** MSG_WAITSTREAM (macOS), or -1 where this OS has none. */
    public static final int MSG_WAITSTREAM = c("MSG_WAITSTREAM");
    /** MSG_ZEROCOPY, or -1 where this OS has none. */
    public static final int MSG_ZEROCOPY = c("MSG_ZEROCOPY");
    /** NETLINK_CRYPTO, or -1 where this OS has none. */
    public static final int NETLINK_CRYPTO = c("NETLINK_CRYPTO");
    /** NETLINK_DNRTMSG, or -1 where this OS has none. */
    public static final int NETLINK_DNRTMSG = c("NETLINK_DNRTMSG");
    /** NETLINK_FIREWALL, or -1 where this OS has none. */
    public static final int NETLINK_FIREWALL = c("NETLINK_FIREWALL");
    /** NETLINK_IP6_FW, or -1 where this OS has none. */
    public static final int NETLINK_IP6_FW = c("NETLINK_IP6_FW");
    /** NETLINK_NFLOG, or -1 where this OS has none. */
    public static final int NETLINK_NFLOG = c("NETLINK_NFLOG");
    /** NETLINK_ROUTE, or -1 where this OS has none. */
    public static final int NETLINK_ROUTE = c("NETLINK_ROUTE");
    /** NETLINK_ADD_MEMBERSHIP, or -1 where this OS has none. */
    public static final int NETLINK_ADD_MEMBERSHIP = c("NETLINK_ADD_MEMBERSHIP");
    /** NETLINK_AUDIT, or -1 where this OS has none. */
    public static final int NETLINK_AUDIT = c("NETLINK_AUDIT");
    /** NETLINK_DROP_MEMBERSHIP, or -1 where this OS has none. */
    public static final int NETLINK_DROP_MEMBERSHIP = c("NETLINK_DROP_MEMBERSHIP");
    /** NETLINK_GENERIC, or -1 where this OS has none. */
    public static final int NETLINK_GENERIC = c("NETLINK_GENERIC");
    /** NETLINK_KOBJECT_UEVENT, or -1 where this OS has none. */
    public static final int NETLINK_KOBJECT_UEVENT = c("NETLINK_KOBJECT_UEVENT");
    /** NETLINK_NETFILTER, or -1 where this OS has none. */
    public static final int NETLINK_NETFILTER = c("NETLINK_NETFILTER");
    /** NETLINK_PKTINFO, or -1 where this OS has none. */
    public static final int NETLINK_PKTINFO = c("NETLINK_PKTINFO");
    /** NETLINK_SOCK_DIAG, or -1 where this OS has none. */
    public static final int NETLINK_SOCK_DIAG = c("NETLINK_SOCK_DIAG");
    /** NETLINK_USERSOCK, or -1 where this OS has none. */
    public static final int NETLINK_USERSOCK = c("NETLINK_USERSOCK");
    /** NETLINK_XFRM, or -1 where this OS has none. */
    public static final int NETLINK_XFRM = c("NETLINK_XFRM");
    /** NI_DGRAM, or -1 where this OS has none. */
    public static final int NI_DGRAM = c("NI_DGRAM");
    /** NI_MAXHOST, or -1 where this OS has none. */
    public static final int NI_MAXHOST = c("NI_MAXHOST");
    /** NI_MAXSERV, or -1 where this OS has none. */
    public static final int NI_MAXSERV = c("NI_MAXSERV");
    /** NI_NAMEREQD, or -1 where this OS has none. */
    public static final int NI_NAMEREQD = c("NI_NAMEREQD");
    /** NI_NOFQDN, or -1 where this OS has none. */
    public static final int NI_NOFQDN = c("NI_NOFQDN");
    /** NI_NUMERICHOST, or -1 where this OS has none. */
    public static final int NI_NUMERICHOST = c("NI_NUMERICHOST");
    /** NI_NUMERICSERV, or -1 where this OS has none. */
    public static final int NI_NUMERICSERV = c("NI_NUMERICSERV");
    /** PACKET_BROADCAST, or -1 where this OS has none. */
    public static final int PACKET_BROADCAST = c("PACKET_BROADCAST");
    /** PACKET_FASTROUTE, or -1 where this OS has none. */
    public static final int PACKET_FASTROUTE = c("PACKET_FASTROUTE");
    /** PACKET_HOST, or -1 where this OS has none. */
    public static final int PACKET_HOST = c("PACKET_HOST");
    /** PACKET_ADD_MEMBERSHIP, or -1 where this OS has none. */
    public static final int PACKET_ADD_MEMBERSHIP = c("PACKET_ADD_MEMBERSHIP");
    /** PACKET_DROP_MEMBERSHIP, or -1 where this OS has none. */
    public static final int PACKET_DROP_MEMBERSHIP = c("PACKET_DROP_MEMBERSHIP");
    /** PACKET_MR_ALLMULTI, or -1 where this OS has none. */
    public static final int PACKET_MR_ALLMULTI = c("PACKET_MR_ALLMULTI");
    /** PACKET_MR_MULTICAST, or -1 where this OS has none. */
    public static final int PACKET_MR_MULTICAST = c("PACKET_MR_MULTICAST");
    /** PACKET_MR_PROMISC, or -1 where this OS has none. */
    public static final int PACKET_MR_PROMISC = c("PACKET_MR_PROMISC");
    /** PACKET_LOOPBACK, or -1 where this OS has none. */
    public static final int PACKET_LOOPBACK = c("PACKET_LOOPBACK");
    /** PACKET_MULTICAST, or -1 where this OS has none. */
    public static final int PACKET_MULTICAST = c("PACKET_MULTICAST");
    /** PACKET_OTHERHOST, or -1 where this OS has none. */
    public static final int PACKET_OTHERHOST = c("PACKET_OTHERHOST");
    /** PACKET_OUTGOING, or -1 where this OS has none. */
    public static final int PACKET_OUTGOING = c("PACKET_OUTGOING");
    /** PF_CAN, or -1 where this OS has none. */
    public static final int PF_CAN = c("PF_CAN");
    /** PF_PACKET, or -1 where this OS has none. */
    public static final int PF_PACKET = c("PF_PACKET");
    /** PF_RDS, or -1 where this OS has none. */
    public static final int PF_RDS = c("PF_RDS");
    /** PF_SYSTEM, or -1 where this OS has none. */
    public static final int PF_SYSTEM = c("PF_SYSTEM");
    /** RCVALL_MAX (Windows), or -1 where this OS has none. */
    public static final int RCVALL_MAX = c("RCVALL_MAX");
    /** RCVALL_OFF (Windows), or -1 where this OS has none. */
    public static final int RCVALL_OFF = c("RCVALL_OFF");
    /** RCVALL_ON (Windows), or -1 where this OS has none. */
    public static final int RCVALL_ON = c("RCVALL_ON");
    /** RCVALL_SOCKETLEVELONLY (Windows), or -1 where this OS has none. */
    public static final int RCVALL_SOCKETLEVELONLY = c("RCVALL_SOCKETLEVELONLY");
    /** SCM_CREDENTIALS, or -1 where this OS has none. */
    public static final int SCM_CREDENTIALS = c("SCM_CREDENTIALS");
    /** SCM_CREDS (macOS), or -1 where this OS has none. */
    public static final int SCM_CREDS = c("SCM_CREDS");
    /** SCM_J1939_DEST_ADDR, or -1 where this OS has none. */
    public static final int SCM_J1939_DEST_ADDR = c("SCM_J1939_DEST_ADDR");
    /** SCM_J1939_DEST_NAME, or -1 where this OS has none. */
    public static final int SCM_J1939_DEST_NAME = c("SCM_J1939_DEST_NAME");
    /** SCM_J1939_ERRQUEUE, or -1 where this OS has none. */
    public static final int SCM_J1939_ERRQUEUE = c("SCM_J1939_ERRQUEUE");
    /** SCM_J1939_PRIO, or -1 where this OS has none. */
    public static final int SCM_J1939_PRIO = c("SCM_J1939_PRIO");
    /** SCM_RIGHTS, or -1 where this OS has none. */
    public static final int SCM_RIGHTS = c("SCM_RIGHTS");
    /** SCM_TIMESTAMP, or -1 where this OS has none. */
    public static final int SCM_TIMESTAMP = c("SCM_TIMESTAMP");
    /** SCM_TIMESTAMPNS, or -1 where this OS has none. */
    public static final int SCM_TIMESTAMPNS = c("SCM_TIMESTAMPNS");
    /** SCM_TIMESTAMP_MONOTONIC (macOS), or -1 where this OS has none. */
    public static final int SCM_TIMESTAMP_MONOTONIC = c("SCM_TIMESTAMP_MONOTONIC");
    /** SHUT_RD, or -1 where this OS has none. */
    public static final int SHUT_RD = c("SHUT_RD");
    /** SHUT_RDWR, or -1 where this OS has none. */
    public static final int SHUT_RDWR = c("SHUT_RDWR");
    /** SHUT_WR, or -1 where this OS has none. */
    public static final int SHUT_WR = c("SHUT_WR");
    /** SIO_KEEPALIVE_VALS (Windows), or -1 where this OS has none. */
    public static final int SIO_KEEPALIVE_VALS = c("SIO_KEEPALIVE_VALS");
    /** SIO_LOOPBACK_FAST_PATH (Windows), or -1 where this OS has none. */
    public static final int SIO_LOOPBACK_FAST_PATH = c("SIO_LOOPBACK_FAST_PATH");
    /** SIO_RCVALL (Windows), or -1 where this OS has none. */
    public static final int SIO_RCVALL = c("SIO_RCVALL");
    /** SOCK_CLOEXEC, or -1 where this OS has none. */
    public static final int SOCK_CLOEXEC = c("SOCK_CLOEXEC");
    /** SOCK_DGRAM, or -1 where this OS has none. */
    public static final int SOCK_DGRAM = c("SOCK_DGRAM");
    /** SOCK_MAXADDRLEN (macOS), or -1 where this OS has none. */
    public static final int SOCK_MAXADDRLEN = c("SOCK_MAXADDRLEN");
    /** SOCK_NONBLOCK, or -1 where this OS has none. */
    public static final int SOCK_NONBLOCK = c("SOCK_NONBLOCK");
    /** SOCK_RAW, or -1 where this OS has none. */
    public static final int SOCK_RAW = c("SOCK_RAW");
    /** SOCK_RDM, or -1 where this OS has none. */
    public static final int SOCK_RDM = c("SOCK_RDM");
    /** SOCK_SEQPACKET, or -1 where this OS has none. */
    public static final int SOCK_SEQPACKET = c("SOCK_SEQPACKET");
    /** SOCK_STREAM, or -1 where this OS has none. */
    public static final int SOCK_STREAM = c("SOCK_STREAM");
    /** SOL_ALG, or -1 where this OS has none. */
    public static final int SOL_ALG = c("SOL_ALG");
    /** SOL_CAN_BASE, or -1 where this OS has none. */
    public static final int SOL_CAN_BASE = c("SOL_CAN_BASE");
    /** SOL_CAN_ISOTP, or -1 where this OS has none. */
    public static final int SOL_CAN_ISOTP = c("SOL_CAN_ISOTP");
    /** SOL_CAN_J1939, or -1 where this OS has none. */
    public static final int SOL_CAN_J1939 = c("SOL_CAN_J1939");
    /** SOL_CAN_RAW, or -1 where this OS has none. */
    public static final int SOL_CAN_RAW = c("SOL_CAN_RAW");
    /** SOL_HCI (Linux), or -1 where this OS has none. */
    public static final int SOL_HCI = c("SOL_HCI");
    /** SOL_ICMPV6, or -1 where this OS has none. */
    public static final int SOL_ICMPV6 = c("SOL_ICMPV6");
    /** SOL_IP, or -1 where this OS has none. */
    public static final int SOL_IP = c("SOL_IP");
    /** SOL_IPV6, or -1 where this OS has none. */
    public static final int SOL_IPV6 = c("SOL_IPV6");
    /** SOL_LOCAL (macOS), or -1 where this OS has none. */
    public static final int SOL_LOCAL = c("SOL_LOCAL");
    /** SOL_NETLINK, or -1 where this OS has none. */
    public static final int SOL_NETLINK = c("SOL_NETLINK");
    /** SOL_PACKET, or -1 where this OS has none. */
    public static final int SOL_PACKET = c("SOL_PACKET");
    /** SOL_RAW, or -1 where this OS has none. */
    public static final int SOL_RAW = c("SOL_RAW");
    /** SOL_RDS, or -1 where this OS has none. */
    public static final int SOL_RDS = c("SOL_RDS");
    /** SOL_RFCOMM (Windows), or -1 where this OS has none. */
    public static final int SOL_RFCOMM = c("SOL_RFCOMM");
    /** SOL_SOCKET, or -1 where this OS has none. */
    public static final int SOL_SOCKET = c("SOL_SOCKET");
    /** SOL_TCP, or -1 where this OS has none. */
    public static final int SOL_TCP = c("SOL_TCP");
    /** SOL_TIPC, or -1 where this OS has none. */
    public static final int SOL_TIPC = c("SOL_TIPC");
    /** SOL_UDP, or -1 where this OS has none. */
    public static final int SOL_UDP = c("SOL_UDP");
    /** SOL_UDPLITE, or -1 where this OS has none. */
    public static final int SOL_UDPLITE = c("SOL_UDPLITE");
    /** SOMAXCONN, or -1 where this OS has none. */
    public static final int SOMAXCONN = c("SOMAXCONN");
    /** SO_ACCEPTCONN, or -1 where this OS has none. */
    public static final int SO_ACCEPTCONN = c("SO_ACCEPTCONN");
    /** SO_BINDTODEVICE, or -1 where this OS has none. */
    public static final int SO_BINDTODEVICE = c("SO_BINDTODEVICE");
    /** SO_BINDTOIFINDEX, or -1 where this OS has none. */
    public static final int SO_BINDTOIFINDEX = c("SO_BINDTOIFINDEX");
    /** SO_BROADCAST, or -1 where this OS has none. */
    public static final int SO_BROADCAST = c("SO_BROADCAST");
    /** SO_BTH_ENCRYPT (Windows), or -1 where this OS has none. */
    public static final int SO_BTH_ENCRYPT = c("SO_BTH_ENCRYPT");
    /** SO_BTH_MTU (Windows), or -1 where this OS has none. */
    public static final int SO_BTH_MTU = c("SO_BTH_MTU");
    /** SO_BTH_MTU_MAX (Windows), or -1 where this OS has none. */
    public static final int SO_BTH_MTU_MAX = c("SO_BTH_MTU_MAX");
    /** SO_BTH_MTU_MIN (Windows), or -1 where this OS has none. */
    public static final int SO_BTH_MTU_MIN = c("SO_BTH_MTU_MIN");
    /** SO_BUSY_POLL, or -1 where this OS has none. */
    public static final int SO_BUSY_POLL = c("SO_BUSY_POLL");
    /** SO_COOKIE, or -1 where this OS has none. */
    public static final int SO_COOKIE = c("SO_COOKIE");
    /** SO_DEBUG, or -1 where this OS has none. */
    public static final int SO_DEBUG = c("SO_DEBUG");
    /** SO_DOMAIN, or -1 where this OS has none. */
    public static final int SO_DOMAIN = c("SO_DOMAIN");
    /** SO_DONTROUTE, or -1 where this OS has none. */
    public static final int SO_DONTROUTE = c("SO_DONTROUTE");
    /** SO_ERROR, or -1 where this OS has none. */
    public static final int SO_ERROR = c("SO_ERROR");
    /** SO_EXCLUSIVEADDRUSE (Windows), or -1 where this OS has none. */
    public static final int SO_EXCLUSIVEADDRUSE = c("SO_EXCLUSIVEADDRUSE");
    /** SO_INCOMING_CPU, or -1 where this OS has none. */
    public static final int SO_INCOMING_CPU = c("SO_INCOMING_CPU");
    /** SO_INCOMING_NAPI_ID, or -1 where this OS has none. */
    public static final int SO_INCOMING_NAPI_ID = c("SO_INCOMING_NAPI_ID");
    /** SO_J1939_ERRQUEUE, or -1 where this OS has none. */
    public static final int SO_J1939_ERRQUEUE = c("SO_J1939_ERRQUEUE");
    /** SO_J1939_FILTER, or -1 where this OS has none. */
    public static final int SO_J1939_FILTER = c("SO_J1939_FILTER");
    /** SO_J1939_PROMISC, or -1 where this OS has none. */
    public static final int SO_J1939_PROMISC = c("SO_J1939_PROMISC");
    /** SO_J1939_SEND_PRIO, or -1 where this OS has none. */
    public static final int SO_J1939_SEND_PRIO = c("SO_J1939_SEND_PRIO");
    /** SO_KEEPALIVE, or -1 where this OS has none. */
    public static final int SO_KEEPALIVE = c("SO_KEEPALIVE");
    /** SO_LINGER, or -1 where this OS has none. */
    public static final int SO_LINGER = c("SO_LINGER");
    /** SO_LINGER_SEC (macOS), or -1 where this OS has none. */
    public static final int SO_LINGER_SEC = c("SO_LINGER_SEC");
    /** SO_MARK, or -1 where this OS has none. */
    public static final int SO_MARK = c("SO_MARK");
    /** SO_NET_SERVICE_TYPE (macOS), or -1 where this OS has none. */
    public static final int SO_NET_SERVICE_TYPE = c("SO_NET_SERVICE_TYPE");
    /** SO_NOADDRERR (macOS), or -1 where this OS has none. */
    public static final int SO_NOADDRERR = c("SO_NOADDRERR");
    /** SO_NOSIGPIPE, or -1 where this OS has none. */
    public static final int SO_NOSIGPIPE = c("SO_NOSIGPIPE");
    /** SO_NREAD (macOS), or -1 where this OS has none. */
    public static final int SO_NREAD = c("SO_NREAD");
    /** SO_NWRITE (macOS), or -1 where this OS has none. */
    public static final int SO_NWRITE = c("SO_NWRITE");
    /** SO_OOBINLINE, or -1 where this OS has none. */
    public static final int SO_OOBINLINE = c("SO_OOBINLINE");
    /** SO_ORIGINAL_DST (Windows), or -1 where this OS has none. */
    public static final int SO_ORIGINAL_DST = c("SO_ORIGINAL_DST");
    /** SO_PASSCRED, or -1 where this OS has none. */
    public static final int SO_PASSCRED = c("SO_PASSCRED");
    /** SO_PASSSEC, or -1 where this OS has none. */
    public static final int SO_PASSSEC = c("SO_PASSSEC");
    /** SO_PEEK_OFF, or -1 where this OS has none. */
    public static final int SO_PEEK_OFF = c("SO_PEEK_OFF");
    /** SO_PEERCRED, or -1 where this OS has none. */
    public static final int SO_PEERCRED = c("SO_PEERCRED");
    /** SO_PEERSEC, or -1 where this OS has none. */
    public static final int SO_PEERSEC = c("SO_PEERSEC");
    /** SO_PRIORITY, or -1 where this OS has none. */
    public static final int SO_PRIORITY = c("SO_PRIORITY");
    /** SO_PROTOCOL, or -1 where this OS has none. */
    public static final int SO_PROTOCOL = c("SO_PROTOCOL");
    /** SO_RCVBUF, or -1 where this OS has none. */
    public static final int SO_RCVBUF = c("SO_RCVBUF");
    /** SO_RCVBUFFORCE, or -1 where this OS has none. */
    public static final int SO_RCVBUFFORCE = c("SO_RCVBUFFORCE");
    /** SO_RCVLOWAT, or -1 where this OS has none. */
    public static final int SO_RCVLOWAT = c("SO_RCVLOWAT");
    /** SO_RCVTIMEO, or -1 where this OS has none. */
    public static final int SO_RCVTIMEO = c("SO_RCVTIMEO");
    /** SO_REUSEADDR, or -1 where this OS has none. */
    public static final int SO_REUSEADDR = c("SO_REUSEADDR");
    /** SO_REUSEPORT, or -1 where this OS has none. */
    public static final int SO_REUSEPORT = c("SO_REUSEPORT");
    /** SO_RXQ_OVFL, or -1 where this OS has none. */
    public static final int SO_RXQ_OVFL = c("SO_RXQ_OVFL");
    /** SO_SNDBUF, or -1 where this OS has none. */
    public static final int SO_SNDBUF = c("SO_SNDBUF");
    /** SO_SNDBUFFORCE, or -1 where this OS has none. */
    public static final int SO_SNDBUFFORCE = c("SO_SNDBUFFORCE");
    /** SO_SNDLOWAT, or -1 where this OS has none. */
    public static final int SO_SNDLOWAT = c("SO_SNDLOWAT");
    /** SO_SNDTIMEO, or -1 where this OS has none. */
    public static final int SO_SNDTIMEO = c("SO_SNDTIMEO");
    /** SO_TIMESTAMP, or -1 where this OS has none. */
    public static final int SO_TIMESTAMP = c("SO_TIMESTAMP");
    /** SO_TIMESTAMPING, or -1 where this OS has none. */
    public static final int SO_TIMESTAMPING = c("SO_TIMESTAMPING");
    /** SO_TIMESTAMPNS, or -1 where this OS has none. */
    public static final int SO_TIMESTAMPNS = c("SO_TIMESTAMPNS");
    /** SO_TIMESTAMP_MONOTONIC (macOS), or -1 where this OS has none. */
    public static final int SO_TIMESTAMP_MONOTONIC = c("SO_TIMESTAMP_MONOTONIC");
    /** SO_TYPE, or -1 where this OS has none. */
    public static final int SO_TYPE = c("SO_TYPE");
    /** SO_USELOOPBACK (macOS), or -1 where this OS has none. */
    public static final int SO_USELOOPBACK = c("SO_USELOOPBACK");
    /** SO_VM_SOCKETS_BUFFER_MAX_SIZE, or -1 where this OS has none. */
    public static final int SO_VM_SOCKETS_BUFFER_MAX_SIZE = c("SO_VM_SOCKETS_BUFFER_MAX_SIZE");
    /** SO_VM_SOCKETS_BUFFER_MIN_SIZE, or -1 where this OS has none. */
    public static final int SO_VM_SOCKETS_BUFFER_MIN_SIZE = c("SO_VM_SOCKETS_BUFFER_MIN_SIZE");
    /** SO_VM_SOCKETS_BUFFER_SIZE, or -1 where this OS has none. */
    public static final int SO_VM_SOCKETS_BUFFER_SIZE = c("SO_VM_SOCKETS_BUFFER_SIZE");
    /** SO_ZEROCOPY, or -1 where this OS has none. */
    public static final int SO_ZEROCOPY = c("SO_ZEROCOPY");
    /** SYSPROTO_CONTROL (macOS), or -1 where this OS has none. */
    public static final int SYSPROTO_CONTROL = c("SYSPROTO_CONTROL");
    /** TCP_CONGESTION, or -1 where this OS has none. */
    public static final int TCP_CONGESTION = c("TCP_CONGESTION");
    /** TCP_CONNECTIONTIMEOUT (macOS), or -1 where this OS has none. */
    public static final int TCP_CONNECTIONTIMEOUT = c("TCP_CONNECTIONTIMEOUT");
    /** TCP_CONNECTION_INFO (macOS), or -1 where this OS has none. */
    public static final int TCP_CONNECTION_INFO = c("TCP_CONNECTION_INFO");
    /** TCP_CORK, or -1 where this OS has none. */
    public static final int TCP_CORK = c("TCP_CORK");
    /** TCP_DEFER_ACCEPT, or -1 where this OS has none. */
    public static final int TCP_DEFER_ACCEPT = c("TCP_DEFER_ACCEPT");
    /** TCP_ENABLE_ECN (macOS), or -1 where this OS has none. */
    public static final int TCP_ENABLE_ECN = c("TCP_ENABLE_ECN");
    /** TCP_FASTOPEN, or -1 where this OS has none. */
    public static final int TCP_FASTOPEN = c("TCP_FASTOPEN");
    /** TCP_FASTOPEN_CONNECT, or -1 where this OS has none. */
    public static final int TCP_FASTOPEN_CONNECT = c("TCP_FASTOPEN_CONNECT");
    /** TCP_INFO, or -1 where this OS has none. */
    public static final int TCP_INFO = c("TCP_INFO");
    /** TCP_INQ, or -1 where this OS has none. */
    public static final int TCP_INQ = c("TCP_INQ");
    /** TCP_KEEPALIVE (macOS), or -1 where this OS has none. */
    public static final int TCP_KEEPALIVE = c("TCP_KEEPALIVE");
    /** TCP_KEEPCNT, or -1 where this OS has none. */
    public static final int TCP_KEEPCNT = c("TCP_KEEPCNT");
    /** TCP_KEEPIDLE, or -1 where this OS has none. */
    public static final int TCP_KEEPIDLE = c("TCP_KEEPIDLE");
    /** TCP_KEEPINTVL, or -1 where this OS has none. */
    public static final int TCP_KEEPINTVL = c("TCP_KEEPINTVL");
    /** TCP_LINGER2, or -1 where this OS has none. */
    public static final int TCP_LINGER2 = c("TCP_LINGER2");
    /** TCP_MAXSEG, or -1 where this OS has none. */
    public static final int TCP_MAXSEG = c("TCP_MAXSEG");
    /** TCP_NODELAY, or -1 where this OS has none. */
    public static final int TCP_NODELAY = c("TCP_NODELAY");
    /** TCP_NOOPT (macOS), or -1 where this OS has none. */
    public static final int TCP_NOOPT = c("TCP_NOOPT");
    /** TCP_NOPUSH (macOS), or -1 where this OS has none. */
    public static final int TCP_NOPUSH = c("TCP_NOPUSH");
    /** TCP_NOTSENT_LOWAT, or -1 where this OS has none. */
    public static final int TCP_NOTSENT_LOWAT = c("TCP_NOTSENT_LOWAT");
    /** TCP_QUICKACK, or -1 where this OS has none. */
    public static final int TCP_QUICKACK = c("TCP_QUICKACK");
    /** TCP_RXT_CONNDROPTIME (macOS), or -1 where this OS has none. */
    public static final int TCP_RXT_CONNDROPTIME = c("TCP_RXT_CONNDROPTIME");
    /** TCP_RXT_FINDROP (macOS), or -1 where this OS has none. */
    public static final int TCP_RXT_FINDROP = c("TCP_RXT_FINDROP");
    /** TCP_SENDMOREACKS (macOS), or -1 where this OS has none. */
    public static final int TCP_SENDMOREACKS = c("TCP_SENDMOREACKS");
    /** TCP_SYNCNT, or -1 where this OS has none. */
    public static final int TCP_SYNCNT = c("TCP_SYNCNT");
    /** TCP_TX_DELAY, or -1 where this OS has none. */
    public static final int TCP_TX_DELAY = c("TCP_TX_DELAY");
    /** TCP_ULP, or -1 where this OS has none. */
    public static final int TCP_ULP = c("TCP_ULP");
    /** TCP_USER_TIMEOUT, or -1 where this OS has none. */
    public static final int TCP_USER_TIMEOUT = c("TCP_USER_TIMEOUT");
    /** TCP_WINDOW_CLAMP, or -1 where this OS has none. */
    public static final int TCP_WINDOW_CLAMP = c("TCP_WINDOW_CLAMP");
    /** TCP_ZEROCOPY_RECEIVE, or -1 where this OS has none. */
    public static final int TCP_ZEROCOPY_RECEIVE = c("TCP_ZEROCOPY_RECEIVE");
    /** TIPC_ADDR_ID, or -1 where this OS has none. */
    public static final int TIPC_ADDR_ID = c("TIPC_ADDR_ID");
    /** TIPC_ADDR_NAME, or -1 where this OS has none. */
    public static final int TIPC_ADDR_NAME = c("TIPC_ADDR_NAME");
    /** TIPC_ADDR_NAMESEQ, or -1 where this OS has none. */
    public static final int TIPC_ADDR_NAMESEQ = c("TIPC_ADDR_NAMESEQ");
    /** TIPC_CFG_SRV, or -1 where this OS has none. */
    public static final int TIPC_CFG_SRV = c("TIPC_CFG_SRV");
    /** TIPC_CLUSTER_SCOPE, or -1 where this OS has none. */
    public static final int TIPC_CLUSTER_SCOPE = c("TIPC_CLUSTER_SCOPE");
    /** TIPC_CONN_TIMEOUT, or -1 where this OS has none. */
    public static final int TIPC_CONN_TIMEOUT = c("TIPC_CONN_TIMEOUT");
    /** TIPC_CRITICAL_IMPORTANCE, or -1 where this OS has none. */
    public static final int TIPC_CRITICAL_IMPORTANCE = c("TIPC_CRITICAL_IMPORTANCE");
    /** TIPC_DEST_DROPPABLE, or -1 where this OS has none. */
    public static final int TIPC_DEST_DROPPABLE = c("TIPC_DEST_DROPPABLE");
    /** TIPC_HIGH_IMPORTANCE, or -1 where this OS has none. */
    public static final int TIPC_HIGH_IMPORTANCE = c("TIPC_HIGH_IMPORTANCE");
    /** TIPC_IMPORTANCE, or -1 where this OS has none. */
    public static final int TIPC_IMPORTANCE = c("TIPC_IMPORTANCE");
    /** TIPC_LOW_IMPORTANCE, or -1 where this OS has none. */
    public static final int TIPC_LOW_IMPORTANCE = c("TIPC_LOW_IMPORTANCE");
    /** TIPC_MEDIUM_IMPORTANCE, or -1 where this OS has none. */
    public static final int TIPC_MEDIUM_IMPORTANCE = c("TIPC_MEDIUM_IMPORTANCE");
    /** TIPC_NODE_SCOPE, or -1 where this OS has none. */
    public static final int TIPC_NODE_SCOPE = c("TIPC_NODE_SCOPE");
    /** TIPC_PUBLISHED, or -1 where this OS has none. */
    public static final int TIPC_PUBLISHED = c("TIPC_PUBLISHED");
    /** TIPC_SRC_DROPPABLE, or -1 where this OS has none. */
    public static final int TIPC_SRC_DROPPABLE = c("TIPC_SRC_DROPPABLE");
    /** TIPC_SUBSCR_TIMEOUT, or -1 where this OS has none. */
    public static final int TIPC_SUBSCR_TIMEOUT = c("TIPC_SUBSCR_TIMEOUT");
    /** TIPC_SUB_CANCEL, or -1 where this OS has none. */
    public static final int TIPC_SUB_CANCEL = c("TIPC_SUB_CANCEL");
    /** TIPC_SUB_PORTS, or -1 where this OS has none. */
    public static final int TIPC_SUB_PORTS = c("TIPC_SUB_PORTS");
    /** TIPC_SUB_SERVICE, or -1 where this OS has none. */
    public static final int TIPC_SUB_SERVICE = c("TIPC_SUB_SERVICE");
    /** TIPC_TOP_SRV, or -1 where this OS has none. */
    public static final int TIPC_TOP_SRV = c("TIPC_TOP_SRV");
    /** TIPC_WAIT_FOREVER, or -1 where this OS has none. */
    public static final int TIPC_WAIT_FOREVER = c("TIPC_WAIT_FOREVER");
    /** TIPC_WITHDRAWN, or -1 where this OS has none. */
    public static final int TIPC_WITHDRAWN = c("TIPC_WITHDRAWN");
    /** TIPC_ZONE_SCOPE, or -1 where this OS has none. */
    public static final int TIPC_ZONE_SCOPE = c("TIPC_ZONE_SCOPE");
    /** UDPLITE_RECV_CSCOV, or -1 where this OS has none. */
    public static final int UDPLITE_RECV_CSCOV = c("UDPLITE_RECV_CSCOV");
    /** UDPLITE_SEND_CSCOV, or -1 where this OS has none. */
    public static final int UDPLITE_SEND_CSCOV = c("UDPLITE_SEND_CSCOV");
    /** UDP_CORK, or -1 where this OS has none. */
    public static final int UDP_CORK = c("UDP_CORK");
    /** UDP_GRO, or -1 where this OS has none. */
    public static final int UDP_GRO = c("UDP_GRO");
    /** UDP_SEGMENT, or -1 where this OS has none. */
    public static final int UDP_SEGMENT = c("UDP_SEGMENT");
    /** VMADDR_CID_ANY, or -1 where this OS has none. */
    public static final int VMADDR_CID_ANY = c("VMADDR_CID_ANY");
    /** VMADDR_CID_HOST, or -1 where this OS has none. */
    public static final int VMADDR_CID_HOST = c("VMADDR_CID_HOST");
    /** VMADDR_PORT_ANY, or -1 where this OS has none. */
    public static final int VMADDR_PORT_ANY = c("VMADDR_PORT_ANY");
    /** VM_SOCKETS_INVALID_VERSION, or -1 where this OS has none. */
    public static final int VM_SOCKETS_INVALID_VERSION = c("VM_SOCKETS_INVALID_VERSION");
    /** EAI_ADDRFAMILY, or -1 where this OS has none. */
    public static final int EAI_ADDRFAMILY = c("EAI_ADDRFAMILY");
}
