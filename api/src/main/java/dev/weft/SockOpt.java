package dev.weft;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Objects;

/**
 * A typed socket option: the Python constant's name, its level, and the Java type of its
 * value. The provider finds the numbers and the binary layout for the running OS; anything
 * not here works through the raw form {@link Socket#setSockOpt(int, int, int)}.
 *
 * <pre>{@code
 * s.setOption(SockOpt.SO_REUSEADDR, true);
 * int size = s.getOption(SockOpt.SO_RCVBUF);
 * s.setOption(SockOpt.IP_ADD_MEMBERSHIP, SockOpt.Membership.of(group, ifAddr));
 * }</pre>
 *
 * @param name  the Python constant, e.g. {@code "SO_REUSEADDR"}
 * @param level the level's constant, e.g. {@code "SOL_SOCKET"}
 * @param type  the value's Java type
 * @param <T>   the value's Java type
 */
public record SockOpt<T>(String name, String level, Class<T> type) {
    /** Checks the fields. */
    public SockOpt {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(type, "type");
    }

    private static SockOpt<Boolean> bool(String name, String level) {
        return new SockOpt<>(name, level, Boolean.class);
    }

    private static SockOpt<Integer> integer(String name, String level) {
        return new SockOpt<>(name, level, Integer.class);
    }

    /** Allow binding a local address in {@code TIME_WAIT}. */
    public static final SockOpt<Boolean> SO_REUSEADDR = bool("SO_REUSEADDR", "SOL_SOCKET");
    /**
     * Let several sockets bind the same address and port, each of them having set it. Linux
     * balances incoming connections and datagrams between them; macOS (BSD semantics) does
     * not: a unicast datagram or connection goes to one of them, multicast and broadcast to all.
     */
    public static final SockOpt<Boolean> SO_REUSEPORT = bool("SO_REUSEPORT", "SOL_SOCKET");
    /** TCP keep-alive probes. */
    public static final SockOpt<Boolean> SO_KEEPALIVE = bool("SO_KEEPALIVE", "SOL_SOCKET");
    /** Allow sending to a broadcast address. */
    public static final SockOpt<Boolean> SO_BROADCAST = bool("SO_BROADCAST", "SOL_SOCKET");
    /** Receive buffer size in bytes (Linux reports double what was set). */
    public static final SockOpt<Integer> SO_RCVBUF = integer("SO_RCVBUF", "SOL_SOCKET");
    /** Send buffer size in bytes (Linux reports double what was set). */
    public static final SockOpt<Integer> SO_SNDBUF = integer("SO_SNDBUF", "SOL_SOCKET");
    /** The pending error, cleared by reading it (read-only). */
    public static final SockOpt<Integer> SO_ERROR = integer("SO_ERROR", "SOL_SOCKET");
    /** The native socket type (read-only). */
    public static final SockOpt<Integer> SO_TYPE = integer("SO_TYPE", "SOL_SOCKET");
    /**
     * Linger on close for this many seconds; negative turns lingering off (as {@code java.net}).
     * On macOS the number is {@code SO_LINGER}'s, as CPython passes it, which XNU counts in
     * clock ticks, not seconds ({@code SO_LINGER_SEC} counts seconds); weft's sockets are
     * non-blocking, and XNU's close never waits on those, so only 0 (reset) or not matters.
     */
    public static final SockOpt<Integer> SO_LINGER = integer("SO_LINGER", "SOL_SOCKET");
    /** Disable Nagle's algorithm. */
    public static final SockOpt<Boolean> TCP_NODELAY = bool("TCP_NODELAY", "IPPROTO_TCP");
    /** Seconds idle before keep-alive probes start (Linux, Windows; macOS has {@link #TCP_KEEPALIVE}). */
    public static final SockOpt<Integer> TCP_KEEPIDLE = integer("TCP_KEEPIDLE", "IPPROTO_TCP");
    /** Seconds between keep-alive probes. */
    public static final SockOpt<Integer> TCP_KEEPINTVL = integer("TCP_KEEPINTVL", "IPPROTO_TCP");
    /** Keep-alive probes before the connection is dropped. */
    public static final SockOpt<Integer> TCP_KEEPCNT = integer("TCP_KEEPCNT", "IPPROTO_TCP");
    /** An {@code AF_INET6} socket takes IPv6 only (true) or also IPv4-mapped traffic (false). */
    public static final SockOpt<Boolean> IPV6_V6ONLY = bool("IPV6_V6ONLY", "IPPROTO_IPV6");
    /** Time-to-live of outgoing IPv4 packets. */
    public static final SockOpt<Integer> IP_TTL = integer("IP_TTL", "IPPROTO_IP");
    /** Type-of-service byte of outgoing IPv4 packets. */
    public static final SockOpt<Integer> IP_TOS = integer("IP_TOS", "IPPROTO_IP");
    /** Time-to-live of outgoing IPv4 multicast. */
    public static final SockOpt<Integer> IP_MULTICAST_TTL = integer("IP_MULTICAST_TTL", "IPPROTO_IP");
    /** Loop outgoing IPv4 multicast back to local listeners. */
    public static final SockOpt<Boolean> IP_MULTICAST_LOOP = bool("IP_MULTICAST_LOOP", "IPPROTO_IP");
    /** Join an IPv4 multicast group (write-only). */
    public static final SockOpt<Membership> IP_ADD_MEMBERSHIP = new SockOpt<>("IP_ADD_MEMBERSHIP", "IPPROTO_IP", Membership.class);
    /** Leave an IPv4 multicast group (write-only). */
    public static final SockOpt<Membership> IP_DROP_MEMBERSHIP = new SockOpt<>("IP_DROP_MEMBERSHIP", "IPPROTO_IP", Membership.class);
    /** Hop limit of outgoing IPv6 multicast. */
    public static final SockOpt<Integer> IPV6_MULTICAST_HOPS = integer("IPV6_MULTICAST_HOPS", "IPPROTO_IPV6");
    /** Loop outgoing IPv6 multicast back to local listeners. */
    public static final SockOpt<Boolean> IPV6_MULTICAST_LOOP = bool("IPV6_MULTICAST_LOOP", "IPPROTO_IPV6");
    /** Join an IPv6 multicast group (write-only). */
    public static final SockOpt<Membership> IPV6_JOIN_GROUP = new SockOpt<>("IPV6_JOIN_GROUP", "IPPROTO_IPV6", Membership.class);
    /** Leave an IPv6 multicast group (write-only). */
    public static final SockOpt<Membership> IPV6_LEAVE_GROUP = new SockOpt<>("IPV6_LEAVE_GROUP", "IPPROTO_IPV6", Membership.class);

    /** The connected peer's pid, uid and gid (Linux, read-only; macOS has {@link #LOCAL_PEERCRED}). */
    public static final SockOpt<Credentials> SO_PEERCRED = new SockOpt<>("SO_PEERCRED", "SOL_SOCKET", Credentials.class);
    /** Receive {@code SCM_CREDENTIALS} with each message (Linux). */
    public static final SockOpt<Boolean> SO_PASSCRED = bool("SO_PASSCRED", "SOL_SOCKET");

    // macOS's own, as CPython has them there; on another OS each fails naming itself.
    /** Seconds idle before keep-alive probes start (macOS; Linux's {@link #TCP_KEEPIDLE}). */
    public static final SockOpt<Integer> TCP_KEEPALIVE = integer("TCP_KEEPALIVE", "IPPROTO_TCP");
    /** No {@code SIGPIPE} on a write to a closed connection (macOS; weft sets it on every socket there). */
    public static final SockOpt<Boolean> SO_NOSIGPIPE = bool("SO_NOSIGPIPE", "SOL_SOCKET");
    /** Send and receive only through the interface with this index, 0 to unbind (macOS, IPv4). */
    public static final SockOpt<Integer> IP_BOUND_IF = integer("IP_BOUND_IF", "IPPROTO_IP");
    /** Send and receive only through the interface with this index, 0 to unbind (macOS, IPv6). */
    public static final SockOpt<Integer> IPV6_BOUND_IF = integer("IPV6_BOUND_IF", "IPPROTO_IPV6");
    /**
     * The connected {@code AF_UNIX} peer's uid and effective gid from {@code struct xucred}
     * (macOS, read-only); xucred has no pid, so it is -1: {@link #LOCAL_PEERPID} gives it.
     */
    public static final SockOpt<Credentials> LOCAL_PEERCRED = new SockOpt<>("LOCAL_PEERCRED", "SOL_LOCAL", Credentials.class);
    /** The connected {@code AF_UNIX} peer's pid (macOS, read-only). */
    public static final SockOpt<Integer> LOCAL_PEERPID = integer("LOCAL_PEERPID", "SOL_LOCAL");

    private static SockOpt<String> text(String name, String level) {
        return new SockOpt<>(name, level, String.class);
    }

    /** Out-of-band data inline with normal data. */
    public static final SockOpt<Boolean> SO_OOBINLINE = bool("SO_OOBINLINE", "SOL_SOCKET");
    /** Bypass routing: send only to directly connected hosts. */
    public static final SockOpt<Boolean> SO_DONTROUTE = bool("SO_DONTROUTE", "SOL_SOCKET");
    /** The socket is listening (read-only). */
    public static final SockOpt<Boolean> SO_ACCEPTCONN = bool("SO_ACCEPTCONN", "SOL_SOCKET");
    /** The native family (read-only, Linux). */
    public static final SockOpt<Integer> SO_DOMAIN = integer("SO_DOMAIN", "SOL_SOCKET");
    /** The protocol (read-only, Linux). */
    public static final SockOpt<Integer> SO_PROTOCOL = integer("SO_PROTOCOL", "SOL_SOCKET");
    /** Minimum bytes before a receive returns. */
    public static final SockOpt<Integer> SO_RCVLOWAT = integer("SO_RCVLOWAT", "SOL_SOCKET");
    /** Queueing priority of outgoing packets (Linux). */
    public static final SockOpt<Integer> SO_PRIORITY = integer("SO_PRIORITY", "SOL_SOCKET");
    /** Firewall mark of outgoing packets (Linux; needs CAP_NET_ADMIN). */
    public static final SockOpt<Integer> SO_MARK = integer("SO_MARK", "SOL_SOCKET");
    /** Microseconds to busy-poll the device on a blocking receive (Linux). */
    public static final SockOpt<Integer> SO_BUSY_POLL = integer("SO_BUSY_POLL", "SOL_SOCKET");
    /** Bind to a network device by name, e.g. {@code "lo"} (Linux; "" unbinds). */
    public static final SockOpt<String> SO_BINDTODEVICE = text("SO_BINDTODEVICE", "SOL_SOCKET");
    /** Receive {@code SCM_TIMESTAMP} (microseconds) with each datagram. */
    public static final SockOpt<Boolean> SO_TIMESTAMP = bool("SO_TIMESTAMP", "SOL_SOCKET");
    /** Receive {@code SCM_TIMESTAMPNS} (nanoseconds) with each datagram (Linux). */
    public static final SockOpt<Boolean> SO_TIMESTAMPNS = bool("SO_TIMESTAMPNS", "SOL_SOCKET");
    /** Hold back partial frames until uncorked (Linux). */
    public static final SockOpt<Boolean> TCP_CORK = bool("TCP_CORK", "IPPROTO_TCP");
    /** Send ACKs at once rather than delayed (Linux; the kernel may clear it). */
    public static final SockOpt<Boolean> TCP_QUICKACK = bool("TCP_QUICKACK", "IPPROTO_TCP");
    /** Milliseconds unacknowledged data may wait before the connection is dropped (Linux). */
    public static final SockOpt<Integer> TCP_USER_TIMEOUT = integer("TCP_USER_TIMEOUT", "IPPROTO_TCP");
    /** The TCP Fast Open queue length of a listener (Linux). */
    public static final SockOpt<Integer> TCP_FASTOPEN = integer("TCP_FASTOPEN", "IPPROTO_TCP");
    /** The congestion-control algorithm, e.g. {@code "cubic"} (Linux). */
    public static final SockOpt<String> TCP_CONGESTION = text("TCP_CONGESTION", "IPPROTO_TCP");
    /** Unsent bytes below which the socket counts as writable (Linux, macOS). */
    public static final SockOpt<Integer> TCP_NOTSENT_LOWAT = integer("TCP_NOTSENT_LOWAT", "IPPROTO_TCP");
    /** Maximum segment size. */
    public static final SockOpt<Integer> TCP_MAXSEG = integer("TCP_MAXSEG", "IPPROTO_TCP");
    /** Seconds a listener waits for data before completing an accept (Linux). */
    public static final SockOpt<Integer> TCP_DEFER_ACCEPT = integer("TCP_DEFER_ACCEPT", "IPPROTO_TCP");
    /** Connection statistics (Linux, read-only). */
    public static final SockOpt<TcpInfo> TCP_INFO = new SockOpt<>("TCP_INFO", "IPPROTO_TCP", TcpInfo.class);
    /** Bind to addresses not (yet) on this host (Linux). */
    public static final SockOpt<Boolean> IP_FREEBIND = bool("IP_FREEBIND", "IPPROTO_IP");
    /** Transparent proxying (Linux; needs CAP_NET_ADMIN). */
    public static final SockOpt<Boolean> IP_TRANSPARENT = bool("IP_TRANSPARENT", "IPPROTO_IP");
    /** Receive {@code IP_PKTINFO} with each datagram. */
    public static final SockOpt<Boolean> IP_PKTINFO = bool("IP_PKTINFO", "IPPROTO_IP");
    /** Receive the TOS byte with each datagram. */
    public static final SockOpt<Boolean> IP_RECVTOS = bool("IP_RECVTOS", "IPPROTO_IP");
    /** Queue extended errors for {@code MSG_ERRQUEUE} (Linux). */
    public static final SockOpt<Boolean> IP_RECVERR = bool("IP_RECVERR", "IPPROTO_IP");
    /** Path-MTU discovery mode ({@code IP_PMTUDISC_*}, Linux). */
    public static final SockOpt<Integer> IP_MTU_DISCOVER = integer("IP_MTU_DISCOVER", "IPPROTO_IP");
    /** Defer choosing a port to connect time (Linux). */
    public static final SockOpt<Boolean> IP_BIND_ADDRESS_NO_PORT = bool("IP_BIND_ADDRESS_NO_PORT", "IPPROTO_IP");
    /** Receive multicast of every group joined on the host, not just this socket's (Linux). */
    public static final SockOpt<Boolean> IP_MULTICAST_ALL = bool("IP_MULTICAST_ALL", "IPPROTO_IP");
    /** Hop limit of outgoing IPv6 unicast. */
    public static final SockOpt<Integer> IPV6_UNICAST_HOPS = integer("IPV6_UNICAST_HOPS", "IPPROTO_IPV6");
    /** Interface index for outgoing IPv6 multicast. */
    public static final SockOpt<Integer> IPV6_MULTICAST_IF = integer("IPV6_MULTICAST_IF", "IPPROTO_IPV6");
    /** Receive {@code IPV6_PKTINFO} with each datagram. */
    public static final SockOpt<Boolean> IPV6_RECVPKTINFO = bool("IPV6_RECVPKTINFO", "IPPROTO_IPV6");
    /** Traffic class of outgoing IPv6 packets. */
    public static final SockOpt<Integer> IPV6_TCLASS = integer("IPV6_TCLASS", "IPPROTO_IPV6");
    /** Receive the traffic class with each datagram. */
    public static final SockOpt<Boolean> IPV6_RECVTCLASS = bool("IPV6_RECVTCLASS", "IPPROTO_IPV6");
    /** Queue extended errors for {@code MSG_ERRQUEUE} (Linux). */
    public static final SockOpt<Boolean> IPV6_RECVERR = bool("IPV6_RECVERR", "IPPROTO_IPV6");

    /** Join a netlink multicast group by number, beyond the 32 that bind's groups mask can name (Linux). */
    public static final SockOpt<Integer> NETLINK_ADD_MEMBERSHIP = integer("NETLINK_ADD_MEMBERSHIP", "SOL_NETLINK");
    /** Leave a netlink multicast group (Linux). */
    public static final SockOpt<Integer> NETLINK_DROP_MEMBERSHIP = integer("NETLINK_DROP_MEMBERSHIP", "SOL_NETLINK");
    /** Join a link-layer group, or enter promiscuous/all-multicast mode, on an AF_PACKET socket (Linux). */
    public static final SockOpt<PacketMembership> PACKET_ADD_MEMBERSHIP = new SockOpt<>("PACKET_ADD_MEMBERSHIP", "SOL_PACKET", PacketMembership.class);
    /** Undo a {@link #PACKET_ADD_MEMBERSHIP} (Linux). */
    public static final SockOpt<PacketMembership> PACKET_DROP_MEMBERSHIP = new SockOpt<>("PACKET_DROP_MEMBERSHIP", "SOL_PACKET", PacketMembership.class);
    /** A raw IPv4 socket's sends carry their own IP header. */
    public static final SockOpt<Boolean> IP_HDRINCL = bool("IP_HDRINCL", "IPPROTO_IP");
    /** How many bytes of each sent UDP-Lite datagram its checksum covers (0: all). */
    public static final SockOpt<Integer> UDPLITE_SEND_CSCOV = integer("UDPLITE_SEND_CSCOV", "SOL_UDPLITE");
    /** The least checksum coverage a received UDP-Lite datagram must have, or it is dropped. */
    public static final SockOpt<Integer> UDPLITE_RECV_CSCOV = integer("UDPLITE_RECV_CSCOV", "SOL_UDPLITE");

    /** Every typed option, for tools and conformance tests. */
    public static java.util.List<SockOpt<?>> all() {
        java.util.List<SockOpt<?>> out = new java.util.ArrayList<>();
        for (java.lang.reflect.Field f : SockOpt.class.getFields()) {
            if (f.getType() == SockOpt.class) {
                try {
                    out.add((SockOpt<?>) f.get(null));
                } catch (IllegalAccessException e) {
                    throw new AssertionError(e);
                }
            }
        }
        return out;
    }

    /**
     * A multicast membership: the group, and the local interface by address (IPv4 only) or
     * by index (0 lets the kernel choose).
     */
    public record Membership(InetAddress group, InetAddress interfaceAddress, int interfaceIndex) {
        /** Checks that the group is multicast and the interface address matches its family. */
        public Membership {
            Objects.requireNonNull(group, "group");
            if (!group.isMulticastAddress()) {
                throw new IllegalArgumentException("not a multicast group: " + group.getHostAddress());
            }
            if (interfaceAddress != null && !(group instanceof Inet4Address && interfaceAddress instanceof Inet4Address)) {
                throw new IllegalArgumentException("an interface address needs an IPv4 group and an IPv4 address");
            }
            if (interfaceIndex < 0) {
                throw new IllegalArgumentException("interface index must be >= 0");
            }
        }

        /** Join on the interface that has {@code interfaceAddress} (IPv4). */
        public static Membership of(Inet4Address group, Inet4Address interfaceAddress) {
            return new Membership(group, interfaceAddress, 0);
        }

        /** Join on the interface with this index (0: the kernel chooses). */
        public static Membership of(InetAddress group, int interfaceIndex) {
            return new Membership(group, null, interfaceIndex);
        }

        /** True for an IPv6 group. */
        public boolean isIpv6() {
            return group instanceof Inet6Address;
        }
    }

    /** The receive filters of a {@code CAN_RAW} socket (Linux; an empty array receives nothing). */
    public static final SockOpt<CanFilter[]> CAN_RAW_FILTER = new SockOpt<>("CAN_RAW_FILTER", "SOL_CAN_RAW", CanFilter[].class);
    /** A {@code CAN_RAW} socket sends and receives {@link CanFdFrame}s too (Linux). */
    public static final SockOpt<Boolean> CAN_RAW_FD_FRAMES = bool("CAN_RAW_FD_FRAMES", "SOL_CAN_RAW");
    /** Frames sent are looped back to other sockets on this host (Linux; on by default). */
    public static final SockOpt<Boolean> CAN_RAW_LOOPBACK = bool("CAN_RAW_LOOPBACK", "SOL_CAN_RAW");
    /** A socket receives the frames it sent itself, when loopback is on (Linux; off by default). */
    public static final SockOpt<Boolean> CAN_RAW_RECV_OWN_MSGS = bool("CAN_RAW_RECV_OWN_MSGS", "SOL_CAN_RAW");
    /**
     * The error classes ({@code CAN_ERR_*} bits, {@code can_err_mask_t}) a {@code CAN_RAW}
     * socket receives as error frames (Linux; 0, none, by default). CPython has no name for it
     * and takes {@code setsockopt(SOL_CAN_RAW, 2, mask)}.
     *
     * <pre>{@code
     * can.setOption(SockOpt.CAN_RAW_ERR_FILTER, CanFrame.ERR_MASK);   // every error class
     * CanFrame f = CanFrame.of(can.recv(CanFrame.SIZE));
     * if (f.isError()) { int classes = f.errorClass(); ... }
     * }</pre>
     */
    public static final SockOpt<Integer> CAN_RAW_ERR_FILTER = integer("CAN_RAW_ERR_FILTER", "SOL_CAN_RAW");
    /** A frame must match every filter rather than any (Linux). */
    public static final SockOpt<Boolean> CAN_RAW_JOIN_FILTERS = bool("CAN_RAW_JOIN_FILTERS", "SOL_CAN_RAW");

    /** Which packets and events a Bluetooth HCI raw socket receives (Linux, level {@code SOL_HCI}). */
    public static final SockOpt<HciFilter> HCI_FILTER = new SockOpt<>("HCI_FILTER", "SOL_HCI", HciFilter.class);
    /** Each packet an HCI raw socket receives carries its direction ({@code HCI_CMSG_DIR}) as ancillary data (Linux). */
    public static final SockOpt<Boolean> HCI_DATA_DIR = bool("HCI_DATA_DIR", "SOL_HCI");
    /** Each packet an HCI raw socket receives carries its time ({@code HCI_CMSG_TSTAMP}) as ancillary data (Linux). */
    public static final SockOpt<Boolean> HCI_TIME_STAMP = bool("HCI_TIME_STAMP", "SOL_HCI");

    /** A {@code CAN_ISOTP} socket's {@code struct can_isotp_options} (Linux; set before bind). */
    public static final SockOpt<CanIsotp.Options> CAN_ISOTP_OPTS = new SockOpt<>("CAN_ISOTP_OPTS", "SOL_CAN_ISOTP", CanIsotp.Options.class);
    /** The flow control a {@code CAN_ISOTP} socket sends as receiver (Linux; set before bind). */
    public static final SockOpt<CanIsotp.FlowControl> CAN_ISOTP_RECV_FC = new SockOpt<>("CAN_ISOTP_RECV_FC", "SOL_CAN_ISOTP", CanIsotp.FlowControl.class);
    /** With {@link CanIsotp#FORCE_TXSTMIN}: nanoseconds kept between sent frames (Linux). */
    public static final SockOpt<Integer> CAN_ISOTP_TX_STMIN = integer("CAN_ISOTP_TX_STMIN", "SOL_CAN_ISOTP");
    /** With {@link CanIsotp#FORCE_RXSTMIN}: frames closer than this many nanoseconds are dropped (Linux). */
    public static final SockOpt<Integer> CAN_ISOTP_RX_STMIN = integer("CAN_ISOTP_RX_STMIN", "SOL_CAN_ISOTP");
    /** A {@code CAN_ISOTP} socket's link layer, classic CAN or CAN FD (Linux; set before bind). */
    public static final SockOpt<CanIsotp.LinkLayer> CAN_ISOTP_LL_OPTS = new SockOpt<>("CAN_ISOTP_LL_OPTS", "SOL_CAN_ISOTP", CanIsotp.LinkLayer.class);

    /** The {@link J1939Filter}s a {@code CAN_J1939} socket receives through (Linux; write-only, an empty array removes them). */
    public static final SockOpt<J1939Filter[]> SO_J1939_FILTER = new SockOpt<>("SO_J1939_FILTER", "SOL_CAN_J1939", J1939Filter[].class);
    /** Receive every J1939 message on the interface, whatever its destination (Linux). */
    public static final SockOpt<Boolean> SO_J1939_PROMISC = bool("SO_J1939_PROMISC", "SOL_CAN_J1939");
    /** The priority of sent J1939 messages, 0 (highest, needs CAP_NET_ADMIN with 1) to 7; 6 by default (Linux). */
    public static final SockOpt<Integer> SO_J1939_SEND_PRIO = integer("SO_J1939_SEND_PRIO", "SOL_CAN_J1939");
    /** Report transmit progress and aborts on the error queue (Linux). */
    public static final SockOpt<Boolean> SO_J1939_ERRQUEUE = bool("SO_J1939_ERRQUEUE", "SOL_CAN_J1939");

    /**
     * The buffer an {@code AF_VSOCK} stream or seqpacket connection may use, in bytes (Linux;
     * a 64-bit value, level {@code AF_VSOCK}; the kernel keeps it between the minimum and
     * the maximum below).
     *
     * <pre>{@code
     * vsock.setOption(SockOpt.SO_VM_SOCKETS_BUFFER_SIZE, 1L << 20);
     * }</pre>
     */
    public static final SockOpt<Long> SO_VM_SOCKETS_BUFFER_SIZE = new SockOpt<>("SO_VM_SOCKETS_BUFFER_SIZE", "AF_VSOCK", Long.class);
    /** The smallest {@link #SO_VM_SOCKETS_BUFFER_SIZE} the socket accepts (Linux). */
    public static final SockOpt<Long> SO_VM_SOCKETS_BUFFER_MIN_SIZE = new SockOpt<>("SO_VM_SOCKETS_BUFFER_MIN_SIZE", "AF_VSOCK", Long.class);
    /** The largest {@link #SO_VM_SOCKETS_BUFFER_SIZE} the socket accepts (Linux). */
    public static final SockOpt<Long> SO_VM_SOCKETS_BUFFER_MAX_SIZE = new SockOpt<>("SO_VM_SOCKETS_BUFFER_MAX_SIZE", "AF_VSOCK", Long.class);
}
