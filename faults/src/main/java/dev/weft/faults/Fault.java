package dev.weft.faults;

import dev.weft.Errno;

/**
 * One fault, as data: what a {@link FaultSource} decides for an operation and what a
 * {@link FaultEvent} records. Each prints as a few words (its {@code toString()}) that
 * {@link #parse} reads back, so a log is also a replay script.
 *
 * <pre>{@code
 * Fault f = Fault.parse("short 5");          // a receive that returns at most 5 bytes
 * assert f.equals(new Fault.Short(5)) && f.toString().equals("short 5");
 * }</pre>
 */
public sealed interface Fault {
    /** The call fails with {@code errno} without reaching the OS ({@code EAGAIN} also reports the socket ready: a spurious wake-up). */
    record Fail(Errno errno) implements Fault {
        @Override
        public String toString() {
            return "fail " + errno.name();
        }
    }

    /** The socket is reported ready only after this many microseconds (latency); a connect or resolver lookup takes this much longer. */
    record Delay(long micros) implements Fault {
        @Override
        public String toString() {
            return "delay " + micros + "us";
        }
    }

    /** A stream receive or send moves at most {@code bytes} (a legal partial result). */
    record Short(int bytes) implements Fault {
        @Override
        public String toString() {
            return "short " + bytes;
        }
    }

    /** A datagram send is reported done but never leaves. */
    record Drop() implements Fault {
        @Override
        public String toString() {
            return "drop";
        }
    }

    /** A datagram send goes out twice. */
    record Duplicate() implements Fault {
        @Override
        public String toString() {
            return "duplicate";
        }
    }

    /** A datagram send is held back and goes out after the socket's next one (or after 20 ms, if none follows). */
    record Reorder() implements Fault {
        @Override
        public String toString() {
            return "reorder";
        }
    }

    /** A datagram receive keeps only this fraction of the datagram ({@code MSG_TRUNC} semantics). */
    record Truncate(double fraction) implements Fault {
        @Override
        public String toString() {
            return "truncate " + fraction;
        }
    }

    /** A connect whose handshake never answers: in progress for {@code millis}, then {@code ETIMEDOUT}. */
    record Hang(long millis) implements Fault {
        @Override
        public String toString() {
            return "hang " + millis + "ms";
        }
    }

    /** The connection is reset once {@code afterBytes} have passed (both directions counted). */
    record Reset(long afterBytes) implements Fault {
        @Override
        public String toString() {
            return "reset " + afterBytes;
        }
    }

    /** The peer shuts its side down after {@code afterBytes} were received: receives then return end of stream. */
    record HalfClose(long afterBytes) implements Fault {
        @Override
        public String toString() {
            return "half-close " + afterBytes;
        }
    }

    /** A resolver lookup fails with this {@code EAI_*} code ({@code "EAI_AGAIN"}, {@code "EAI_NONAME"}). */
    record Gai(String code) implements Fault {
        @Override
        public String toString() {
            return "gai " + code;
        }
    }

    /** Reads what a fault's {@code toString()} prints. */
    static Fault parse(String text) {
        String[] w = text.trim().split("\\s+");
        try {
            return switch (w[0]) {
                case "fail" -> new Fail(Errno.valueOf(w[1]));
                case "delay" -> new Delay(Long.parseLong(strip(w[1], "us")));
                case "short" -> new Short(Integer.parseInt(w[1]));
                case "drop" -> new Drop();
                case "duplicate" -> new Duplicate();
                case "reorder" -> new Reorder();
                case "truncate" -> new Truncate(Double.parseDouble(w[1]));
                case "hang" -> new Hang(Long.parseLong(strip(w[1], "ms")));
                case "reset" -> new Reset(Long.parseLong(w[1]));
                case "half-close" -> new HalfClose(Long.parseLong(w[1]));
                case "gai" -> new Gai(w[1]);
                default -> throw new IllegalArgumentException("unknown fault '" + w[0] + "'");
            };
        } catch (ArrayIndexOutOfBoundsException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not a fault: '" + text + "' (" + e.getMessage() + ")", e);
        }
    }

    private static String strip(String s, String unit) {
        if (!s.endsWith(unit)) {
            throw new IllegalArgumentException("'" + s + "' lacks its unit " + unit);
        }
        return s.substring(0, s.length() - unit.length());
    }
}
