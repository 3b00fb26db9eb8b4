package dev.weft;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Objects;

/**
 * TIPC's topology service, typed: connect a {@code SOCK_SEQPACKET} socket to
 * {@link #SERVICE}, send it {@link Subscription}s ({@code struct tipc_subscr}), and read
 * {@link Event}s ({@code struct tipc_event}) as sockets bind and unbind names in the watched
 * range, so nobody packs {@code "=6I8s"} by hand. Both go in this host's byte order, which
 * the kernel recognises by the filter's low bits and answers in.
 *
 * <pre>{@code
 * try (Socket top = Socket.open(Family.TIPC, SocketType.SEQPACKET)) {
 *     top.connect(TipcTopology.SERVICE);
 *     top.send(TipcTopology.Subscription.ports(18888, 0, 100).toBytes());
 *     TipcTopology.Event e = TipcTopology.Event.of(top.recv(TipcTopology.Event.SIZE));
 *     if (e.event() == TipcTopology.PUBLISHED) { ... e.node(), e.ref() serve e.foundLower()..e.foundUpper() }
 * }
 * }</pre>
 */
public final class TipcTopology {
    private TipcTopology() {}

    /** {@code TIPC_TOP_SRV}: the topology service's name type and instance. */
    public static final int TOP_SRV = 1;
    /** The topology service's address: {@code (TIPC_ADDR_NAME, TIPC_TOP_SRV, TIPC_TOP_SRV, 0)}. */
    public static final SockAddr.Tipc SERVICE = new SockAddr.Tipc(SockAddr.Tipc.NAME, TOP_SRV, TOP_SRV, 0);
    /** {@code TIPC_SUB_PORTS}: an event per socket binding in the range. */
    public static final int SUB_PORTS = 0x01;
    /** {@code TIPC_SUB_SERVICE}: an event when the range gains its first or loses its last binding. */
    public static final int SUB_SERVICE = 0x02;
    /** {@code TIPC_SUB_CANCEL}: cancel the subscription this one repeats. */
    public static final int SUB_CANCEL = 0x04;
    /** {@code TIPC_WAIT_FOREVER}: a subscription that never times out. */
    public static final int WAIT_FOREVER = -1;
    /** {@code TIPC_PUBLISHED}: a name in the range was bound. */
    public static final int PUBLISHED = 1;
    /** {@code TIPC_WITHDRAWN}: a name in the range was unbound (or its socket closed). */
    public static final int WITHDRAWN = 2;
    /** {@code TIPC_SUBSCR_TIMEOUT}: the subscription timed out. */
    public static final int SUBSCR_TIMEOUT = 3;

    /**
     * {@code struct tipc_subscr} (28 bytes): the watched range, a timeout, the filter and 8
     * bytes the kernel hands back in every event.
     *
     * @param type       the name type watched
     * @param lower      the lowest instance watched
     * @param upper      the highest instance watched
     * @param timeoutMs  milliseconds, or {@link #WAIT_FOREVER}
     * @param filter     {@link #SUB_PORTS} or {@link #SUB_SERVICE}, with {@link #SUB_CANCEL} to cancel
     * @param userHandle 8 bytes of the caller's (fewer are zero-padded)
     */
    public record Subscription(int type, int lower, int upper, int timeoutMs, int filter, byte[] userHandle) {
        /** {@code sizeof(struct tipc_subscr)}. */
        public static final int SIZE = 28;

        /** Checks the filter (the kernel needs one of its low bits to read the byte order) and copies the handle. */
        public Subscription {
            if ((filter & (SUB_PORTS | SUB_SERVICE)) == 0) {
                throw new IllegalArgumentException("a subscription's filter needs TIPC_SUB_PORTS or TIPC_SUB_SERVICE, got " + filter);
            }
            Objects.requireNonNull(userHandle, "userHandle");
            if (userHandle.length > 8) {
                throw new IllegalArgumentException("usr_handle is 8 bytes, got " + userHandle.length);
            }
            userHandle = Arrays.copyOf(userHandle, 8);
        }

        /** Every binding in {@code [lower, upper]} of {@code type}, for ever. */
        public static Subscription ports(int type, int lower, int upper) {
            return new Subscription(type, lower, upper, WAIT_FOREVER, SUB_PORTS, new byte[8]);
        }

        /** This subscription with {@link #SUB_CANCEL}: sent, it ends the subscription. */
        public Subscription cancel() {
            return new Subscription(type, lower, upper, timeoutMs, filter | SUB_CANCEL, userHandle);
        }

        /** The handle (a copy). */
        @Override
        public byte[] userHandle() {
            return userHandle.clone();
        }

        /** The 28 bytes the topology service reads, in this host's order. */
        public byte[] toBytes() {
            return ByteBuffer.allocate(SIZE).order(ByteOrder.nativeOrder()).putInt(type).putInt(lower).putInt(upper)
                    .putInt(timeoutMs).putInt(filter).put(userHandle).array();
        }

        static Subscription read(ByteBuffer b) {
            int type = b.getInt(), lower = b.getInt(), upper = b.getInt(), timeout = b.getInt(), filter = b.getInt();
            byte[] handle = new byte[8];
            b.get(handle);
            return new Subscription(type, lower, upper, timeout, filter, handle);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Subscription s && s.type == type && s.lower == lower && s.upper == upper
                    && s.timeoutMs == timeoutMs && s.filter == filter && Arrays.equals(s.userHandle, userHandle);
        }

        @Override
        public int hashCode() {
            return Objects.hash(type, lower, upper, timeoutMs, filter) * 31 + Arrays.hashCode(userHandle);
        }

        @Override
        public String toString() {
            return "tipc_subscr(" + Integer.toUnsignedString(type) + ", " + Integer.toUnsignedString(lower) + "-"
                    + Integer.toUnsignedString(upper) + ", timeout " + timeoutMs + ", filter " + filter + ")";
        }
    }

    /**
     * {@code struct tipc_event} (48 bytes): what happened, the part of the range it concerns,
     * the socket ({@code node}, {@code ref}) and the subscription it answers.
     *
     * @param event        {@link #PUBLISHED}, {@link #WITHDRAWN} or {@link #SUBSCR_TIMEOUT}
     * @param foundLower   the lowest instance the binding covers
     * @param foundUpper   the highest
     * @param ref          the socket's reference ({@code tipc_socket_addr.ref})
     * @param node         the socket's node
     * @param subscription the subscription, as sent
     */
    public record Event(int event, int foundLower, int foundUpper, int ref, int node, Subscription subscription) {
        /** {@code sizeof(struct tipc_event)}. */
        public static final int SIZE = 48;

        /** The event in {@code bytes}, exactly {@link #SIZE} long. */
        public static Event of(byte[] bytes) {
            if (bytes.length != SIZE) {
                throw new IllegalArgumentException("a tipc_event is " + SIZE + " bytes, got " + bytes.length);
            }
            ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.nativeOrder());
            return new Event(b.getInt(), b.getInt(), b.getInt(), b.getInt(), b.getInt(), Subscription.read(b));
        }

        /** The socket the event is about, as a {@code TIPC_ADDR_ID} address. */
        public SockAddr.Tipc socket() {
            return new SockAddr.Tipc(SockAddr.Tipc.ID, node, ref, 0, 0);
        }
    }
}
