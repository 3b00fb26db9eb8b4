package dev.weft;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A socket address: one record per address form of Python's {@code socket} module. Every
 * record checks its fields when built, so a bad address fails here, before any native call.
 *
 * <p>A deliberate difference from CPython: the {@code inet}/{@code inet6} factories resolve
 * a host name when the address is built, where CPython resolves a tuple's name in each call
 * that takes it ({@code connect}, {@code sendto}...) and {@code getnameinfo} takes numeric
 * hosts only. A line-for-line port may therefore send a DNS query where CPython sends none,
 * or none where CPython sends one per call; see {@link Sockets#getNameInfo}.
 *
 * <pre>{@code
 * SockAddr a = SockAddr.inet("127.0.0.1", 8080);          // ('127.0.0.1', 8080)
 * SockAddr b = SockAddr.inet6("::1", 8080);                // ('::1', 8080, 0, 0)
 * SockAddr c = SockAddr.unix("/run/app.sock");             // '/run/app.sock'
 * SockAddr d = SockAddr.unixAbstract("app");               // '\0app' (Linux)
 * SockAddr e = new SockAddr.Packet("lo", 0x0800);         // ('lo', 2048) (Linux AF_PACKET)
 * InetSocketAddress j = (InetSocketAddress) a.toSocketAddress();
 * }</pre>
 */
public sealed interface SockAddr
        permits SockAddr.Inet4, SockAddr.Inet6, SockAddr.Unix, SockAddr.Netlink, SockAddr.Vsock,
        SockAddr.Packet, SockAddr.SysControl, SockAddr.Raw,
        SockAddr.Can, SockAddr.Alg, SockAddr.Tipc, SockAddr.Qipcrtr, SockAddr.HyperV, SockAddr.Bluetooth {

    /** The family this address belongs to, or null for a {@link Raw} of an unmapped family. */
    Family family();

    /** The {@code java.net} form: {@link InetSocketAddress} or {@link UnixDomainSocketAddress}. */
    default SocketAddress toSocketAddress() {
        throw new UnsupportedOperationException("no java.net form for " + this);
    }

    /** Unix paths are at most this many bytes with the terminating NUL ({@code sun_path}, Linux). */
    int UNIX_PATH_MAX = 108;

    /** An IPv4 address and port: Python's {@code (host, port)}. */
    record Inet4(Inet4Address address, int port) implements SockAddr {
        /** Checks the port range. */
        public Inet4 {
            Objects.requireNonNull(address, "address");
            checkPort(port);
        }

        @Override
        public Family family() {
            return Family.INET;
        }

        @Override
        public InetSocketAddress toSocketAddress() {
            return new InetSocketAddress(address, port);
        }

        /** The host as text, e.g. {@code "127.0.0.1"}. */
        public String host() {
            return address.getHostAddress();
        }

        @Override
        public String toString() {
            return host() + ":" + port;
        }
    }

    /** An IPv6 address: Python's {@code (host, port, flowinfo, scope_id)}. */
    record Inet6(Inet6Address address, int port, int flowInfo, int scopeId) implements SockAddr {
        /** Checks the port and flow-info ranges; the scope lives in {@code scopeId}, not the address. */
        public Inet6 {
            Objects.requireNonNull(address, "address");
            checkPort(port);
            if ((flowInfo & 0xFFF00000) != 0) {
                throw new IllegalArgumentException("flowinfo must be 0-1048575, got " + Integer.toUnsignedString(flowInfo));
            }
            if (address.getScopeId() != 0) {
                int sid = address.getScopeId();
                address = InetText.inet6(address.getAddress());
                if (scopeId == 0) {
                    scopeId = sid;
                }
            }
        }

        /** An address with no flow info and no scope. */
        public Inet6(Inet6Address address, int port) {
            this(address, port, 0, 0);
        }

        @Override
        public Family family() {
            return Family.INET6;
        }

        @Override
        public InetSocketAddress toSocketAddress() {
            try {
                InetAddress a = scopeId == 0 ? address : Inet6Address.getByAddress(null, address.getAddress(), scopeId);
                return new InetSocketAddress(a, port);
            } catch (UnknownHostException e) {
                throw new AssertionError(e);
            }
        }

        /** The host as text, e.g. {@code "::1"} (no scope suffix). */
        public String host() {
            return InetText.format6(address.getAddress());
        }

        @Override
        public String toString() {
            return "[" + host() + (scopeId != 0 ? "%" + scopeId : "") + "]:" + port;
        }
    }

    /**
     * An {@code AF_UNIX} address, held as the raw bytes of {@code sun_path}: a file-system
     * path, a Linux abstract name (first byte NUL), or unnamed (no bytes), as Python's
     * {@code str}/{@code bytes} forms are.
     */
    record Unix(byte[] bytes) implements SockAddr {
        /** Copies the bytes; rejects names longer than {@code sun_path}. */
        public Unix {
            bytes = Objects.requireNonNull(bytes, "bytes").clone();
            boolean isAbstract = bytes.length > 0 && bytes[0] == 0;
            // A path needs room for its terminating NUL; an abstract name uses every byte.
            int max = isAbstract ? UNIX_PATH_MAX : UNIX_PATH_MAX - 1;
            if (bytes.length > max) {
                throw new IllegalArgumentException("AF_UNIX path too long: " + bytes.length + " bytes, at most " + max);
            }
            if (!isAbstract) {
                for (byte b : bytes) {
                    if (b == 0) {
                        throw new IllegalArgumentException("AF_UNIX path contains a NUL byte");
                    }
                }
            }
        }

        /** The bytes of {@code sun_path} (a copy). */
        @Override
        public byte[] bytes() {
            return bytes.clone();
        }

        /** True for a Linux abstract-namespace name. */
        public boolean isAbstract() {
            return bytes.length > 0 && bytes[0] == 0;
        }

        /** True for the unnamed address (an unbound socket, or one end of a socket pair). */
        public boolean isUnnamed() {
            return bytes.length == 0;
        }

        /** The path, or for an abstract name the name after the NUL, decoded as UTF-8. */
        public String path() {
            return isAbstract()
                    ? new String(bytes, 1, bytes.length - 1, StandardCharsets.UTF_8)
                    : new String(bytes, StandardCharsets.UTF_8);
        }

        @Override
        public Family family() {
            return Family.UNIX;
        }

        @Override
        public SocketAddress toSocketAddress() {
            if (isAbstract()) {
                throw new UnsupportedOperationException("java.net has no form for abstract name " + this);
            }
            return UnixDomainSocketAddress.of(path());
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Unix u && Arrays.equals(bytes, u.bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return isUnnamed() ? "unix:(unnamed)" : isAbstract() ? "unix:@" + path() : "unix:" + path();
        }
    }

    /** An {@code AF_NETLINK} address: Python's {@code (pid, groups)}. */
    record Netlink(int pid, int groups) implements SockAddr {
        @Override
        public Family family() {
            return Family.NETLINK;
        }
    }

    /**
     * A {@code PF_SYSTEM}/{@code SYSPROTO_CONTROL} address (macOS kernel controls): Python's
     * {@code (id, unit)}, both unsigned 32-bit ({@code struct sockaddr_ctl}'s {@code sc_id},
     * {@code sc_unit}). Python also takes a control's name, which it turns into the id with
     * {@code CTLIOCGINFO}; here that is {@code Sockets.provider().controlId(fd, name)}.
     *
     * <pre>{@code
     * s.connect(new SockAddr.SysControl(Sockets.provider().controlId(s.fileno(), "com.apple.net.utun_control"), 0));
     * }</pre>
     */
    record SysControl(int id, int unit) implements SockAddr {
        @Override
        public Family family() {
            return Family.SYSTEM;
        }

        @Override
        public String toString() {
            return "system:(" + Integer.toUnsignedString(id) + ", " + Integer.toUnsignedString(unit) + ")";
        }
    }

    /** An {@code AF_VSOCK} address: Python's {@code (CID, port)}, both unsigned 32-bit. */
    record Vsock(int cid, int port) implements SockAddr {
        @Override
        public Family family() {
            return Family.VSOCK;
        }
    }

    /**
     * An {@code AF_PACKET} address (Linux): Python's {@code (ifname, proto[, pkttype[,
     * hatype[, addr]]])}. {@code proto} is the Ethernet protocol in host order (the codec
     * writes it big-endian, as {@code htons}); {@code ifname} {@code ""} means every
     * interface (index 0), which CPython refuses to encode but decodes for an unbound socket.
     * A {@code hatype} is unsigned here ({@code ARPHRD_NONE} is 65534, CPython's -2).
     *
     * <pre>{@code
     * s.bind(new SockAddr.Packet("lo", 0x0800));   // ETH_P_IP on the loopback interface
     * }</pre>
     *
     * @param ifname  the interface name, at most {@value #MAX_IFNAME} bytes of UTF-8
     * @param proto   the protocol, 0-65535 ({@code ETH_P_*})
     * @param pkttype {@code PACKET_HOST} (0), {@code PACKET_BROADCAST}..., 0-255
     * @param hatype  the {@code ARPHRD_*} hardware type, 0-65535
     * @param addr    the hardware address, at most {@value #MAX_ADDR_LEN} bytes (CPython: 8)
     */
    record Packet(String ifname, int proto, int pkttype, int hatype, byte[] addr) implements SockAddr {
        /** {@code IFNAMSIZ} less the NUL. */
        public static final int MAX_IFNAME = 15;
        /** The kernel's {@code MAX_ADDR_LEN}; {@code sll_addr} holds 8, a longer one extends the address. */
        public static final int MAX_ADDR_LEN = 32;

        /** Checks every field's range; copies the address. */
        public Packet {
            Objects.requireNonNull(ifname, "ifname");
            if (ifname.getBytes(StandardCharsets.UTF_8).length > MAX_IFNAME || ifname.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("interface name must be at most " + MAX_IFNAME + " bytes without NUL: " + ifname);
            }
            checkRange("proto", proto, 0xFFFF);
            checkRange("pkttype", pkttype, 0xFF);
            checkRange("hatype", hatype, 0xFFFF);
            addr = Objects.requireNonNull(addr, "addr").clone();
            if (addr.length > MAX_ADDR_LEN) {
                throw new IllegalArgumentException("hardware address must be at most " + MAX_ADDR_LEN + " bytes, got " + addr.length);
            }
        }

        /** Python's 2-tuple: {@code PACKET_HOST}, hardware type 0, no hardware address. */
        public Packet(String ifname, int proto) {
            this(ifname, proto, 0, 0, new byte[0]);
        }

        private static void checkRange(String what, int v, int max) {
            if (v < 0 || v > max) {
                throw new IllegalArgumentException(what + " must be 0-" + max + ", got " + v);
            }
        }

        /** The hardware address (a copy). */
        @Override
        public byte[] addr() {
            return addr.clone();
        }

        @Override
        public Family family() {
            return Family.PACKET;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Packet p && p.ifname.equals(ifname) && p.proto == proto && p.pkttype == pkttype
                    && p.hatype == hatype && Arrays.equals(p.addr, addr);
        }

        @Override
        public int hashCode() {
            return Objects.hash(ifname, proto, pkttype, hatype) * 31 + Arrays.hashCode(addr);
        }

        @Override
        public String toString() {
            return "packet(" + ifname + ", 0x" + Integer.toHexString(proto) + ", " + pkttype + ", " + hatype + ", "
                    + HexFormat.of().formatHex(addr) + ")";
        }
    }

    /**
     * An {@code AF_CAN} address (Linux), {@code struct sockaddr_can}: the interface and the
     * union after it. CPython's three forms are three factories: {@code (interface,)} for
     * {@code CAN_RAW}/{@code CAN_BCM} ({@link #of}), {@code (interface, rx_addr, tx_addr)}
     * for {@code CAN_ISOTP} ({@link #isotp}) and {@code (interface, name, pgn, addr)} for
     * {@code CAN_J1939} ({@link #j1939}). {@code ifname} {@code ""} is every interface
     * (index 0), as in CPython; an interface that does not exist fails the call with
     * {@code ENODEV}.
     *
     * <p>A deliberate difference from CPython, which picks the tuple's shape from the
     * socket's protocol: an address decoded from the kernel's bytes does not know the
     * protocol, so this one record holds the union and gives both of its views. ISOTP's
     * {@code rx_id} and {@code tx_id} are the low and high 32 bits of J1939's 64-bit
     * {@code name} (the bytes they share on the little-endian ABIs weft runs on, x86_64
     * and aarch64); {@link #rxId()}/{@link #txId()} read them so.
     *
     * <pre>{@code
     * raw.bind(SockAddr.Can.of("vcan0"));                        // ('vcan0',)
     * tp.bind(SockAddr.Can.isotp("vcan0", 0x123, 0x321));        // ('vcan0', 0x123, 0x321)
     * j.bind(SockAddr.Can.j1939("vcan0", 0, 0x40000, 0x20));    // ('vcan0', J1939_NO_NAME, J1939_NO_PGN, 0x20)
     * }</pre>
     *
     * @param ifname the interface name, at most {@value Packet#MAX_IFNAME} bytes of UTF-8
     * @param name   J1939's 64-bit NAME (or ISOTP's rx/tx ids, see above)
     * @param pgn    J1939's parameter group number, unsigned 32-bit
     * @param addr   J1939's address, 0-255
     */
    record Can(String ifname, long name, int pgn, int addr) implements SockAddr {
        /** Checks the interface name and the J1939 address. */
        public Can {
            Objects.requireNonNull(ifname, "ifname");
            if (ifname.getBytes(StandardCharsets.UTF_8).length > Packet.MAX_IFNAME || ifname.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("interface name must be at most " + Packet.MAX_IFNAME + " bytes without NUL: " + ifname);
            }
            if (addr < 0 || addr > 0xFF) {
                throw new IllegalArgumentException("J1939 address must be 0-255, got " + addr);
            }
        }

        /** CPython's {@code (interface,)}: {@code CAN_RAW} and {@code CAN_BCM}. */
        public static Can of(String ifname) {
            return new Can(ifname, 0, 0, 0);
        }

        /** CPython's {@code (interface, rx_addr, tx_addr)}: {@code CAN_ISOTP}'s receive and transmit ids. */
        public static Can isotp(String ifname, int rxId, int txId) {
            return new Can(ifname, (rxId & 0xFFFF_FFFFL) | ((long) txId << 32), 0, 0);
        }

        /** CPython's {@code (interface, name, pgn, addr)}: {@code CAN_J1939}. */
        public static Can j1939(String ifname, long name, int pgn, int addr) {
            return new Can(ifname, name, pgn, addr);
        }

        /** ISOTP's {@code rx_id}: the low 32 bits of {@link #name()}. */
        public int rxId() {
            return (int) name;
        }

        /** ISOTP's {@code tx_id}: the high 32 bits of {@link #name()}. */
        public int txId() {
            return (int) (name >>> 32);
        }

        @Override
        public Family family() {
            return Family.CAN;
        }

        @Override
        public String toString() {
            return name == 0 && pgn == 0 && addr == 0 ? "can(" + ifname + ")"
                    : "can(" + ifname + ", name 0x" + Long.toHexString(name) + ", pgn 0x" + Integer.toHexString(pgn)
                            + ", addr 0x" + Integer.toHexString(addr) + ")";
        }
    }

    /**
     * An {@code AF_ALG} address (Linux's kernel crypto API), {@code struct sockaddr_alg}:
     * CPython's {@code (type, name[, feat[, mask]])}. Bind a {@code SOCK_SEQPACKET} socket to
     * it, set the key with {@code ALG_SET_KEY}, and {@code accept()} an operation socket;
     * {@link Socket#sendMsgAfAlg} passes the operation, IV and associated-data length.
     *
     * <pre>{@code
     * try (Socket alg = Socket.open(Family.ALG, SocketType.SEQPACKET)) {
     *     alg.bind(new SockAddr.Alg("hash", "sha256"));
     *     try (Socket op = alg.accept().socket()) {
     *         op.sendAll("abc".getBytes());
     *         byte[] digest = op.recv(32);
     *     }
     * }
     * }</pre>
     *
     * @param type {@code "hash"}, {@code "skcipher"}, {@code "aead"}, {@code "rng"}...: at most
     *             {@value #MAX_TYPE} bytes of UTF-8 ({@code salg_type[14]} with its NUL)
     * @param name the algorithm, e.g. {@code "cbc(aes)"}: at most {@value #MAX_NAME} bytes
     * @param feat {@code salg_feat}, unsigned 32-bit
     * @param mask {@code salg_mask}, unsigned 32-bit
     */
    record Alg(String type, String name, int feat, int mask) implements SockAddr {
        /** {@code sizeof(salg_type)} less the NUL, as CPython's "AF_ALG type too long." check. */
        public static final int MAX_TYPE = 13;
        /** {@code sizeof(salg_name)} less the NUL (64 bytes; CPython's check). */
        public static final int MAX_NAME = 63;

        /** Checks both names' lengths. */
        public Alg {
            checkName("type", type, MAX_TYPE);
            checkName("name", name, MAX_NAME);
        }

        /** CPython's 2-tuple {@code (type, name)}: feat and mask 0. */
        public Alg(String type, String name) {
            this(type, name, 0, 0);
        }

        private static void checkName(String what, String v, int max) {
            Objects.requireNonNull(v, what);
            if (v.getBytes(StandardCharsets.UTF_8).length > max || v.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("AF_ALG " + what + " too long or with a NUL (at most " + max + " bytes): " + v);
            }
        }

        @Override
        public Family family() {
            return Family.ALG;
        }

        @Override
        public String toString() {
            return "alg(" + type + ", " + name + (feat != 0 || mask != 0 ? ", " + Integer.toUnsignedString(feat) + ", "
                    + Integer.toUnsignedString(mask) : "") + ")";
        }
    }

    /**
     * An {@code AF_TIPC} address (Linux), {@code struct sockaddr_tipc}: CPython's
     * {@code (addr_type, v1, v2, v3[, scope])}. By type: {@code TIPC_ADDR_NAMESEQ} (1) is
     * {@code (type, lower, upper)}, a service range to bind; {@code TIPC_ADDR_NAME} (2) is
     * {@code (type, instance, domain)}, a service to send to; {@code TIPC_ADDR_ID} (3) is
     * {@code (node, ref, 0)}, one socket (its {@code v3} is always 0, as CPython ignores it).
     * {@code scope} defaults to {@code TIPC_CLUSTER_SCOPE} (2) as in CPython.
     *
     * <p>A deliberate difference from CPython: a decoded {@code TIPC_ADDR_NAME} carries the
     * domain as {@code v3}, where CPython's {@code makesockaddr} repeats the instance, so that
     * every decoded address encodes back to the same bytes.
     *
     * <pre>{@code
     * srv.bind(new SockAddr.Tipc(SockAddr.Tipc.NAMESEQ, 2000, 200, 210));  // a service range
     * cli.sendTo(data, new SockAddr.Tipc(SockAddr.Tipc.NAME, 2000, 205, 0));
     * }</pre>
     */
    record Tipc(int addrType, int v1, int v2, int v3, int scope) implements SockAddr {
        /** {@code TIPC_ADDR_NAMESEQ} ({@code TIPC_SERVICE_RANGE}). */
        public static final int NAMESEQ = 1;
        /** {@code TIPC_ADDR_NAME} ({@code TIPC_SERVICE_ADDR}). */
        public static final int NAME = 2;
        /** {@code TIPC_ADDR_ID} ({@code TIPC_SOCKET_ADDR}). */
        public static final int ID = 3;
        /** {@code TIPC_CLUSTER_SCOPE}, CPython's default scope. */
        public static final int CLUSTER_SCOPE = 2;

        /** Checks the address type and the scope; {@code v3} of an {@link #ID} becomes 0. */
        public Tipc {
            if (addrType < NAMESEQ || addrType > ID) {
                throw new IllegalArgumentException("TIPC address type must be TIPC_ADDR_NAMESEQ (1), TIPC_ADDR_NAME (2) or"
                        + " TIPC_ADDR_ID (3), got " + addrType);
            }
            if (scope < 0 || scope > 0xFF) {
                throw new IllegalArgumentException("TIPC scope must be 0-255, got " + scope);
            }
            if (addrType == ID) {
                v3 = 0;
            }
        }

        /** CPython's 4-tuple: {@link #CLUSTER_SCOPE}. */
        public Tipc(int addrType, int v1, int v2, int v3) {
            this(addrType, v1, v2, v3, CLUSTER_SCOPE);
        }

        @Override
        public Family family() {
            return Family.TIPC;
        }

        @Override
        public String toString() {
            return "tipc(" + addrType + ", " + Integer.toUnsignedString(v1) + ", " + Integer.toUnsignedString(v2) + ", "
                    + Integer.toUnsignedString(v3) + ", " + scope + ")";
        }
    }

    /**
     * An {@code AF_QIPCRTR} address (Linux, Qualcomm IPC router), {@code struct sockaddr_qrtr}:
     * CPython's {@code (node, port)}, both unsigned 32-bit.
     *
     * <pre>{@code
     * int node = ((SockAddr.Qipcrtr) s.getSockName()).node();   // this host's node
     * s.bind(new SockAddr.Qipcrtr(node, 0));                     // any port
     * }</pre>
     */
    record Qipcrtr(int node, int port) implements SockAddr {
        @Override
        public Family family() {
            return Family.QIPCRTR;
        }

        @Override
        public String toString() {
            return "qipcrtr(" + Integer.toUnsignedString(node) + ", " + Integer.toUnsignedString(port) + ")";
        }
    }

    /**
     * An {@code AF_HYPERV} address (Windows), {@code SOCKADDR_HV}: CPython's
     * {@code (vm_id, service_id)}, two GUIDs. CPython takes and gives them as strings; here they
     * are {@link java.util.UUID}s, built from the same strings by {@link #of(String, String)},
     * and {@link #toString()} prints CPython's lowercase form. The well-known VM ids of
     * {@code hvsocket.h} (CPython's {@code HV_GUID_*}) are the constants below.
     *
     * <pre>{@code
     * var service = "3049197c-facb-11e6-bd58-64006a7986d3";
     * s.connect(SockAddr.HyperV.of(SockAddr.HyperV.LOOPBACK.toString(), service)); // ('e0e16197-...', '3049197c-...')
     * }</pre>
     */
    record HyperV(java.util.UUID vmId, java.util.UUID serviceId) implements SockAddr {
        /** {@code HV_GUID_ZERO}, also {@code HV_GUID_WILDCARD}: any partition, for bind. */
        public static final java.util.UUID ZERO = new java.util.UUID(0, 0);
        /** {@code HV_GUID_WILDCARD}. */
        public static final java.util.UUID WILDCARD = ZERO;
        /** {@code HV_GUID_BROADCAST}. */
        public static final java.util.UUID BROADCAST = new java.util.UUID(-1, -1);
        /** {@code HV_GUID_CHILDREN}: the child partitions. */
        public static final java.util.UUID CHILDREN = java.util.UUID.fromString("90db8b89-0d35-4f79-8ce9-49ea0ac8b7cd");
        /** {@code HV_GUID_LOOPBACK}: this partition. */
        public static final java.util.UUID LOOPBACK = java.util.UUID.fromString("e0e16197-dd56-4a10-9195-5ee7a155a838");
        /** {@code HV_GUID_PARENT}: the parent partition (the host, from a VM). */
        public static final java.util.UUID PARENT = java.util.UUID.fromString("a42e7cda-d03f-480c-9cc2-a4de20abb878");
        /** {@code HV_GUID_SILOHOST}: the silo host of a container. */
        public static final java.util.UUID SILOHOST = java.util.UUID.fromString("36bd0c5c-7276-4223-88ba-7d03b654c568");

        private static final java.util.regex.Pattern GUID =
                java.util.regex.Pattern.compile("\\{?[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}}?");

        public HyperV {
            Objects.requireNonNull(vmId, "vmId");
            Objects.requireNonNull(serviceId, "serviceId");
        }

        /**
         * From CPython's strings: each a GUID in its 8-4-4-4-12 hex form, braces allowed
         * (as {@code UuidFromStringW} and {@code CLSIDFromString} take them), any case.
         *
         * @throws IllegalArgumentException naming the string that is not a GUID
         */
        public static HyperV of(String vmId, String serviceId) {
            return new HyperV(guid("vm_id", vmId), guid("service_id", serviceId));
        }

        private static java.util.UUID guid(String what, String s) {
            Objects.requireNonNull(s, what);
            if (!GUID.matcher(s).matches() || s.startsWith("{") != s.endsWith("}")) {
                throw new IllegalArgumentException(what + " is not a GUID (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx): " + s);
            }
            return java.util.UUID.fromString(s.startsWith("{") ? s.substring(1, s.length() - 1) : s);
        }

        @Override
        public Family family() {
            return Family.HYPERV;
        }

        @Override
        public String toString() {
            return "('" + vmId + "', '" + serviceId + "')";
        }
    }

    /**
     * An {@code AF_BLUETOOTH} address (Linux) in CPython's forms, which the socket's
     * {@code BTPROTO_*} picks: L2CAP's {@code (bdaddr, psm)} ({@code struct sockaddr_l2}),
     * RFCOMM's {@code (bdaddr, channel)} ({@code sockaddr_rc}), HCI's {@code (dev_id,)}
     * ({@code sockaddr_hci}, channel 0, {@code HCI_CHANNEL_RAW}) and SCO's {@code bdaddr}
     * ({@code sockaddr_sco}). {@code bdaddr} is {@code "XX:XX:XX:XX:XX:XX"} in the order people
     * write it (the kernel's {@code bdaddr_t} holds the bytes reversed); one or two hex digits a
     * group are taken, as CPython's {@code sscanf} does, and kept as two upper-case digits.
     *
     * <p>A deliberate difference from CPython: an address decoded from the kernel's bytes does
     * not know the socket's protocol, so the codec tells the four apart by their lengths (14,
     * 10, 6 and 8 bytes, which the kernel's getsockname/getpeername return) and the record
     * names its protocol. L2CAP's {@code l2_cid} and {@code l2_bdaddr_type} are written as 0
     * and not decoded (CPython 3.11 has neither).
     *
     * <pre>{@code
     * hci.bind(SockAddr.Bluetooth.hci(0));                                   // (0,)
     * rc.connect(SockAddr.Bluetooth.rfcomm("01:23:45:67:89:AB", 1));         // ('01:23:45:67:89:AB', 1)
     * l2.bind(SockAddr.Bluetooth.l2cap(SockAddr.Bluetooth.BDADDR_ANY, 0));
     * }</pre>
     *
     * @param protocol {@link #L2CAP}, {@link #HCI}, {@link #SCO} or {@link #RFCOMM} (Linux's {@code BTPROTO_*})
     * @param bdaddr   the device address; {@code ""} for HCI, which has none
     * @param port     L2CAP's PSM (0-65535), RFCOMM's channel (0-255), HCI's device id (0-65535), 0 for SCO
     */
    record Bluetooth(int protocol, String bdaddr, int port) implements SockAddr {
        /** {@code BTPROTO_L2CAP}. */
        public static final int L2CAP = 0;
        /** {@code BTPROTO_HCI}. */
        public static final int HCI = 1;
        /** {@code BTPROTO_SCO}. */
        public static final int SCO = 2;
        /** {@code BTPROTO_RFCOMM}. */
        public static final int RFCOMM = 3;
        /** CPython's {@code socket.BDADDR_ANY}. */
        public static final String BDADDR_ANY = "00:00:00:00:00:00";
        /** CPython's {@code socket.BDADDR_LOCAL}. */
        public static final String BDADDR_LOCAL = "00:00:00:FF:FF:FF";

        /** Checks the protocol and port, and puts {@code bdaddr} in its two-digit upper-case form. */
        public Bluetooth {
            Objects.requireNonNull(bdaddr, "bdaddr");
            int max = switch (protocol) {
                case L2CAP, HCI -> 0xFFFF;
                case RFCOMM -> 0xFF;
                case SCO -> 0;
                default -> throw new IllegalArgumentException("Bluetooth protocol must be BTPROTO_L2CAP, _HCI, _SCO or _RFCOMM (0-3), got " + protocol);
            };
            if (port < 0 || port > max) {
                throw new IllegalArgumentException((protocol == L2CAP ? "L2CAP psm" : protocol == HCI ? "HCI device id" : protocol == RFCOMM
                        ? "RFCOMM channel" : "SCO has no port, so it") + " must be 0-" + max + ", got " + port);
            }
            if (protocol == HCI) {
                if (!bdaddr.isEmpty()) {
                    throw new IllegalArgumentException("an HCI address is (dev_id,) and has no bdaddr, got " + bdaddr);
                }
            } else {
                bdaddr = canonical(bdaddr);
            }
        }

        /** CPython's L2CAP {@code (bdaddr, psm)}. */
        public static Bluetooth l2cap(String bdaddr, int psm) {
            return new Bluetooth(L2CAP, bdaddr, psm);
        }

        /** CPython's RFCOMM {@code (bdaddr, channel)}. */
        public static Bluetooth rfcomm(String bdaddr, int channel) {
            return new Bluetooth(RFCOMM, bdaddr, channel);
        }

        /** CPython's HCI {@code (dev_id,)}: {@code hciN}'s N. */
        public static Bluetooth hci(int devId) {
            return new Bluetooth(HCI, "", devId);
        }

        /** CPython's SCO {@code bdaddr}. */
        public static Bluetooth sco(String bdaddr) {
            return new Bluetooth(SCO, bdaddr, 0);
        }

        /** The six bytes of {@code bdaddr} in the order written (the kernel's {@code bdaddr_t} reverses them); none for HCI. */
        public byte[] bdaddrBytes() {
            return bdaddr.isEmpty() ? new byte[0] : HexFormat.ofDelimiter(":").parseHex(bdaddr);
        }

        private static String canonical(String s) {
            String[] g = s.split(":", -1);
            boolean ok = g.length == 6;
            StringBuilder out = new StringBuilder(17);
            for (int i = 0; ok && i < 6; i++) {
                ok = !g[i].isEmpty() && g[i].length() <= 2 && g[i].chars().allMatch(c -> Character.digit(c, 16) >= 0 && c < 128);
                if (ok) {
                    out.append(i == 0 ? "" : ":").append(g[i].length() == 1 ? "0" : "").append(g[i].toUpperCase(java.util.Locale.ROOT));
                }
            }
            if (!ok) {
                throw new IllegalArgumentException("bdaddr must be six hex bytes XX:XX:XX:XX:XX:XX, got \"" + s + "\"");
            }
            return out.toString();
        }

        @Override
        public Family family() {
            return Family.BLUETOOTH;
        }

        @Override
        public String toString() {
            return switch (protocol) {
                case L2CAP -> "bluetooth-l2cap('" + bdaddr + "', " + port + ")";
                case RFCOMM -> "bluetooth-rfcomm('" + bdaddr + "', " + port + ")";
                case HCI -> "bluetooth-hci(" + port + ",)";
                default -> "bluetooth-sco('" + bdaddr + "')";
            };
        }
    }

    /**
     * An address of a family weft has no record for yet, as the kernel gave it: the native
     * family number and the bytes after the family field. Decoding never fails; this is what
     * an unknown form decodes to, and it can be passed back to the kernel unchanged.
     */
    record Raw(int nativeFamily, byte[] data) implements SockAddr {
        /** Copies the bytes. */
        public Raw {
            data = Objects.requireNonNull(data, "data").clone();
        }

        @Override
        public byte[] data() {
            return data.clone();
        }

        @Override
        public Family family() {
            return null;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Raw r && r.nativeFamily == nativeFamily && Arrays.equals(data, r.data);
        }

        @Override
        public int hashCode() {
            return nativeFamily * 31 + Arrays.hashCode(data);
        }

        @Override
        public String toString() {
            return "raw(family " + nativeFamily + ", " + HexFormat.of().formatHex(data) + ")";
        }
    }

    // ---- factories -------------------------------------------------------------------

    /**
     * An IPv4 address. {@code host} may be {@code ""} ({@code INADDR_ANY}),
     * {@code "<broadcast>"}, a dotted quad, or a name resolved by the system resolver (first
     * result; the call parks, never blocking a carrier).
     */
    static Inet4 inet(String host, int port) throws IOException {
        checkPort(port);
        byte[] a = InetText.parse4Special(Objects.requireNonNull(host, "host"));
        if (a == null) {
            return (Inet4) Sockets.resolveFirst(host, port, Family.INET);
        }
        return new Inet4(InetText.inet4(a), port);
    }

    /** An IPv4 address from its four bytes, big-endian; no resolution. */
    static Inet4 inet(byte[] address, int port) {
        if (address.length != 4) {
            throw new IllegalArgumentException("IPv4 address must be 4 bytes, got " + address.length);
        }
        return new Inet4(InetText.inet4(address), port);
    }

    /** An IPv6 address; {@code host} may be {@code ""} (any), a literal (with {@code %scope}) or a name. */
    static Inet6 inet6(String host, int port) throws IOException {
        return inet6(host, port, 0, 0);
    }

    /** An IPv6 address with flow info and scope id: Python's 4-tuple. */
    static Inet6 inet6(String host, int port, int flowInfo, int scopeId) throws IOException {
        checkPort(port);
        Objects.requireNonNull(host, "host");
        if (host.isEmpty()) {
            return new Inet6(InetText.inet6(new byte[16]), port, flowInfo, scopeId);
        }
        // CPython's setipaddr for AF_INET6: a literal without a zone is parsed here (an
        // IPv4-mapped one stays IPv6); one with a %zone, and a name, go to getaddrinfo,
        // which maps the zone to its index without a DNS query.
        byte[] literal = host.indexOf('%') < 0 ? InetConvert.pton6(host) : null;
        if (literal != null) {
            return new Inet6(InetText.inet6(literal), port, flowInfo, scopeId);
        }
        if (host.equals("<broadcast>")) {
            throw new java.net.SocketException("address family mismatched: <broadcast> is IPv4");
        }
        Inet6 r = (Inet6) Sockets.resolveFirst(host, port, Family.INET6);
        return new Inet6(r.address(), port, flowInfo, scopeId != 0 ? scopeId : r.scopeId());
    }

    /** A Unix path address; the path is encoded as UTF-8. */
    static Unix unix(String path) {
        return new Unix(Objects.requireNonNull(path, "path").getBytes(StandardCharsets.UTF_8));
    }

    /** A Unix path address. */
    static Unix unix(Path path) {
        return unix(path.toString());
    }

    /** A Linux abstract-namespace address: {@code "\0" + name}. */
    static Unix unixAbstract(String name) {
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        byte[] b = new byte[n.length + 1];
        System.arraycopy(n, 0, b, 1, n.length);
        return new Unix(b);
    }

    /** The unnamed Unix address. */
    Unix UNIX_UNNAMED = new Unix(new byte[0]);

    /**
     * Converts a {@code java.net} address. An unresolved {@link InetSocketAddress} is resolved
     * (first result); IPv4-mapped IPv6 addresses stay IPv4 as Java gives them.
     */
    static SockAddr of(SocketAddress address) throws IOException {
        Objects.requireNonNull(address, "address");
        if (address instanceof InetSocketAddress isa) {
            if (isa.isUnresolved()) {
                return Sockets.resolveFirst(isa.getHostString(), isa.getPort(), Family.UNSPEC);
            }
            InetAddress a = isa.getAddress();
            if (a instanceof Inet4Address a4) {
                return new Inet4(a4, isa.getPort());
            }
            Inet6Address a6 = (Inet6Address) a;
            return new Inet6(a6, isa.getPort(), 0, a6.getScopeId());
        }
        if (address instanceof UnixDomainSocketAddress u) {
            return unix(u.getPath());
        }
        throw new IllegalArgumentException("unsupported address type " + address.getClass().getName());
    }

    /** Throws {@link IllegalArgumentException} unless {@code 0 <= port <= 65535}. */
    static void checkPort(int port) {
        if (port < 0 || port > 0xFFFF) {
            throw new IllegalArgumentException("port must be 0-65535, got " + port);
        }
    }
}
