package dev.weft.tests;

import dev.weft.AddrInfo;
import dev.weft.Family;
import dev.weft.GaiException;
import dev.weft.HostEntry;
import dev.weft.HostException;
import dev.weft.InterfaceIndex;
import dev.weft.NameInfo;
import dev.weft.OsError;
import dev.weft.SockAddr;
import dev.weft.SocketType;
import dev.weft.Sockets;
import java.io.IOException;
import java.io.PrintStream;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The weft side of the differential test: runs one {@link NetdbCase} through
 * {@link Sockets} and writes the result in the canonical form {@code netdb_oracle.py} uses
 * for CPython's. As a program ({@code main(seed, group [--cases])}) it generates the corpus
 * itself and prints one result (or with {@code --cases}, one case) per line, for a run
 * inside an isolated network namespace.
 */
final class WeftNetdb {
    private WeftNetdb() {}

    public static void main(String[] args) throws Exception {
        long seed = Long.parseLong(args[0]);
        NetdbCorpus.Group group = NetdbCorpus.Group.valueOf(args[1]);
        PrintStream out = new PrintStream(System.out, false, "US-ASCII");
        boolean casesOnly = args.length > 2 && args[2].equals("--cases"); // print the corpus itself
        for (NetdbCase c : NetdbCorpus.generate(seed, group, Sockets.getHostName())) {
            out.println(casesOnly ? c.toJson() : evaluate(c));
        }
        out.flush();
    }

    static String evaluate(NetdbCase c) {
        Object result;
        try {
            result = List.of("ok", run(c.op(), c.args()));
        } catch (GaiException e) {
            result = List.of("gai", e.eaiCode(), e.getMessage());
        } catch (HostException e) {
            result = List.of("herror", e.hErrno(), e.getMessage());
        } catch (IOException e) {
            List<Object> r = new ArrayList<>();
            r.add("oserror");
            if (e instanceof OsError os) {
                r.add(os.nativeErrno());
                r.add(null);
            } else {
                r.add(null);
                r.add(e.getMessage());
            }
            result = r;
        } catch (IllegalArgumentException | NullPointerException e) {
            result = List.of("invalid");
        }
        return Json.encode(result);
    }

    private static Family family(Object name) {
        for (Family f : Family.values()) {
            if (f.constantName().equals(name)) {
                return f;
            }
        }
        throw new AssertionError("no family " + name);
    }

    private static SocketType type(Object name) {
        if (name == null) {
            return null;
        }
        for (SocketType t : SocketType.values()) {
            if (t.constantName().equals(name)) {
                return t;
            }
        }
        throw new AssertionError("no type " + name);
    }

    private static byte[] bytes(Object hex) {
        return HexFormat.of().parseHex((String) hex);
    }

    private static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }

    private static long num(Object o) {
        return ((Number) o).longValue();
    }

    private static Object run(String op, List<Object> a) throws IOException {
        switch (op) {
            case "htons":
                return (long) Sockets.htons((int) num(a.get(0)));
            case "ntohs":
                return (long) Sockets.ntohs((int) num(a.get(0)));
            case "htonl":
                return Sockets.htonl(num(a.get(0)));
            case "ntohl":
                return Sockets.ntohl(num(a.get(0)));
            case "inet_aton":
                return hex(Sockets.inetAton((String) a.get(0)));
            case "inet_ntoa":
                return Sockets.inetNtoa(bytes(a.get(0)));
            case "inet_pton":
                return hex(Sockets.inetPton(family(a.get(0)), (String) a.get(1)));
            case "inet_ntop":
                return Sockets.inetNtop(family(a.get(0)), bytes(a.get(1)));
            case "getaddrinfo": {
                String host = (String) a.get(0);
                Object port = a.get(1);
                Family f = family(a.get(2));
                SocketType t = type(a.get(3));
                int proto = (int) num(a.get(4));
                int flags = (int) num(a.get(5));
                List<AddrInfo> res = port instanceof Number n
                        ? Sockets.getAddrInfo(host, n.intValue(), f, t, proto, flags)
                        : Sockets.getAddrInfo(host, (String) port, f, t, proto, flags);
                List<Object> out = new ArrayList<>();
                for (AddrInfo ai : res) {
                    out.add(List.of(ai.family().constantName(), ai.type().constantName(), (long) ai.proto(), ai.canonName(),
                            sockaddr(ai.address())));
                }
                return out;
            }
            case "getnameinfo": {
                String host = (String) a.get(0);
                int port = (int) num(a.get(1));
                int flags = (int) num(a.get(4));
                SockAddr sa;
                if (a.get(2) == null) {
                    sa = new SockAddr.Inet4((Inet4Address) InetAddress.getByAddress(Sockets.inetPton(Family.INET, host)), port);
                } else {
                    sa = new SockAddr.Inet6(Inet6Address.getByAddress(null, Sockets.inetPton(Family.INET6, host), null), port,
                            (int) num(a.get(2)), (int) num(a.get(3)));
                }
                NameInfo n = Sockets.getNameInfo(sa, flags);
                return List.of(n.host(), n.service());
            }
            case "gethostbyname":
                return Sockets.getHostByName((String) a.get(0));
            case "gethostbyname_ex":
                return entry(Sockets.getHostByNameEx((String) a.get(0)));
            case "gethostbyaddr":
                return entry(Sockets.getHostByAddr((String) a.get(0)));
            case "getfqdn":
                return Sockets.getFqdn((String) a.get(0));
            case "gethostname":
                return Sockets.getHostName();
            case "getservbyname":
                return (long) Sockets.getServByName((String) a.get(0), (String) a.get(1));
            case "getservbyport":
                return Sockets.getServByPort((int) num(a.get(0)), (String) a.get(1));
            case "getprotobyname":
                return (long) Sockets.getProtoByName((String) a.get(0));
            case "if_nameindex": {
                List<Object> out = new ArrayList<>();
                for (InterfaceIndex i : Sockets.ifNameIndex()) {
                    out.add(List.of((long) i.index(), i.name()));
                }
                return out;
            }
            case "if_nametoindex":
                return (long) Sockets.ifNameToIndex((String) a.get(0));
            case "if_indextoname":
                return Sockets.ifIndexToName((int) num(a.get(0)));
            default:
                throw new AssertionError("unknown op " + op);
        }
    }

    private static List<Object> entry(HostEntry h) {
        return List.of(h.name(), List.copyOf(h.aliases()), List.copyOf(h.addresses()));
    }

    private static List<Object> sockaddr(SockAddr a) {
        if (a instanceof SockAddr.Inet4 in) {
            return List.of(in.host(), (long) in.port());
        }
        SockAddr.Inet6 in = (SockAddr.Inet6) a;
        return List.of(in.host(), (long) in.port(), (long) in.flowInfo(), Integer.toUnsignedLong(in.scopeId()));
    }
}
