package dev.weft.faults;

/**
 * One injected fault: which socket, which operation, what. Prints as one log line,
 * {@code "s1 recv#0 short 5"}: the socket's label ({@code s<n>} for the n-th socket opened,
 * {@code s<n>a<k>} for the k-th connection it accepted, {@code dns:<host>} for lookups), the
 * call with the operation's number in its {@linkplain Call#direction() direction}, and the
 * {@link Fault}. {@link #parse} reads the line back; a file of them replays with
 * {@code -Dweft.faults.replay=FILE}.
 *
 * <pre>{@code
 * FaultEvent e = FaultEvent.parse("s1 recv#0 short 5");
 * assert e.socket().equals("s1") && e.seq() == 0 && e.fault() instanceof Fault.Short;
 * }</pre>
 */
public record FaultEvent(String socket, Call call, long seq, Fault fault) implements Comparable<FaultEvent> {
    /** Checks the fields. */
    public FaultEvent {
        if (socket.isEmpty() || socket.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("a socket label is one word: '" + socket + "'");
        }
        if (seq < 0) {
            throw new IllegalArgumentException("seq < 0");
        }
        java.util.Objects.requireNonNull(fault, "fault");
    }

    @Override
    public String toString() {
        return socket + " " + call.label() + "#" + seq + " " + fault;
    }

    /** Reads a line {@link #toString()} printed. */
    public static FaultEvent parse(String line) {
        String[] w = line.trim().split("\\s+", 3);
        int hash = w.length == 3 ? w[1].indexOf('#') : -1;
        if (hash < 0) {
            throw new IllegalArgumentException("not a fault event: '" + line + "' (expected 'SOCKET CALL#SEQ FAULT', e.g. 's1 recv#0 short 5')");
        }
        return new FaultEvent(w[0], Call.of(w[1].substring(0, hash)), Long.parseLong(w[1].substring(hash + 1)), Fault.parse(w[2]));
    }

    /** Sockets in the order they were opened (numerically), then operations in order: the canonical log order. */
    @Override
    public int compareTo(FaultEvent o) {
        int c = compareLabels(socket, o.socket);
        if (c != 0) {
            return c;
        }
        c = call.direction().compareTo(o.call.direction());
        if (c != 0) {
            return c;
        }
        c = Long.compare(seq, o.seq);
        return c != 0 ? c : toString().compareTo(o.toString());
    }

    /** Compares labels with their digit runs as numbers, so that s2 comes before s10. */
    static int compareLabels(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char x = a.charAt(i);
            char y = b.charAt(j);
            if (Character.isDigit(x) && Character.isDigit(y)) {
                int i2 = i;
                int j2 = j;
                while (i2 < a.length() && Character.isDigit(a.charAt(i2))) {
                    i2++;
                }
                while (j2 < b.length() && Character.isDigit(b.charAt(j2))) {
                    j2++;
                }
                int c = new java.math.BigInteger(a.substring(i, i2)).compareTo(new java.math.BigInteger(b.substring(j, j2)));
                if (c != 0) {
                    return c;
                }
                i = i2;
                j = j2;
            } else {
                if (x != y) {
                    return Character.compare(x, y);
                }
                i++;
                j++;
            }
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
