package dev.weft;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** Numeric IP text, parsed and printed without ever touching a resolver. */
final class InetText {
    private InetText() {}

    /** inet_pton(AF_INET): four decimal octets 0-255, no leading zeros; null if not one. */
    static byte[] parse4(String s) {
        byte[] out = new byte[4];
        int part = 0;
        int val = -1;
        int digits = 0;
        for (int i = 0; i <= s.length(); i++) {
            char c = i < s.length() ? s.charAt(i) : '.';
            if (c >= '0' && c <= '9') {
                if (digits > 0 && val == 0) {
                    return null; // a leading zero
                }
                val = (val < 0 ? 0 : val * 10) + (c - '0');
                if (val > 255 || ++digits > 3) {
                    return null;
                }
            } else if (c == '.') {
                if (val < 0 || part == 4) {
                    return null;
                }
                out[part++] = (byte) val;
                val = -1;
                digits = 0;
            } else {
                return null;
            }
        }
        return part == 4 ? out : null;
    }

    /** Python's IPv4 host forms: "" is INADDR_ANY, "<broadcast>" INADDR_BROADCAST, else parse4. */
    static byte[] parse4Special(String host) {
        if (host.isEmpty()) {
            return new byte[4];
        }
        if (host.equals("<broadcast>")) {
            return new byte[] {-1, -1, -1, -1};
        }
        return parse4(host);
    }

    static Inet4Address inet4(byte[] a) {
        try {
            return (Inet4Address) InetAddress.getByAddress(a);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    static Inet6Address inet6(byte[] a) {
        try {
            return Inet6Address.getByAddress(null, a, null);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    /** RFC 5952 text (as inet_ntop prints it): the longest run of 2+ zero groups becomes "::". */
    static String format6(byte[] a) {
        int[] g = new int[8];
        for (int i = 0; i < 8; i++) {
            g[i] = ((a[2 * i] & 0xFF) << 8) | (a[2 * i + 1] & 0xFF);
        }
        int bestStart = -1;
        int bestLen = 0;
        for (int i = 0; i < 8; ) {
            if (g[i] == 0) {
                int j = i;
                while (j < 8 && g[j] == 0) {
                    j++;
                }
                if (j - i > bestLen && j - i >= 2) {
                    bestStart = i;
                    bestLen = j - i;
                }
                i = j;
            } else {
                i++;
            }
        }
        // inet_ntop writes IPv4-mapped and IPv4-compatible addresses with a dotted tail.
        boolean mapped = bestStart == 0 && (bestLen == 5 && g[5] == 0xFFFF || bestLen == 6 && (g[6] != 0 || g[7] > 1));
        if (mapped) {
            String tail = (a[12] & 0xFF) + "." + (a[13] & 0xFF) + "." + (a[14] & 0xFF) + "." + (a[15] & 0xFF);
            return bestLen == 5 ? "::ffff:" + tail : "::" + tail;
        }
        StringBuilder sb = new StringBuilder(39);
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLen - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(g[i]));
        }
        return sb.toString();
    }
}
