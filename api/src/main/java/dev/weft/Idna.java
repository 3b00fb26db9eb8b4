package dev.weft;

import java.net.IDN;

/**
 * Host names as CPython passes them to the resolver: its {@code "idna"} codec (IDNA 2003,
 * RFC 3490 ToASCII per label, no STD3 rules). An ASCII name is passed through as it is,
 * after the codec's label checks; a name with other characters is converted label by label.
 */
final class Idna {
    private Idna() {}

    /** The ASCII form of {@code host}; {@link IllegalArgumentException} where CPython raises UnicodeError. */
    static String encode(String host) {
        InetConvert.cString(host, "host");
        if (host.isEmpty()) {
            return host;
        }
        if (isAscii(host)) {
            // The codec's fast path: every label but the last must be 1-63 long, the last < 64.
            int start = 0;
            for (int i = 0; i <= host.length(); i++) {
                if (i == host.length() || host.charAt(i) == '.') {
                    int len = i - start;
                    boolean last = i == host.length();
                    if (last ? len >= 64 : len == 0 || len >= 64) {
                        throw new IllegalArgumentException("encoding with 'idna' codec failed: label empty or too long in "
                                + InetConvert.quote(host));
                    }
                    start = i + 1;
                }
            }
            return host;
        }
        String[] labels = host.split("[.\u3002\uFF0E\uFF61]", -1);
        int n = labels.length;
        boolean trailingDot = n > 0 && labels[n - 1].isEmpty();
        if (trailingDot) {
            n--;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < n; i++) {
            String label = labels[i];
            String ascii;
            try {
                ascii = isAscii(label) ? label : IDN.toASCII(label, 0);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("encoding with 'idna' codec failed: " + e.getMessage(), e);
            }
            if (ascii.isEmpty() || ascii.length() >= 64) {
                throw new IllegalArgumentException("encoding with 'idna' codec failed: label empty or too long in "
                        + InetConvert.quote(host));
            }
            if (i > 0) {
                out.append('.');
            }
            out.append(ascii);
        }
        if (trailingDot) {
            out.append('.');
        }
        return out.toString();
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }
}
