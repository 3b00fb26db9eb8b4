package dev.weft.posix;

import dev.weft.common.NativeMemory;
import dev.weft.common.Scratch;
import dev.weft.Errno;
import dev.weft.Family;
import dev.weft.HostEntry;
import dev.weft.HostException;
import dev.weft.InterfaceIndex;
import dev.weft.NameInfo;
import dev.weft.SockAddr;
import dev.weft.Sockets;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The name, service and interface lookups over {@link NetdbLibc} and {@link NetdbReentrant}:
 * native memory per call (these calls are slow and rare next to a {@code recv}), buffers
 * grown while the C library answers {@code ERANGE}, results decoded into weft's records.
 * Called on weft's blocking pool, never on a carrier.
 */
final class PosixNetdb {
    private static final int NI_MAXHOST = 1025;
    private static final int NI_MAXSERV = 32;
    private static final int IF_NAMESIZE = 16;
    /** Where a reentrant lookup starts (CPython's fixed buffer) and the most it grows to. */
    private static final int FIRST_BUFFER = 16384;
    private static final int MAX_BUFFER = 1 << 22;
    /** struct hostent/servent/protoent (at most 32 bytes on LP64), then result pointer and h_errno. */
    private static final int STRUCT = 0;
    private static final int RESULT = 64;
    private static final int HERRNO = 72;
    private static final int BUFFER = 80;

    /** Held over each lookup and the reading of its result where the C library has no {@code _r} forms. */
    private static final java.util.concurrent.locks.ReentrantLock CLASSIC = new java.util.concurrent.locks.ReentrantLock();

    private final PosixProvider provider;
    /** The C library has the {@code _r} forms (glibc, musl); without them (macOS) {@link NetdbClassic}. */
    private final boolean reentrant;
    private final int erange;
    private final int afInet;
    private final int afInet6;

    /** {@code -Dweft.netdb.classic=true} takes the classic path where both exist (to try it off macOS). */
    PosixNetdb(PosixProvider provider) {
        this(provider, provider.hasReentrantNetdb() && !Boolean.getBoolean("weft.netdb.classic"));
    }

    PosixNetdb(PosixProvider provider, boolean reentrant) {
        this.provider = provider;
        this.reentrant = reentrant;
        this.erange = provider.nativeErrno(Errno.ERANGE);
        this.afInet = provider.nativeFamily(Family.INET);
        this.afInet6 = provider.nativeFamily(Family.INET6);
    }

    /**
     * Binds the {@code _r} functions on first use; a C library without them (macOS) makes
     * the lookups that need them decline with a clear message instead of a linkage error.
     */
    private static void requireReentrant(String function) {
        try {
            Class.forName(NetdbReentrant.class.getName(), true, PosixNetdb.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new UnsupportedOperationException("this C library has no " + function + "_r: " + e, e);
        }
    }

    /** A NUL-terminated UTF-8 copy of {@code s}, or null. */
    static byte[] cString(String s) {
        if (s == null) {
            return null;
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        byte[] z = new byte[b.length + 1];
        System.arraycopy(b, 0, z, 0, b.length);
        return z;
    }

    private static long malloc(long size) {
        return NativeMemory.malloc(size);
    }

    private static String string(long p) {
        return NativeMemory.string(p);
    }

    private static List<String> strings(long array) {
        List<String> out = new ArrayList<>();
        if (array == 0) {
            return out; // h_aliases may be NULL
        }
        for (int i = 0; ; i++) {
            long s = NativeMemory.getAddress(array + 8L * i);
            if (s == 0) {
                return out;
            }
            out.add(string(s));
        }
    }

    // ---- getnameinfo --------------------------------------------------------------------

    NameInfo getNameInfo(SockAddr address, int flags) throws IOException {
        long mem = malloc(Scratch.ADDR_SIZE + NI_MAXHOST + NI_MAXSERV);
        try {
            int len = provider.codec.encode(address,
                    NativeMemory.view(mem, Scratch.ADDR_SIZE).order(ByteOrder.nativeOrder()), 0);
            if (len < 0) {
                throw provider.error(-len, "getnameinfo " + address);
            }
            long host = mem + Scratch.ADDR_SIZE;
            long serv = host + NI_MAXHOST;
            int rc = NetdbLibc.getnameinfo(mem, len, host, NI_MAXHOST, serv, NI_MAXSERV, flags);
            int err = PosixLibc.errno();
            if (rc != 0) {
                throw provider.gaiError(rc, err, "getnameinfo " + address);
            }
            return new NameInfo(string(host), string(serv));
        } finally {
            NativeMemory.free(mem);
        }
    }

    // ---- the host database ----------------------------------------------------------------

    HostEntry getHostByName(String name) throws IOException {
        byte[] n = cString(name);
        if (!reentrant) {
            return classic(() -> hostLookup("gethostbyname", afInet, (mem, buflen) -> classicHost(mem, NetdbClassic.gethostbyname(n))));
        }
        requireReentrant("gethostbyname");
        return hostLookup("gethostbyname", afInet, (mem, buflen) -> NetdbReentrant.gethostbyname_r(n, mem + STRUCT,
                mem + BUFFER, buflen, mem + RESULT, mem + HERRNO));
    }

    HostEntry getHostByAddr(byte[] address) throws IOException {
        if (reentrant) {
            requireReentrant("gethostbyaddr");
        }
        int af = address.length == 4 ? afInet : afInet6;
        long a = malloc(16);
        try {
            NativeMemory.write(a, address);
            if (!reentrant) {
                return classic(() -> hostLookup("gethostbyaddr", af,
                        (mem, buflen) -> classicHost(mem, NetdbClassic.gethostbyaddr(a, address.length, af))));
            }
            return hostLookup("gethostbyaddr", af, (mem, buflen) -> NetdbReentrant.gethostbyaddr_r(a, address.length, af,
                    mem + STRUCT, mem + BUFFER, buflen, mem + RESULT, mem + HERRNO));
        } finally {
            NativeMemory.free(a);
        }
    }

    @FunctionalInterface
    private interface Lookup {
        int call(long mem, long buflen);
    }

    /** A lookup and the reading of its result. */
    @FunctionalInterface
    private interface Locked<T> {
        T run() throws IOException;
    }

    /** Runs a {@link NetdbClassic} lookup and the copy of its result out of the C library under {@link #CLASSIC}. */
    private static <T> T classic(Locked<T> body) throws IOException {
        CLASSIC.lock();
        try {
            return body.run();
        } finally {
            CLASSIC.unlock();
        }
    }

    /** A classic host lookup's result as a reentrant one leaves it: the result pointer, or 0 and h_errno. */
    private static int classicHost(long mem, long hostent) {
        NativeMemory.putAddress(mem + RESULT, hostent);
        NativeMemory.putInt(mem + HERRNO, hostent == 0 ? NetdbClassic.hErrno() : 0);
        return 0;
    }

    /** A classic service or protocol lookup's result as a reentrant one leaves it. */
    private static int classicResult(long mem, long entry) {
        NativeMemory.putAddress(mem + RESULT, entry);
        return 0;
    }

    /**
     * Runs a reentrant lookup, growing its buffer while it answers ERANGE. Stores the native
     * block (the caller frees it) in {@code memOut[0]}; returns the result pointer, 0 for
     * "none" (not found, or the database failed: CPython cannot tell these apart either).
     */
    private long lookup(Lookup call, long[] memOut) {
        for (int buflen = FIRST_BUFFER; ; buflen *= 2) {
            long mem = malloc(BUFFER + (long) buflen);
            NativeMemory.putAddress(mem + RESULT, 0);
            NativeMemory.putInt(mem + HERRNO, 0);
            int rc = call.call(mem, buflen);
            long result = NativeMemory.getAddress(mem + RESULT);
            if (rc == erange && result == 0 && buflen < MAX_BUFFER) {
                NativeMemory.free(mem);
                continue;
            }
            memOut[0] = mem;
            return result;
        }
    }

    private HostEntry hostLookup(String what, int af, Lookup call) throws IOException {
        long[] mem = new long[1];
        try {
            long h = lookup(call, mem);
            if (h == 0) {
                int herr = NativeMemory.getInt(mem[0] + HERRNO);
                throw hostError(herr);
            }
            // struct hostent: h_name, h_aliases, then int h_addrtype, int h_length, then h_addr_list.
            int type = NativeMemory.getInt(h + 16);
            int length = NativeMemory.getInt(h + 20);
            if (type != af) {
                int e = provider.nativeErrno(Errno.EAFNOSUPPORT);
                throw provider.error(e, what);
            }
            Family family = type == afInet ? Family.INET : Family.INET6;
            List<String> addresses = new ArrayList<>();
            long list = NativeMemory.getAddress(h + 24);
            if (list != 0) {
                for (int i = 0; ; i++) {
                    long a = NativeMemory.getAddress(list + 8L * i);
                    if (a == 0) {
                        break;
                    }
                    addresses.add(Sockets.inetNtop(family, NativeMemory.bytes(a, length)));
                }
            }
            return new HostEntry(string(NativeMemory.getAddress(h)), strings(NativeMemory.getAddress(h + 8)), addresses);
        } finally {
            if (mem[0] != 0) {
                NativeMemory.free(mem[0]);
            }
        }
    }

    /** Python's herror: {@code [Errno N] hstrerror(N)}. */
    static HostException hostError(int hErrno) {
        String name = switch (hErrno) {
            case -1 -> "NETDB_INTERNAL";
            case 1 -> "HOST_NOT_FOUND";
            case 2 -> "TRY_AGAIN";
            case 3 -> "NO_RECOVERY";
            case 4 -> "NO_DATA";
            default -> "h_errno?";
        };
        return new HostException(hErrno, name, "[Errno " + hErrno + "] " + NetdbLibc.hstrerror(hErrno));
    }

    // ---- services and protocols -----------------------------------------------------------

    int getServByName(String name, String proto) throws IOException {
        byte[] n = cString(name);
        byte[] p = cString(proto);
        if (!reentrant) {
            return classic(() -> servByName((m, len) -> classicResult(m, NetdbClassic.getservbyname(n, p))));
        }
        requireReentrant("getservbyname");
        return servByName((m, len) -> NetdbReentrant.getservbyname_r(n, p, m + STRUCT, m + BUFFER, len, m + RESULT));
    }

    private int servByName(Lookup call) {
        long[] mem = new long[1];
        try {
            long s = lookup(call, mem);
            if (s == 0) {
                return -1;
            }
            int port = NativeMemory.getInt(s + 16) & 0xFFFF;
            return ByteOrder.nativeOrder() == ByteOrder.BIG_ENDIAN ? port : Short.toUnsignedInt(Short.reverseBytes((short) port));
        } finally {
            if (mem[0] != 0) {
                NativeMemory.free(mem[0]);
            }
        }
    }

    String getServByPort(int port, String proto) throws IOException {
        int netPort = ByteOrder.nativeOrder() == ByteOrder.BIG_ENDIAN ? port : Short.toUnsignedInt(Short.reverseBytes((short) port));
        byte[] p = cString(proto);
        if (!reentrant) {
            return classic(() -> servByPort((m, len) -> classicResult(m, NetdbClassic.getservbyport(netPort, p))));
        }
        requireReentrant("getservbyport");
        return servByPort((m, len) -> NetdbReentrant.getservbyport_r(netPort, p, m + STRUCT, m + BUFFER, len, m + RESULT));
    }

    private String servByPort(Lookup call) {
        long[] mem = new long[1];
        try {
            long s = lookup(call, mem);
            return s == 0 ? null : string(NativeMemory.getAddress(s));
        } finally {
            if (mem[0] != 0) {
                NativeMemory.free(mem[0]);
            }
        }
    }

    int getProtoByName(String name) throws IOException {
        byte[] n = cString(name);
        if (!reentrant) {
            return classic(() -> protoByName((m, len) -> classicResult(m, NetdbClassic.getprotobyname(n))));
        }
        requireReentrant("getprotobyname");
        return protoByName((m, len) -> NetdbReentrant.getprotobyname_r(n, m + STRUCT, m + BUFFER, len, m + RESULT));
    }

    private int protoByName(Lookup call) {
        long[] mem = new long[1];
        try {
            long s = lookup(call, mem);
            return s == 0 ? -1 : NativeMemory.getInt(s + 16);
        } finally {
            if (mem[0] != 0) {
                NativeMemory.free(mem[0]);
            }
        }
    }

    // ---- the host name --------------------------------------------------------------------

    String getHostName() throws IOException {
        long mem = malloc(1024);
        try {
            NativeMemory.view(mem, 1024).put(1023, (byte) 0);
            if (NetdbLibc.gethostname(mem, 1023) != 0) {
                throw provider.error(PosixLibc.errno(), "gethostname");
            }
            return string(mem);
        } finally {
            NativeMemory.free(mem);
        }
    }

    void setHostName(byte[] name) throws IOException {
        if (NetdbLibc.sethostname(name, name.length) != 0) {
            throw provider.error(PosixLibc.errno(), "sethostname");
        }
    }

    // ---- interfaces -----------------------------------------------------------------------

    List<InterfaceIndex> ifNameIndex() throws IOException {
        long ni = NetdbLibc.if_nameindex();
        if (ni == 0) {
            throw provider.error(PosixLibc.errno(), "if_nameindex");
        }
        try {
            List<InterfaceIndex> out = new ArrayList<>();
            // struct if_nameindex { unsigned if_index; char *if_name; }: 16 bytes on LP64.
            for (long off = 0; ; off += 16) {
                int index = NativeMemory.getInt(ni + off);
                if (index == 0) {
                    return out;
                }
                out.add(new InterfaceIndex(index, string(NativeMemory.getAddress(ni + off + 8))));
            }
        } finally {
            NetdbLibc.if_freenameindex(ni);
        }
    }

    int ifNameToIndex(String name) {
        return nameToIndex(name);
    }

    String ifIndexToName(int index) throws IOException {
        String[] name = new String[1];
        int e = indexToName(index, name);
        if (e != 0) {
            throw provider.error(e, "if_indextoname " + Integer.toUnsignedString(index));
        }
        return name[0];
    }

    /** {@code if_nametoindex}: the index, or 0 with the errno left for {@link PosixLibc#errno()}. */
    static int nameToIndex(String name) {
        return NetdbLibc.if_nametoindex(cString(name));
    }

    /** {@code if_indextoname} into {@code name[0]}: 0, or the errno. */
    static int indexToName(int index, String[] name) {
        long mem = malloc(IF_NAMESIZE + 1);
        try {
            if (NetdbLibc.if_indextoname(index, mem) == 0) {
                return PosixLibc.errno();
            }
            name[0] = string(mem);
            return 0;
        } finally {
            NativeMemory.free(mem);
        }
    }
}
