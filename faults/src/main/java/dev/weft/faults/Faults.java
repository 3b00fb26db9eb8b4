package dev.weft.faults;

import dev.weft.Sockets;
import dev.weft.spi.SocketProvider;
import java.util.List;

/**
 * Seeded, replayable network faults under unchanged code: the entry points.
 *
 * <p><b>Without code changes.</b> Put {@code dev.weft:weft-faults} on the class or module
 * path and run with {@code -Dweft.provider=faults}: every socket the program opens goes
 * through a {@link FaultProvider} wrapping the OS provider. It prints its plan and seed to
 * standard error once, when weft is first used. System properties:
 * <ul>
 * <li>{@code weft.faults.profile=NAME}: a {@linkplain FaultPlan named profile}
 *     ({@code short-reads}, {@code flaky-lan}, {@code lossy-wifi}, {@code overloaded-server},
 *     {@code slow-dns}, {@code chaos}...); default {@code none};</li>
 * <li>{@code weft.faults.seed=N}: the seed (default: random, and printed);</li>
 * <li>{@code weft.faults.plan=FILE}: a plan as {@link FaultPlan#parse} reads it (a saved
 *     log's first line is one);</li>
 * <li>{@code weft.faults.replay=FILE}: exactly the faults of a saved {@link FaultLog};</li>
 * <li>{@code weft.faults.log=FILE} or {@code stderr}: write the log when the JVM exits;</li>
 * <li>{@code weft.faults.delegate=NAME}: the provider to wrap (default: the one weft would choose).</li>
 * </ul>
 * Any of the first four also selects the provider without {@code weft.provider}; without
 * any, it never wins on priority. An explicit {@code -Dweft.provider=OTHER} wins over them.
 *
 * <p><b>In code.</b>
 * <pre>{@code
 * FaultPlan plan = FaultPlan.profile("short-reads").withSeed(42);
 * FaultProvider p = Faults.wrap(Sockets.provider(), plan);
 * try (Socket s = Socket.open(p, Family.INET, SocketType.STREAM, 0)) {
 *     s.connect(server);
 *     s.sendAll(request);
 *     byte[] reply = s.recv(1024);          // under short-reads: maybe only part of it
 * }
 * System.out.print(p.session().log());      // "# weft.faults plan: seed=42 ..." then "s0 recv#0 short 3"
 * }</pre>
 *
 * <p><b>In tests,</b> {@link WeftFaults} runs each test under a plan and prints the seed and
 * the log when it fails; {@link #session} does the same by hand, e.g. from a property test
 * whose generator draws the plan ({@link FaultPlan#random}).
 */
public final class Faults {
    private Faults() {}

    /** A provider injecting {@code plan}'s faults into {@code provider}'s sockets. */
    public static FaultProvider wrap(SocketProvider provider, FaultPlan plan) {
        return new FaultProvider(provider, new SeededSource(plan), plan.toString());
    }

    /** A provider injecting what {@code source} decides. */
    public static FaultProvider wrap(SocketProvider provider, FaultSource source) {
        return new FaultProvider(provider, source, "custom source " + source);
    }

    /** A provider injecting exactly the logged {@code events} (a {@link FaultLog} read back), and nothing else. */
    public static FaultProvider replay(SocketProvider provider, List<FaultEvent> events) {
        return new FaultProvider(provider, new ScriptedSource(events), "replay of " + events.size() + " events");
    }

    /**
     * The fault provider weft uses for this JVM. If weft has not chosen its provider yet
     * and no {@code weft.provider} is set, sets {@code weft.provider=faults} first (the
     * choice is made once, on first use).
     *
     * @throws IllegalStateException if weft already uses another provider
     */
    public static FaultProvider installed() {
        if (System.getProperty("weft.provider") == null) {
            System.setProperty("weft.provider", "faults");
        }
        SocketProvider p = Sockets.provider();
        if (p instanceof FaultProvider f) {
            return f;
        }
        throw new IllegalStateException("weft uses the provider '" + p.name() + "', not the fault injector: weft chooses its"
                + " provider once, when first used; run with -Dweft.provider=faults (with dev.weft:weft-faults on the path)");
    }

    /**
     * Runs everything weft does from now until the session is closed under {@code plan}:
     * the sockets opened meanwhile are numbered from {@code s0}, and the session's log
     * records what was injected. Sessions do not nest across threads: a second one waits
     * for the first to close.
     *
     * <pre>{@code
     * try (FaultSession s = Faults.session(FaultPlan.profile("flaky-lan").withSeed(seed))) {
     *     assertEquals(expected, myClient.fetch());
     * } // a failure message should carry s.log()
     * }</pre>
     */
    public static FaultSession session(FaultPlan plan) {
        return installed().begin(new SeededSource(plan), plan.toString());
    }

    /** {@link #session(FaultPlan)} with any source; {@code description} heads its log. */
    public static FaultSession session(FaultSource source, String description) {
        return installed().begin(source, description);
    }
}
