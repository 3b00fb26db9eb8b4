package dev.weft;

import java.nio.ByteOrder;

/**
 * The pure module functions: byte order and the numeric address conversions
 * ({@code inet_aton}, {@code inet_pton}, {@code inet_ntop}), written after glibc's rules so
 * that they answer as CPython on Linux does, on every OS and without a native call.
 * Malformed input is an {@link IllegalArgumentException}.
 */
final class InetConvert {
    private InetConvert() {}

    private static final boolean BIG_ENDIAN = ByteOrder.nativeOrder() == ByteOrder.BIG_ENDIAN;

    // ---- byte order ---------------------------------------------------------------------

    static int swap16(String fn, int x) {
        if (x < 0) {
            throw new IllegalArgumentException(fn + ": can't convert negative int to 16-bit unsigned integer: " + x);
        }
        if (x > 0xFFFF) {
            throw new IllegalArgumentException(fn + ": int too large to convert to 16-bit unsigned integer: " + x);
        }
        return BIG_ENDIAN ? x : ((x & 0xFF) << 8) | (x >>> 8);
    }

    static long swap32(String fn, long x) {
        if (x < 0) {
            throw new IllegalArgumentException(fn + ": can't convert negative value to unsigned int: " + x);
        }
        if (x > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException(fn + ": int larger than 32 bits: " + x);
        }
        return BIG_ENDIAN ? x : Integer.toUnsignedLong(Integer.reverseBytes((int) x));
    }

    // ---- C strings ------------------------------------------------------------------------

    /**
     * What CPython's {@code "s"} argument format refuses: an embedded NUL, or text that has
     * no UTF-8 form (an unpaired surrogate). Checked before any native call.
     */
    static String cString(String s, String what) {
        if (s == null) {
            throw new NullPointerException(what);
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == 0) {
                throw new IllegalArgumentException(what + ": embedded null character");
            }
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                } else {
                    throw new IllegalArgumentException(what + ": unpaired surrogate at index " + i);
                }
            }
        }
        return s;
    }

    // ---- inet_aton ----------------------------------------------------------------------

    private static final long[] LAST_PART_MAX = {0xFFFF_FFFFL, 0xFF_FFFFL, 0xFFFFL, 0xFFL};

    /**
     * glibc's {@code inet_aton}: one to four parts separated by dots, each a C number
     * (decimal, {@code 0}-prefixed octal or {@code 0x}-prefixed hex); the last part fills
     * the bytes that remain. What follows the first ASCII white space is ignored; with
     * {@code exact} (glibc's {@code __inet_aton_exact}, what getaddrinfo takes as a numeric
     * host) nothing may follow. Returns null if {@code s} is not such an address.
     */
    static byte[] aton(String s, boolean exact) {
        byte[] out = new byte[4];
        int parts = 0;
        int i = 0;
        int n = s.length();
        long val;
        for (;;) {
            if (i >= n || !isDigit(s.charAt(i))) {
                return null;
            }
            // strtoul(cp, &end, 0): the base comes from the prefix.
            int base = 10;
            if (s.charAt(i) == '0') {
                if (i + 2 < n && (s.charAt(i + 1) == 'x' || s.charAt(i + 1) == 'X') && hexValue(s.charAt(i + 2)) >= 0) {
                    base = 16;
                    i += 2;
                } else {
                    base = 8;
                }
            }
            val = 0;
            boolean overflow = false;
            while (i < n) {
                int d = hexValue(s.charAt(i));
                if (d < 0 || d >= base) {
                    break;
                }
                val = val * base + d;
                if (val > 0xFFFF_FFFFL) {
                    overflow = true;
                    val = 0x1_0000_0000L;
                }
                i++;
            }
            if (overflow) {
                return null;
            }
            if (i < n && s.charAt(i) == '.') {
                if (parts > 2 || val > 0xFF) {
                    return null;
                }
                out[parts++] = (byte) val;
                i++;
            } else {
                break;
            }
        }
        if (i < n) {
            if (exact || !isAsciiSpace(s.charAt(i))) {
                return null;
            }
        }
        if (val > LAST_PART_MAX[parts]) {
            return null;
        }
        for (int k = 3; k >= parts; k--) {
            out[k] = (byte) val;
            val >>>= 8;
        }
        return out;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int hexValue(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    private static boolean isAsciiSpace(char c) {
        return c == ' ' || (c >= '\t' && c <= '\r');
    }

    // ---- inet_pton ----------------------------------------------------------------------

    /** glibc's {@code inet_pton(AF_INET6)}: RFC 4291 text, an IPv4 tail allowed, no zone; null if not one. */
    static byte[] pton6(String s) {
        return pton6(s, 0, s.length());
    }

    private static byte[] pton6(String s, int from, int end) {
        byte[] out = new byte[16];
        int tp = 0;
        int colonp = -1;
        int i = from;
        if (i == end) {
            return null;
        }
        // A leading "::" needs both colons.
        if (s.charAt(i) == ':') {
            i++;
            if (i == end || s.charAt(i) != ':') {
                return null;
            }
        }
        int curtok = i;
        int digits = 0;
        int val = 0;
        while (i < end) {
            char ch = s.charAt(i++);
            int d = hexValue(ch);
            if (d >= 0) {
                if (digits == 4) {
                    return null;
                }
                val = (val << 4) | d;
                digits++;
                continue;
            }
            if (ch == ':') {
                curtok = i;
                if (digits == 0) {
                    if (colonp >= 0) {
                        return null;
                    }
                    colonp = tp;
                    continue;
                } else if (i == end) {
                    return null;
                }
                if (tp + 2 > 16) {
                    return null;
                }
                out[tp++] = (byte) (val >>> 8);
                out[tp++] = (byte) val;
                digits = 0;
                val = 0;
                continue;
            }
            if (ch == '.' && tp + 4 <= 16) {
                byte[] v4 = InetText.parse4(s.substring(curtok, end));
                if (v4 == null) {
                    return null;
                }
                System.arraycopy(v4, 0, out, tp, 4);
                tp += 4;
                digits = 0;
                i = end;
                break;
            }
            return null;
        }
        if (digits > 0) {
            if (tp + 2 > 16) {
                return null;
            }
            out[tp++] = (byte) (val >>> 8);
            out[tp++] = (byte) val;
        }
        if (colonp >= 0) {
            if (tp == 16) {
                return null; // "::" must stand for at least one group
            }
            int n = tp - colonp;
            System.arraycopy(out, colonp, out, 16 - n, n);
            java.util.Arrays.fill(out, colonp, 16 - n, (byte) 0);
            tp = 16;
        }
        return tp == 16 ? out : null;
    }

    /**
     * True if glibc's getaddrinfo takes {@code host} as a number and never asks a resolver:
     * an {@code inet_aton} form with nothing after it, or IPv6 text with an optional
     * {@code %zone}.
     */
    static boolean isNumericHost(String host) {
        if (aton(host, true) != null) {
            return true;
        }
        int pct = host.indexOf('%');
        return pton6(host, 0, pct < 0 ? host.length() : pct) != null;
    }

    // ---- the public forms -----------------------------------------------------------------

    static byte[] inetAton(String s) {
        cString(s, "inet_aton");
        byte[] a = aton(s, false);
        if (a == null) {
            throw new IllegalArgumentException("illegal IP address string passed to inet_aton: " + quote(s));
        }
        return a;
    }

    static String inetNtoa(byte[] packed) {
        if (packed.length != 4) {
            throw new IllegalArgumentException("packed IP wrong length for inet_ntoa: " + packed.length + " bytes");
        }
        return ntoa(packed, 0);
    }

    static String ntoa(byte[] a, int off) {
        return (a[off] & 0xFF) + "." + (a[off + 1] & 0xFF) + "." + (a[off + 2] & 0xFF) + "." + (a[off + 3] & 0xFF);
    }

    static byte[] inetPton(Family family, String s) {
        if (family == null) {
            throw new NullPointerException("family");
        }
        cString(s, "inet_pton");
        byte[] a = switch (family) {
            case INET -> InetText.parse4(s);
            case INET6 -> pton6(s);
            default -> throw new IllegalArgumentException("inet_pton: address family not supported: " + family);
        };
        if (a == null) {
            throw new IllegalArgumentException("illegal IP address string passed to inet_pton: " + quote(s));
        }
        return a;
    }

    static String inetNtop(Family family, byte[] packed) {
        if (family == null) {
            throw new NullPointerException("family");
        }
        if (packed == null) {
            throw new NullPointerException("packed");
        }
        int want = switch (family) {
            case INET -> 4;
            case INET6 -> 16;
            default -> throw new IllegalArgumentException("inet_ntop: unknown address family " + family);
        };
        if (packed.length != want) {
            throw new IllegalArgumentException("invalid length of packed IP address string: " + packed.length
                    + " bytes, " + family + " needs " + want);
        }
        return want == 4 ? ntoa(packed, 0) : InetText.format6(packed);
    }

    static String quote(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('\'');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7F) {
                b.append(String.format("\\x%02x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('\'').toString();
    }
}
