package dev.weft.kit;

import dev.weft.Errno;
import dev.weft.kit.FaultInjector.Call;
import dev.weft.spi.SocketProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * A plan of faults for a {@link FaultInjector}, as data: printable, comparable and
 * replayable, so that a property test can generate one, report it when it fails, and
 * run it again. Storms carry their own seed, so applying a schedule twice injects the
 * same faults into the same sequence of calls.
 *
 * <pre>{@code
 * FaultSchedule s = FaultSchedule.transientFaults(new SplittableRandom(seed));
 * FaultInjector p = s.wrap(Sockets.provider());
 * try (Socket a = Socket.open(p, Family.INET, SocketType.STREAM, 0)) { ... }  // must not notice
 * }</pre>
 */
public record FaultSchedule(List<Fault> faults) {
    /** Copies the list. */
    public FaultSchedule {
        faults = List.copyOf(faults);
    }

    /** One entry of a schedule. */
    public sealed interface Fault {
        /** The call it hits. */
        Call call();

        /** The errno it injects. */
        Errno errno();
    }

    /** The next {@code times} calls fail ({@link FaultInjector#failNext}). */
    public record Next(Call call, Errno errno, int times) implements Fault {}

    /** Each call fails with this probability, drawn from a generator seeded with {@code seed} ({@link FaultInjector#storm}). */
    public record Storm(Call call, Errno errno, double probability, long seed) implements Fault {}

    /** Every call after {@code bytes} have passed fails ({@link FaultInjector#failAfter}; SEND or RECV). */
    public record After(Call call, long bytes, Errno errno) implements Fault {}

    /**
     * The errnos a blocking-style socket must hide from its caller, per call: an interrupted
     * system call is retried, and a spurious "would block" is waited out.
     */
    public static final Map<Call, Set<Errno>> TRANSIENT = Map.of(
            Call.CONNECT, Set.of(Errno.EINTR, Errno.EAGAIN),
            Call.ACCEPT, Set.of(Errno.EINTR, Errno.EAGAIN),
            Call.RECV, Set.of(Errno.EINTR, Errno.EAGAIN),
            Call.SEND, Set.of(Errno.EINTR, Errno.EAGAIN),
            Call.RECVMSG, Set.of(Errno.EINTR, Errno.EAGAIN),
            Call.SENDMSG, Set.of(Errno.EINTR, Errno.EAGAIN));

    /** Errnos that end a call with an error the caller sees, per call. */
    public static final Map<Call, List<Errno>> FATAL = Map.of(
            Call.CONNECT, List.of(Errno.ECONNREFUSED, Errno.ENETUNREACH, Errno.ETIMEDOUT),
            Call.ACCEPT, List.of(Errno.EMFILE, Errno.ENFILE, Errno.ECONNABORTED, Errno.ENOBUFS),
            Call.RECV, List.of(Errno.ECONNRESET, Errno.ENOMEM),
            Call.SEND, List.of(Errno.ECONNRESET, Errno.EPIPE, Errno.ENOBUFS),
            Call.RECVMSG, List.of(Errno.ECONNRESET, Errno.ENOMEM),
            Call.SENDMSG, List.of(Errno.ECONNRESET, Errno.EPIPE, Errno.ENOBUFS));

    /** True if every fault is one the caller must not notice ({@link #TRANSIENT}). */
    public boolean isTransient() {
        return faults.stream().allMatch(f -> TRANSIENT.get(f.call()).contains(f.errno()));
    }

    /** Adds this schedule's faults to {@code injector}; returns it. */
    public FaultInjector applyTo(FaultInjector injector) {
        for (Fault f : faults) {
            switch (f) {
                case Next n -> injector.failNext(n.call(), n.errno(), n.times());
                case Storm s -> injector.storm(s.call(), s.errno(), s.probability(), new SplittableRandom(s.seed()));
                case After a -> injector.failAfter(a.call(), a.bytes(), a.errno());
            }
        }
        return injector;
    }

    /** A new {@link FaultInjector} over {@code provider} with this schedule. */
    public FaultInjector wrap(SocketProvider provider) {
        return applyTo(new FaultInjector(provider));
    }

    /**
     * One to six faults that weft must hide: {@code EINTR} and {@code EAGAIN} storms (up to
     * half of all calls) and short scripted runs of them, on random calls.
     */
    public static FaultSchedule transientFaults(RandomGenerator r) {
        return transientFaults(r, Set.of(Call.values()));
    }

    /** As {@link #transientFaults(RandomGenerator)}, on the given calls only. */
    public static FaultSchedule transientFaults(RandomGenerator r, Set<Call> calls) {
        List<Call> cs = sorted(calls);
        List<Fault> out = new ArrayList<>();
        int n = 1 + r.nextInt(6);
        for (int i = 0; i < n; i++) {
            Call c = cs.get(r.nextInt(cs.size()));
            Errno e = r.nextBoolean() ? Errno.EINTR : Errno.EAGAIN;
            out.add(r.nextInt(3) == 0 ? new Next(c, e, 1 + r.nextInt(5)) : new Storm(c, e, probability(r), r.nextLong()));
        }
        return new FaultSchedule(out);
    }

    /**
     * Transient faults plus, with even odds, one fatal fault: scripted on a random call, or
     * for SEND and RECV after a random number of bytes (0 to {@code maxBytes}).
     */
    public static FaultSchedule random(RandomGenerator r, Set<Call> calls, long maxBytes) {
        List<Fault> out = new ArrayList<>(transientFaults(r, calls).faults());
        if (r.nextBoolean()) {
            List<Call> cs = sorted(calls);
            Call c = cs.get(r.nextInt(cs.size()));
            List<Errno> es = FATAL.get(c);
            Errno e = es.get(r.nextInt(es.size()));
            boolean byBytes = (c == Call.SEND || c == Call.RECV) && r.nextBoolean();
            out.add(byBytes ? new After(c, r.nextLong(maxBytes + 1), e) : new Next(c, e, 1));
        }
        return new FaultSchedule(out);
    }

    private static double probability(RandomGenerator r) {
        return switch (r.nextInt(4)) {
            case 0 -> 0.5;
            case 1 -> 0.01;
            default -> r.nextDouble(0.5);
        };
    }

    private static List<Call> sorted(Set<Call> calls) {
        if (calls.isEmpty()) {
            throw new IllegalArgumentException("no calls to inject into");
        }
        return calls.stream().sorted().toList();
    }
}
