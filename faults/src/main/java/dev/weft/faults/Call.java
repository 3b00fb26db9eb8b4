package dev.weft.faults;

import java.util.Locale;

/**
 * The operations a fault can be injected into. Calls that move data the same way share a
 * {@linkplain #direction() direction}, and operations are counted per socket and direction:
 * the {@code seq} of a {@link FaultEvent} is that count, so {@code recv} and
 * {@code recvmsg} on one socket share one sequence.
 */
public enum Call {
    /** {@code connect(2)}: one operation per socket, however many calls it takes. */
    CONNECT,
    /** {@code accept(2)}. */
    ACCEPT,
    /** {@code recv(2)}, {@code recvfrom(2)}. */
    RECV,
    /** {@code send(2)}, {@code sendto(2)}. */
    SEND,
    /** {@code recvmsg(2)}. */
    RECVMSG,
    /** {@code sendmsg(2)}. */
    SENDMSG,
    /** {@code recvmmsg(2)}. */
    RECVMMSG,
    /** {@code sendmmsg(2)}. */
    SENDMMSG,
    /** {@code sendfile(2)}. */
    SENDFILE,
    /** {@code getaddrinfo(3)}, {@code gethostbyname(3)}: counted per host name. */
    RESOLVE,
    /** The connection as a whole (a reset or half-close after some bytes): one decision per stream socket. */
    CONNECTION;

    /** The call whose counter this one shares: {@link #RECV} for every receive, {@link #SEND} for every send. */
    public Call direction() {
        return switch (this) {
            case RECV, RECVMSG, RECVMMSG -> RECV;
            case SEND, SENDMSG, SENDMMSG, SENDFILE -> SEND;
            default -> this;
        };
    }

    /** The name used in logs and plans: {@code "recv"}, {@code "sendmsg"}... */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The call named {@code label} ({@link #label()}). */
    public static Call of(String label) {
        try {
            return valueOf(label.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("no call named '" + label + "' (one of " + java.util.Arrays.stream(values()).map(Call::label).toList() + ")");
        }
    }
}
