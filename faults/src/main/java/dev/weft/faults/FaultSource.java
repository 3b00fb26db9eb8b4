package dev.weft.faults;

/**
 * Decides the fault, if any, for each operation: the seeded {@link FaultPlan} is one, a
 * replayed log another, and a test may write its own (the conformance kit's
 * {@code FaultInjector} scripts "the next two accepts fail"). The provider applies the
 * decision correctly whatever it is: an injected {@code EAGAIN} comes with a readiness
 * report, an {@code EINTR} on connect leaves the attempt running, a delay always ends in
 * a report, so that no caller waits for an event that will not come.
 *
 * <pre>{@code
 * FaultSource everyThirdSendIsShort = (socket, call, seq, want) ->
 *         call.direction() == Call.SEND && socket.isStream() && seq % 3 == 2 ? new Fault.Short(1) : null;
 * SocketProvider p = Faults.wrap(Sockets.provider(), everyThirdSendIsShort);
 * }</pre>
 */
@FunctionalInterface
public interface FaultSource {
    /**
     * The fault for operation {@code seq} (counted per socket and {@linkplain Call#direction()
     * direction}; an operation the OS answered with {@code EAGAIN} is asked again with the
     * same number) of {@code call} on {@code socket}, or null for none. {@code want} is the
     * byte count asked for, where there is one. For {@link Call#CONNECTION} the answer is a
     * {@link Fault.Reset} or {@link Fault.HalfClose} for the connection's life; for
     * {@link Call#RESOLVE} the socket is {@code dns:<host>}. Called on the caller's thread;
     * must not block.
     */
    Fault decide(SocketInfo socket, Call call, long seq, long want);

    /** The OS's result of a call that was let through: the byte count, a descriptor, or minus the errno. */
    default void completed(SocketInfo socket, Call call, long result) {}

    /** True if this source never injects anything: the provider then passes every call straight through. */
    default boolean isQuiet() {
        return false;
    }
}
