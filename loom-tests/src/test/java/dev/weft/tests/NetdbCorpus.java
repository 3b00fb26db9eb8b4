package dev.weft.tests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Generates the differential test's cases from a seed: the numeric conversions (valid and
 * malformed text, every byte pattern that matters to {@code inet_ntop}), byte order at and
 * past its edges, and the lookups over what this machine's own databases hold
 * ({@code /etc/hosts}, {@code /etc/services}, {@code /etc/protocols}).
 *
 * <p>Two groups. {@link Group#LOCAL} never makes the resolver ask DNS: names come from
 * {@code /etc/hosts} with families it answers, reverse lookups only of addresses it lists,
 * and every other host carries {@code AI_NUMERICHOST}/{@code NI_NUMERICHOST}.
 * {@link Group#ISOLATED} holds the cases that would reach DNS; the test runs them only inside
 * a new network namespace, where the query fails at once and no packet leaves the machine.
 */
final class NetdbCorpus {
    enum Group { LOCAL, ISOLATED }

    private static final int AI_PASSIVE = 1;
    private static final int AI_CANONNAME = 2;
    private static final int AI_NUMERICHOST = 4;
    private static final int AI_V4MAPPED = 8;
    private static final int AI_ALL = 0x10;
    private static final int AI_ADDRCONFIG = 0x20;
    /** glibc's AI_IDN, AI_CANONIDN and the two deprecated IDN bits: Linux flags CPython has no names for. */
    private static final int[] AI_FLAGS = {AI_PASSIVE, AI_CANONNAME, AI_NUMERICHOST, AI_V4MAPPED, AI_ALL, AI_ADDRCONFIG,
        0x400, 0x40, 0x80, 0x100, 0x200};
    private static final int NI_NUMERICHOST = 1;
    private static final int NI_NAMEREQD = 8;
    private static final int[] NI_FLAGS = {NI_NUMERICHOST, 2, 4, NI_NAMEREQD, 16, 32};

    private final Random r;
    private final List<NetdbCase> out = new ArrayList<>();
    /** /etc/hosts names with IPv4 addresses, and those with IPv6 ones. */
    private final List<String> hosts4 = new ArrayList<>();
    private final List<String> hosts6 = new ArrayList<>();
    private final List<String> loopbackNames = new ArrayList<>();
    /** /etc/services: name and aliases, "port/proto". */
    private final List<String[]> services = new ArrayList<>();
    private final List<String> protocols = new ArrayList<>();
    private final String hostName;

    private NetdbCorpus(long seed, String hostName) throws IOException {
        this.r = new Random(seed);
        this.hostName = hostName;
        readHosts();
        readServices();
        readProtocols();
    }

    /** The cases of {@code group} for {@code seed}; {@code hostName} is this machine's. */
    static List<NetdbCase> generate(long seed, Group group, String hostName) throws IOException {
        NetdbCorpus c = new NetdbCorpus(seed, hostName);
        if (group == Group.LOCAL) {
            c.byteOrder();
            c.atonCases(220);
            c.ntoaCases(24);
            c.pton4Cases(90);
            c.pton6Cases(220);
            c.ntopCases(140);
            c.getAddrInfoCases(320);
            c.getNameInfoCases(90);
            c.hostByNameCases();
            c.serviceCases(70, 70);
            c.protocolCases(36);
            c.interfaceCases();
        } else {
            c.isolatedCases();
        }
        return c.out;
    }

    private void add(String op, Object... args) {
        out.add(NetdbCase.of(op, args));
    }

    private <T> T pick(List<T> l) {
        return l.get(r.nextInt(l.size()));
    }

    private int pick(int... v) {
        return v[r.nextInt(v.length)];
    }

    private String pick(String... v) {
        return v[r.nextInt(v.length)];
    }

    // ---- this machine's databases -------------------------------------------------------

    private void readHosts() throws IOException {
        Map<String, boolean[]> seen = new LinkedHashMap<>();
        for (String line : lines(Path.of("/etc/hosts"))) {
            String[] f = line.split("\\s+");
            if (f.length < 2) {
                continue;
            }
            boolean v6 = f[0].indexOf(':') >= 0;
            for (int i = 1; i < f.length; i++) {
                boolean[] fams = seen.computeIfAbsent(f[i], k -> new boolean[2]);
                fams[v6 ? 1 : 0] = true;
                if (f[0].equals("127.0.0.1")) {
                    loopbackNames.add(f[i]);
                }
            }
        }
        seen.forEach((name, fams) -> {
            if (fams[0]) {
                hosts4.add(name);
            }
            if (fams[1]) {
                hosts6.add(name);
            }
        });
        if (hosts4.isEmpty()) {
            hosts4.add("localhost");
        }
    }

    private void readServices() throws IOException {
        for (String line : lines(Path.of("/etc/services"))) {
            String[] f = line.split("\\s+");
            if (f.length >= 2 && f[1].contains("/")) {
                services.add(f);
            }
        }
        if (services.isEmpty()) {
            services.add(new String[] {"http", "80/tcp"});
        }
    }

    private void readProtocols() throws IOException {
        for (String line : lines(Path.of("/etc/protocols"))) {
            String[] f = line.split("\\s+");
            if (f.length >= 2) {
                protocols.add(f[0]);
                for (int i = 2; i < f.length; i++) {
                    protocols.add(f[i]);
                }
            }
        }
        if (protocols.isEmpty()) {
            protocols.add("tcp");
        }
    }

    private static List<String> lines(Path p) throws IOException {
        if (!Files.isReadable(p)) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(p)) {
            int hash = line.indexOf('#');
            String l = (hash >= 0 ? line.substring(0, hash) : line).strip();
            if (!l.isEmpty()) {
                out.add(l);
            }
        }
        return out;
    }

    // ---- byte order ---------------------------------------------------------------------

    private void byteOrder() {
        int[] edges16 = {-1, 0, 1, 0xFF, 0x100, 0x7FFF, 0x8000, 0xFFFE, 0xFFFF, 0x10000, Integer.MAX_VALUE, Integer.MIN_VALUE};
        long[] edges32 = {-1, 0, 1, 0xFF, 0x100, 0xFFFF, 0x10000, 0x7FFF_FFFFL, 0x8000_0000L, 0xFFFF_FFFEL, 0xFFFF_FFFFL,
            0x1_0000_0000L, Long.MAX_VALUE, Long.MIN_VALUE};
        for (String op : new String[] {"htons", "ntohs"}) {
            for (int v : edges16) {
                add(op, v);
            }
            for (int i = 0; i < 24; i++) {
                add(op, i < 20 ? r.nextInt(0x10000) : r.nextInt());
            }
        }
        for (String op : new String[] {"htonl", "ntohl"}) {
            for (long v : edges32) {
                add(op, v);
            }
            for (int i = 0; i < 24; i++) {
                add(op, i < 20 ? r.nextLong() & 0xFFFF_FFFFL : r.nextLong());
            }
        }
    }

    // ---- IPv4 text ----------------------------------------------------------------------

    private static final long[] PART_EDGES = {0, 1, 7, 8, 9, 10, 0xFF, 0x100, 0xFFFF, 0x10000, 0xFF_FFFF, 0x100_0000,
        0xFFFF_FFFFL, 0x1_0000_0000L};

    /** A number as a C literal: decimal, octal or hex, sometimes with extra zeros. */
    private String cNumber(long v) {
        return switch (r.nextInt(6)) {
            case 0 -> "0" + Long.toOctalString(v);
            case 1 -> (r.nextBoolean() ? "0x" : "0X") + mixCase(Long.toHexString(v)) ;
            case 2 -> "0x" + "0".repeat(r.nextInt(3)) + Long.toHexString(v);
            case 3 -> "00" + Long.toOctalString(v);
            default -> Long.toString(v);
        };
    }

    private String mixCase(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            b.append(r.nextBoolean() ? Character.toUpperCase(c) : c);
        }
        return b.toString();
    }

    private long partValue(int index, int parts) {
        int roll = r.nextInt(10);
        if (roll < 3) {
            return PART_EDGES[r.nextInt(PART_EDGES.length)];
        }
        long max = index < parts - 1 ? 0xFF : (0xFFFF_FFFFL >>> (8 * (parts - 1)));
        return roll < 9 ? (r.nextLong() & Long.MAX_VALUE) % (max + 1) : max + 1 + r.nextInt(1000);
    }

    /** inet_aton text: well formed most of the time, else broken in one of the ways that matter. */
    private String atonText(boolean allowTrailing) {
        int parts = 1 + r.nextInt(4);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < parts; i++) {
            if (i > 0) {
                b.append('.');
            }
            b.append(r.nextInt(3) == 0 ? cNumber(partValue(i, parts)) : Long.toString(partValue(i, parts)));
        }
        String s = b.toString();
        if (r.nextInt(3) != 0) {
            return s;
        }
        return switch (r.nextInt(allowTrailing ? 16 : 12)) {
            case 0 -> s + ".";
            case 1 -> "." + s;
            case 2 -> s.replaceFirst("\\.", "..");
            case 3 -> s + ".5";
            case 4 -> "0x" + (r.nextBoolean() ? "" : ".") + s;
            case 5 -> "08" + (r.nextBoolean() ? "" : "." + s);
            case 6 -> s + pick("a", "g", "x", "-", "+", "/", ":");
            case 7 -> pick("+", "-", " ", "\t") + s;
            case 8 -> "9".repeat(10 + r.nextInt(20));
            case 9 -> "";
            case 10 -> s + "\u00e9";
            case 11 -> s + "\u0000" + "1";
            case 12 -> s + pick(" ", "\t", "\n", "\u000b", "\f", "\r") + pick("", "junk", "1.2.3.4", "\u00e9t\u00e9");
            case 13 -> s + "\u00a0";
            case 14 -> s + "\u0085";
            default -> s + " ";
        };
    }

    private void atonCases(int n) {
        for (String s : new String[] {"1", "1.2", "0x7f.1", "010.0.0.1", "1.2.3.4 ", "1.2.3.4 junk", " 1.2.3.4", "0x", "0",
            "4294967295", "4294967296", "0xffffffff", "0x100000000", "09", "1.2.65535", "1.2.65536", "1.16777215",
            "1.16777216", "00000000000000000000001", "0X1", "00x1", ".1", "1.2.3.4\u000b", "255.255.255.255"}) {
            add("inet_aton", s);
        }
        for (int i = 0; i < n; i++) {
            add("inet_aton", atonText(true));
        }
    }

    private void ntoaCases(int n) {
        for (int i = 0; i < n; i++) {
            int len = i < n - 6 ? 4 : pick(0, 3, 5, 16, 1, 8);
            add("inet_ntoa", hex(randomBytes(len)));
        }
    }

    private byte[] randomBytes(int len) {
        byte[] b = new byte[len];
        r.nextBytes(b);
        return b;
    }

    private static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }

    private String dotted(byte[] a, int off) {
        return (a[off] & 0xFF) + "." + (a[off + 1] & 0xFF) + "." + (a[off + 2] & 0xFF) + "." + (a[off + 3] & 0xFF);
    }

    private String pton4Text() {
        byte[] a = randomBytes(4);
        for (int i = 0; i < 4; i++) {
            if (r.nextInt(4) == 0) {
                a[i] = (byte) pick(0, 255, 1, 10, 100);
            }
        }
        String s = dotted(a, 0);
        if (r.nextInt(2) == 0) {
            return s;
        }
        return switch (r.nextInt(11)) {
            case 0 -> s.replaceFirst("^", "0");
            case 1 -> s.replaceFirst("\\.(\\d+)$", ".0$1");
            case 2 -> s.replaceFirst("\\d+$", Integer.toString(256 + r.nextInt(800)));
            case 3 -> s.substring(0, s.lastIndexOf('.'));
            case 4 -> s + "." + r.nextInt(256);
            case 5 -> s + pick(" ", ".", "\n");
            case 6 -> "0x" + Integer.toHexString(r.nextInt(256)) + s.substring(s.indexOf('.'));
            case 7 -> s.replace(".", pick(",", ":", "-"));
            case 8 -> "";
            case 9 -> s.replaceFirst("\\.", "..");
            default -> "0000" + s;
        };
    }

    private void pton4Cases(int n) {
        for (String s : new String[] {"1.2.3.4", "01.2.3.4", "1.2.3", "255.255.255.255", "256.0.0.0", "0.0.0.0", "1.2.3.4."}) {
            add("inet_pton", "AF_INET", s);
        }
        for (int i = 0; i < n; i++) {
            add("inet_pton", "AF_INET", pton4Text());
        }
        add("inet_pton", "AF_UNIX", "1.2.3.4");
    }

    // ---- IPv6 text ----------------------------------------------------------------------

    /** 16 bytes whose groups are zero often enough to give runs of every length. */
    private byte[] groups6() {
        byte[] a = new byte[16];
        int pattern = r.nextInt(8);
        for (int g = 0; g < 8; g++) {
            boolean zero = switch (pattern) {
                case 0 -> false;
                case 1 -> true;
                default -> r.nextInt(2) == 0;
            };
            if (!zero) {
                int v = r.nextInt(4) == 0 ? 1 + r.nextInt(0xF) : 1 + r.nextInt(0xFFFF);
                a[2 * g] = (byte) (v >>> 8);
                a[2 * g + 1] = (byte) v;
            }
        }
        switch (r.nextInt(10)) {
            case 0 -> { // IPv4-mapped
                java.util.Arrays.fill(a, 0, 10, (byte) 0);
                a[10] = (byte) 0xFF;
                a[11] = (byte) 0xFF;
            }
            case 1 -> java.util.Arrays.fill(a, 0, 12, (byte) 0); // IPv4-compatible, or ::, ::1...
            case 2 -> {
                java.util.Arrays.fill(a, 0, 14, (byte) 0);
                a[15] = (byte) r.nextInt(3);
            }
            default -> { }
        }
        return a;
    }

    /** Valid IPv6 text for {@code a} in one of its many spellings. */
    private String text6(byte[] a, boolean allowTail) {
        int[] g = new int[8];
        for (int i = 0; i < 8; i++) {
            g[i] = ((a[2 * i] & 0xFF) << 8) | (a[2 * i + 1] & 0xFF);
        }
        boolean tail = allowTail && r.nextInt(4) == 0;
        int n = tail ? 6 : 8;
        // Choose a zero run to write as "::" (any run, not only the longest), or none.
        List<int[]> runs = new ArrayList<>();
        for (int i = 0; i < n; ) {
            if (g[i] == 0) {
                int j = i;
                while (j < n && g[j] == 0) {
                    j++;
                }
                int start = i + r.nextInt(j - i);
                runs.add(new int[] {start, start + 1 + r.nextInt(j - start)});
                i = j;
            } else {
                i++;
            }
        }
        int[] run = runs.isEmpty() || r.nextInt(5) == 0 ? null : pick(runs);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            if (run != null && i == run[0]) {
                b.append("::");
                i = run[1] - 1;
                continue;
            }
            if (b.length() > 0 && b.charAt(b.length() - 1) != ':') {
                b.append(':');
            }
            String h = Integer.toHexString(g[i]);
            if (r.nextInt(4) == 0) {
                h = "0".repeat(r.nextInt(5 - h.length())) + h;
            }
            b.append(r.nextInt(3) == 0 ? h.toUpperCase(Locale.ROOT) : h);
        }
        if (tail) {
            if (b.length() > 0 && b.charAt(b.length() - 1) != ':') {
                b.append(':');
            }
            b.append(dotted(a, 12));
        }
        return b.toString();
    }

    private String pton6Text() {
        String s = text6(groups6(), true);
        if (r.nextInt(5) < 3) {
            return s;
        }
        return switch (r.nextInt(16)) {
            case 0 -> s.replaceFirst("[0-9a-fA-F]+", "12345");
            case 1 -> s.contains("::") ? s.replace("::", ":::") : s + ":::";
            case 2 -> s.contains("::") ? s + "::" : "::" + s;
            case 3 -> s.contains("::") ? s.replace("::", ":") : s + ":1";
            case 4 -> ":" + s;
            case 5 -> s + ":";
            case 6 -> s.replaceFirst("[0-9a-fA-F]", "g");
            case 7 -> s + "%lo";
            case 8 -> s + "%1";
            case 9 -> "::ffff:" + pton4Text();
            case 10 -> "1.2.3.4:" + s;
            case 11 -> "[" + s + "]";
            case 12 -> s + " ";
            case 13 -> "";
            case 14 -> "1:2:3:4:5:6:7:8:9".substring(0, 2 * (7 + r.nextInt(2)) - 1) + (r.nextBoolean() ? "::" : "");
            default -> s.replace(":", "-");
        };
    }

    private void pton6Cases(int n) {
        for (String s : new String[] {"::", "::1", "1::", "::ffff:1.2.3.4", "1:2:3:4:5:6:7::", "1:2:3:4:5:6:7:8::",
            ":1::", "1:::2", "::1.2.3.4.5", "::01.2.3.4", "12345::", "fe80::1%lo", "::0:1.2.3.4", "1:2:3:4:5:6:1.2.3.4",
            "1:2:3:4:5:6:7:1.2.3.4", "::1.2.3", "abcd::ABCD", "1.2.3.4", "0:0:0:0:0:0:0:0", "::ffff:0.0.0.0"}) {
            add("inet_pton", "AF_INET6", s);
        }
        for (int i = 0; i < n; i++) {
            add("inet_pton", "AF_INET6", pton6Text());
        }
    }

    private void ntopCases(int n) {
        for (int i = 0; i < n; i++) {
            int kind = r.nextInt(20);
            if (kind < 14) {
                add("inet_ntop", "AF_INET6", hex(groups6()));
            } else if (kind < 17) {
                add("inet_ntop", "AF_INET", hex(randomBytes(4)));
            } else if (kind < 19) {
                add("inet_ntop", pick("AF_INET", "AF_INET6"), hex(randomBytes(pick(0, 3, 5, 15, 17))));
            } else {
                add("inet_ntop", "AF_UNIX", hex(randomBytes(4)));
            }
        }
    }

    // ---- getaddrinfo --------------------------------------------------------------------

    private String numericHost() {
        return switch (r.nextInt(6)) {
            case 0, 1 -> dotted(randomBytes(4), 0);
            case 2 -> { // an inet_aton form, complete (getaddrinfo takes it as a number)
                String s;
                do {
                    s = atonText(false);
                } while (!isAtonExact(s));
                yield s;
            }
            case 3 -> pick("127.0.0.1", "0.0.0.0", "255.255.255.255", "::1", "::", "::ffff:127.0.0.1");
            case 4 -> text6(groups6(), true) + (r.nextInt(5) == 0 ? pick("%lo", "%1") : "");
            default -> text6(groups6(), false);
        };
    }

    /** True if {@code s} is a complete inet_aton form, judged by weft's own parser (cross-checked by the inet_aton cases). */
    private static boolean isAtonExact(String s) {
        if (s.isEmpty() || !Character.isDigit(s.charAt(0))) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c == '.' || c == 'x' || c == 'X' || Character.digit(c, 16) >= 0) || c > 0x7F) {
                return false;
            }
        }
        try {
            dev.weft.Sockets.inetAton(s);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Hosts that are neither numbers nor in /etc/hosts: sent only with AI_NUMERICHOST. */
    private String strangeHost() {
        return switch (r.nextInt(12)) {
            case 0 -> "a..b";
            case 1 -> ".";
            case 2 -> "x".repeat(64);
            case 3 -> "x".repeat(63) + "." + "y".repeat(63 + r.nextInt(2));
            case 4 -> ".leading";
            case 5 -> "b\u00fccher.example";
            case 6 -> "\u4f8b\u3048.\u30c6\u30b9\u30c8";
            case 7 -> "no-such-host-" + r.nextInt(1000);
            case 8 -> atonText(true);
            case 9 -> pton6Text();
            case 10 -> "xn--bcher-kva.example";
            default -> "1.2.3.4 ";
        };
    }

    private Object service() {
        return switch (r.nextInt(10)) {
            case 0 -> null;
            case 1, 2, 3 -> r.nextInt(0x10000);
            case 4 -> pick(0, 22, 80, 443, 512, 65535);
            case 5, 6 -> {
                String[] s = pick(services);
                yield s.length > 2 && r.nextBoolean() ? s[2 + r.nextInt(s.length - 2)] : s[0];
            }
            case 7 -> pick("80", "0", "65535", "65536", "-1", "", "0x50", " 80", "80 ");
            case 8 -> pick("no-such-service", "HTTP", "http", "ssh", "domain");
            default -> Integer.toString(r.nextInt(0x10000));
        };
    }

    private int aiFlags() {
        int f = 0;
        int count = r.nextInt(4);
        for (int i = 0; i < count; i++) {
            f |= AI_FLAGS[r.nextInt(AI_FLAGS.length)];
        }
        if (r.nextInt(25) == 0) {
            f |= pick(0x800, 0x1000, 0x40000000);
        }
        return f;
    }

    private void getAddrInfoCases(int n) {
        String[] families = {"AF_UNSPEC", "AF_UNSPEC", "AF_UNSPEC", "AF_UNSPEC", "AF_INET", "AF_INET", "AF_INET", "AF_INET6",
            "AF_INET6", "AF_INET6", "AF_UNIX"};
        String[] types = {null, null, null, "SOCK_STREAM", "SOCK_STREAM", "SOCK_STREAM", "SOCK_DGRAM", "SOCK_DGRAM",
            "SOCK_RAW", "SOCK_SEQPACKET"};
        for (int i = 0; i < n; i++) {
            int kind = r.nextInt(10);
            String family = pick(families);
            int flags = aiFlags();
            String host;
            if (kind == 0) {
                host = null;
            } else if (kind < 5) {
                host = numericHost();
            } else if (kind < 8) {
                // A name /etc/hosts holds, with a family the files database answers by itself.
                boolean six = family.equals("AF_INET6") && (flags & AI_V4MAPPED) == 0;
                if (six && hosts6.isEmpty()) {
                    flags |= AI_V4MAPPED;
                    six = false;
                }
                host = six ? pick(hosts6) : pick(hosts4);
                if (family.equals("AF_INET") && !hosts4.contains(host)) {
                    family = "AF_UNSPEC";
                }
            } else if (kind == 8) {
                host = "";
            } else {
                // CPython cuts a host at a NUL where weft refuses it (IllegalArgumentException):
                // a deliberate difference, so no NUL here.
                host = strangeHost().replace("\u0000", "");
                flags |= AI_NUMERICHOST;
            }
            if (host != null && !host.isEmpty() && !isNumericForResolver(host) && !hosts4.contains(host)
                    && !hosts6.contains(host)) {
                flags |= AI_NUMERICHOST;
            }
            if (host != null && host.isEmpty()) {
                flags |= AI_NUMERICHOST; // "" is no number: keep it from DNS
            }
            String type = pick(types);
            int proto = 0;
            if (r.nextInt(5) == 0) {
                proto = r.nextBoolean() && "SOCK_STREAM".equals(type) ? 6
                        : r.nextBoolean() && "SOCK_DGRAM".equals(type) ? 17 : pick(6, 17, 132, 1, 255);
            }
            add("getaddrinfo", host, service(), family, type, proto, flags);
        }
    }

    private static boolean isNumericForResolver(String host) {
        if (isAtonExact(host)) {
            return true;
        }
        int pct = host.indexOf('%');
        try {
            dev.weft.Sockets.inetPton(dev.weft.Family.INET6, pct < 0 ? host : host.substring(0, pct));
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    // ---- getnameinfo --------------------------------------------------------------------

    private void getNameInfoCases(int n) {
        for (int i = 0; i < n; i++) {
            int flags = 0;
            int count = r.nextInt(4);
            for (int k = 0; k < count; k++) {
                flags |= NI_FLAGS[r.nextInt(NI_FLAGS.length)];
            }
            if (r.nextInt(30) == 0) {
                flags |= pick(0x100, 0x4000);
            }
            int port = r.nextBoolean() ? r.nextInt(0x10000) : pick(0, 7, 21, 22, 25, 53, 80, 443, 512, 513, 514, 65535);
            int kind = r.nextInt(3);
            if (kind == 0) {
                // Only 127.0.0.1 is in /etc/hosts: the reverse lookup stays in the files.
                add("getnameinfo", "127.0.0.1", port, null, null, flags);
            } else if (kind == 1) {
                add("getnameinfo", dotted(randomBytes(4), 0), port, null, null, flags | NI_NUMERICHOST);
            } else {
                byte[] a = groups6();
                if (r.nextInt(3) == 0) {
                    a[0] = (byte) 0xFE;
                    a[1] = (byte) 0x80; // link-local: the scope is printed
                }
                int scope = r.nextInt(3) == 0 ? pick(0, 1, 77) : 0;
                add("getnameinfo", dev.weft.Sockets.inetNtop(dev.weft.Family.INET6, a), port, r.nextInt(0x100000), scope,
                        flags | NI_NUMERICHOST);
            }
        }
    }

    // ---- the host database --------------------------------------------------------------

    private void hostByNameCases() {
        List<String> names = new ArrayList<>(hosts4);
        for (String h : names) {
            add("gethostbyname", h);
            add("gethostbyname_ex", h);
            add("gethostbyaddr", h);
            add("getfqdn", h);
        }
        for (String h : loopbackNames) {
            add("gethostbyname", h.toUpperCase(Locale.ROOT));
        }
        for (int i = 0; i < 16; i++) {
            add("gethostbyname", numericHost4());
        }
        for (String s : new String[] {"", "<broadcast>", "255.255.255.255", "::1", "1", "127.1", "0x7f.1", "a..b",
            "x".repeat(64)}) {
            add("gethostbyname", s);
        }
        // Only digits and dots: gethostbyname_r answers those itself ("0x7f.1" it sends to DNS).
        for (String s : new String[] {"127.0.0.1", "1", "127.1", "10.1.2.3", "255.255.255.255", "a..b"}) {
            add("gethostbyname_ex", s);
        }
        for (String s : new String[] {"127.0.0.1", "127.1", "", "a..b"}) {
            add("gethostbyaddr", s);
        }
        for (String s : new String[] {"127.0.0.1", " localhost ", "\tlocalhost\n", "a..b"}) {
            add("getfqdn", s);
        }
        if (hosts4.contains(hostName)) {
            // These mean "this host": its name must be in /etc/hosts to stay off DNS.
            for (String s : new String[] {"", "  ", "0.0.0.0", "::", hostName}) {
                add("getfqdn", s);
            }
        }
        add("gethostname");
    }

    private String numericHost4() {
        return r.nextBoolean() ? dotted(randomBytes(4), 0) : "127." + r.nextInt(256) + "." + r.nextInt(256) + "." + r.nextInt(256);
    }

    // ---- services, protocols, interfaces ------------------------------------------------

    private void serviceCases(int byName, int byPort) {
        String[] protos = {null, "tcp", "udp", "sctp", "ddp", "TCP", ""};
        for (int i = 0; i < byName; i++) {
            String name;
            String proto = pick(protos);
            int roll = r.nextInt(10);
            if (roll < 8) {
                String[] s = pick(services);
                name = s.length > 2 && r.nextInt(3) == 0 ? s[2 + r.nextInt(s.length - 2)] : s[0];
                if (roll == 7) {
                    name = name.toUpperCase(Locale.ROOT);
                }
                // Mostly the entry's own protocol or any, so that most lookups find something.
                int p = r.nextInt(4);
                proto = p < 2 ? s[1].split("/")[1] : p == 2 ? null : proto;
            } else {
                name = pick("no-such-service", "", "80", "http ", "h\u00e9");
            }
            add("getservbyname", name, proto);
        }
        for (int i = 0; i < byPort; i++) {
            int port;
            String proto = pick(protos);
            int roll = r.nextInt(10);
            if (roll < 6) {
                String[] s = pick(services);
                port = Integer.parseInt(s[1].split("/")[0]);
                int p = r.nextInt(4);
                proto = p < 2 ? s[1].split("/")[1] : p == 2 ? null : proto;
            } else if (roll < 9) {
                port = r.nextInt(0x10000);
            } else {
                port = pick(-1, 65536, Integer.MIN_VALUE, Integer.MAX_VALUE);
            }
            add("getservbyport", port, proto);
        }
    }

    private void protocolCases(int n) {
        for (int i = 0; i < n; i++) {
            String p = r.nextInt(6) == 0 ? pick("no-such-protocol", "", "Tcp", "6") : pick(protocols);
            add("getprotobyname", p);
        }
    }

    private void interfaceCases() {
        add("if_nameindex");
        for (String name : new String[] {"lo", "eth0", "no-such-if", "", "x".repeat(20), "lo0"}) {
            add("if_nametoindex", name);
        }
        for (int index : new int[] {0, 1, 2, 3, 99, Integer.MAX_VALUE, -1}) {
            add("if_indextoname", index);
        }
    }

    // ---- cases that reach DNS: for an isolated network namespace only -------------------

    private void isolatedCases() {
        String[] unknown = {"no-such-host", "no-such-host.example", "b\u00fccher.example", "1.2.3.4 ", "a:b"};
        for (String h : unknown) {
            add("getaddrinfo", h, 80, "AF_UNSPEC", "SOCK_STREAM", 0, 0);
            add("gethostbyname", h);
            add("gethostbyname_ex", h);
            add("gethostbyaddr", h);
            add("getfqdn", h);
        }
        for (String h : hosts4) {
            add("getaddrinfo", h, 80, "AF_INET6", "SOCK_STREAM", 0, 0);
            add("getaddrinfo", h, null, "AF_INET6", null, 0, AI_CANONNAME);
        }
        for (String ip : new String[] {"127.0.0.2", "::1", "10.1.2.3", "fe80::1"}) {
            add("gethostbyaddr", ip);
            add("getfqdn", ip);
        }
        add("gethostbyname_ex", "");
        add("gethostbyname_ex", "0x7f.1");
        for (int i = 0; i < 12; i++) {
            int flags = r.nextBoolean() ? 0 : NI_NAMEREQD;
            if (r.nextBoolean()) {
                add("getnameinfo", numericHost4(), r.nextInt(0x10000), null, null, flags);
            } else {
                add("getnameinfo", text6(groups6(), false), r.nextInt(0x10000), 0, 0, flags);
            }
        }
    }
}
