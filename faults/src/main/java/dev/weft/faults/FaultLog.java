package dev.weft.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;

/**
 * What a fault session injected: every {@link FaultEvent}, and counts of what happened to
 * datagrams (which a test checks its own accounting against). {@link #toString()} prints
 * the plan line and the events in canonical order (sockets in the order they were opened,
 * then operations in order), so two runs of the same program under the same plan print
 * the same text, whatever the interleaving of their threads.
 *
 * <pre>{@code
 * # weft.faults plan: seed=7 profile=short-reads short-read=0.5
 * s1 recv#0 short 5
 * s0a0 recv#2 short 1
 * }</pre>
 */
public final class FaultLog {
    /** The first line's prefix; {@link FaultPlan#read} reads the plan after it. */
    public static final String PLAN_PREFIX = "# weft.faults plan: ";

    /** Datagrams reported sent but never sent. */
    public static final String DROPPED = "dropped";
    /** Datagrams sent twice. */
    public static final String DUPLICATED = "duplicated";
    /** Datagrams held back that went out after a later one. */
    public static final String REORDERED = "reordered";
    /** Datagrams held back for reordering that went out alone, no later one having come within 20 ms. */
    public static final String DELAYED = "delayed";
    /** Datagrams received cut short (the datagram was longer than what was returned). */
    public static final String TRUNCATED = "truncated";

    /** Events kept at most; beyond, only counted. */
    static final int MAX_EVENTS = 200_000;

    private final String plan;
    private final ReentrantLock lock = new ReentrantLock();
    private final List<FaultEvent> events = new ArrayList<>();
    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
    private final LongAdder total = new LongAdder();

    FaultLog(String plan) {
        this.plan = plan;
    }

    /** The plan's line, or a description of the source. */
    public String plan() {
        return plan;
    }

    void add(FaultEvent e) {
        total.increment();
        lock.lock();
        try {
            if (events.size() < MAX_EVENTS) {
                events.add(e);
            }
        } finally {
            lock.unlock();
        }
    }

    void tally(String what) {
        counts.computeIfAbsent(what, k -> new LongAdder()).increment();
    }

    /** The events so far, in canonical order. */
    public List<FaultEvent> events() {
        lock.lock();
        try {
            List<FaultEvent> copy = new ArrayList<>(events);
            copy.sort(null);
            return copy;
        } finally {
            lock.unlock();
        }
    }

    /** How many faults were injected (including any beyond what is kept). */
    public long size() {
        return total.sum();
    }

    /** How many datagrams were {@link #DROPPED}, {@link #DUPLICATED}, {@link #REORDERED}, {@link #DELAYED} or {@link #TRUNCATED}. */
    public long count(String what) {
        LongAdder a = counts.get(what);
        return a == null ? 0 : a.sum();
    }

    /** The counts of {@link #count(String)}, by name, those that happened. */
    public Map<String, Long> counts() {
        Map<String, Long> m = new TreeMap<>();
        counts.forEach((k, v) -> m.put(k, v.sum()));
        return m;
    }

    /** The plan line and one line per event, canonical order. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(PLAN_PREFIX).append(plan).append('\n');
        List<FaultEvent> es = events();
        for (FaultEvent e : es) {
            b.append(e).append('\n');
        }
        if (size() > es.size()) {
            b.append("# ").append(size() - es.size()).append(" more not kept\n");
        }
        if (!counts.isEmpty()) {
            b.append("# datagrams: ").append(counts()).append('\n');
        }
        return b.toString();
    }

    /** Writes {@link #toString()} to {@code file}: it replays with {@code -Dweft.faults.replay=FILE} (or, by its plan line, {@code -Dweft.faults.plan=FILE}). */
    public void writeTo(Path file) throws IOException {
        Files.writeString(file, toString());
    }

    /** Reads the events of a log {@link #toString()} wrote (comment lines skipped). */
    public static List<FaultEvent> readEvents(Path file) throws IOException {
        List<FaultEvent> out = new ArrayList<>();
        for (String l : Files.readAllLines(file)) {
            if (!l.isBlank() && !l.startsWith("#")) {
                out.add(FaultEvent.parse(l));
            }
        }
        return out;
    }
}
