package dev.weft;

import dev.weft.spi.SocketProvider;
import java.io.IOException;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The module functions over the provider's name, service and interface databases, with
 * CPython's rules around them (its {@code setipaddr}, {@code gethost_common}, {@code getfqdn}).
 * Every call that can wait in the C library runs on {@link BlockingCalls}' pool while the
 * caller parks; arguments are checked before any native call.
 */
final class Netdb {
    private Netdb() {}

    private static SocketProvider provider() {
        return ProviderContext.get().provider;
    }

    /**
     * CPython's {@code setipaddr}: {@code ""} is the wildcard of {@code family},
     * {@code "<broadcast>"} and {@code "255.255.255.255"} are 255.255.255.255, a number is
     * parsed without a lookup, and anything else goes to getaddrinfo, first result.
     * {@code name} is already in its IDNA form.
     */
    static byte[] setIpAddr(String name, Family family) throws IOException {
        if (name.isEmpty()) {
            List<AddrInfo> r = Sockets.getAddrInfo(null, "0", family, SocketType.DGRAM, 0, Sockets.constant("AI_PASSIVE", 1));
            if (r.size() > 1) {
                throw new SocketException("wildcard resolved to multiple address");
            }
            return bytes(r.get(0).address());
        }
        if (name.equals("255.255.255.255") || name.equals("<broadcast>")) {
            if (family != Family.INET && family != Family.UNSPEC) {
                throw new SocketException("address family mismatched");
            }
            return new byte[] {-1, -1, -1, -1};
        }
        if (family == Family.UNSPEC || family == Family.INET) {
            byte[] a = InetText.parse4(name);
            if (a != null) {
                return a;
            }
        }
        if ((family == Family.UNSPEC || family == Family.INET6) && name.indexOf('%') < 0) {
            byte[] a = InetConvert.pton6(name);
            if (a != null) {
                return a;
            }
        }
        List<AddrInfo> r = Sockets.getAddrInfo(name, null, family, null, 0, 0);
        return bytes(r.get(0).address());
    }

    private static byte[] bytes(SockAddr a) throws IOException {
        if (a instanceof SockAddr.Inet4 in) {
            return in.address().getAddress();
        }
        if (a instanceof SockAddr.Inet6 in) {
            return in.address().getAddress();
        }
        throw new SocketException("unknown address family");
    }

    static String getHostByName(String host) throws IOException {
        byte[] a = setIpAddr(Idna.encode(host), Family.INET);
        return InetConvert.ntoa(a, 0);
    }

    static HostEntry getHostByNameEx(String host) throws IOException {
        String name = Idna.encode(host);
        setIpAddr(name, Family.INET);
        SocketProvider p = provider();
        return BlockingCalls.call(() -> p.getHostByName(name), -1);
    }

    static HostEntry getHostByAddr(String host) throws IOException {
        byte[] a = setIpAddr(Idna.encode(host), Family.UNSPEC);
        SocketProvider p = provider();
        return BlockingCalls.call(() -> p.getHostByAddr(a), -1);
    }

    /** Python's {@code socket.getfqdn}, step for step. */
    static String getFqdn(String name) throws IOException {
        name = pythonStrip(Objects.requireNonNull(name, "name"));
        if (name.isEmpty() || name.equals("0.0.0.0") || name.equals("::")) {
            name = getHostName();
        }
        HostEntry h;
        try {
            h = getHostByAddr(name);
        } catch (IOException e) {
            return name;
        }
        List<String> names = new ArrayList<>();
        names.add(h.name());
        names.addAll(h.aliases());
        for (String n : names) {
            if (n.indexOf('.') >= 0) {
                return n;
            }
        }
        return h.name();
    }

    /** {@code str.strip()}: Python's white space is Java's plus the no-break spaces and U+0085. */
    static String pythonStrip(String s) {
        int b = 0;
        int e = s.length();
        while (b < e && isPythonSpace(s.charAt(b))) {
            b++;
        }
        while (e > b && isPythonSpace(s.charAt(e - 1))) {
            e--;
        }
        return s.substring(b, e);
    }

    private static boolean isPythonSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085';
    }

    static NameInfo getNameInfo(SockAddr address, int flags) throws IOException {
        Objects.requireNonNull(address, "address");
        if (!(address instanceof SockAddr.Inet4) && !(address instanceof SockAddr.Inet6)) {
            throw new IllegalArgumentException("getnameinfo needs an INET or INET6 address, not " + address);
        }
        SocketProvider p = provider();
        return BlockingCalls.call(() -> p.getNameInfo(address, flags), -1);
    }

    static String getHostName() throws IOException {
        return provider().getHostName();
    }

    static void setHostName(String name) throws IOException {
        InetConvert.cString(name, "sethostname");
        provider().setHostName(name.getBytes(StandardCharsets.UTF_8));
    }

    static int getServByName(String name, String proto) throws IOException {
        InetConvert.cString(name, "getservbyname: name");
        if (proto != null) {
            InetConvert.cString(proto, "getservbyname: proto");
        }
        SocketProvider p = provider();
        int port = BlockingCalls.call(() -> p.getServByName(name, proto), -1);
        if (port < 0) {
            throw new SocketException("service/proto not found");
        }
        return port;
    }

    static String getServByPort(int port, String proto) throws IOException {
        if (port < 0 || port > 0xFFFF) {
            throw new IllegalArgumentException("getservbyport: port must be 0-65535, got " + port);
        }
        if (proto != null) {
            InetConvert.cString(proto, "getservbyport: proto");
        }
        SocketProvider p = provider();
        String name = BlockingCalls.call(() -> p.getServByPort(port, proto), -1);
        if (name == null) {
            throw new SocketException("port/proto not found");
        }
        return name;
    }

    static int getProtoByName(String name) throws IOException {
        InetConvert.cString(name, "getprotobyname");
        SocketProvider p = provider();
        int proto = BlockingCalls.call(() -> p.getProtoByName(name), -1);
        if (proto < 0) {
            throw new SocketException("protocol not found");
        }
        return proto;
    }

    static List<InterfaceIndex> ifNameIndex() throws IOException {
        return provider().ifNameIndex();
    }

    static int ifNameToIndex(String name) throws IOException {
        InetConvert.cString(name, "if_nametoindex");
        int index = provider().ifNameToIndex(name);
        if (index == 0) {
            throw new SocketException("no interface with this name");
        }
        return index;
    }

    static String ifIndexToName(int index) throws IOException {
        if (index < 0) {
            throw new IllegalArgumentException("if_indextoname: index must be non-negative, got " + index);
        }
        return provider().ifIndexToName(index);
    }
}
