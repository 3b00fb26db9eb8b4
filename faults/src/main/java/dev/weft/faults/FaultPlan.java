package dev.weft.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;

/**
 * What faults to inject, as data: a seed, the name of the {@linkplain #profile profile} it
 * started from, and the settings ({@link Knob}) that differ from none. Every decision the
 * provider takes comes from the seed, the socket and the operation's number on it, so the
 * same plan over the same program injects the same faults. A plan prints as one line
 * ({@link #toString()}) that {@link #parse} reads back:
 *
 * <pre>{@code
 * FaultPlan p = FaultPlan.profile("lossy-wifi").withSeed(42).with(Knob.DGRAM_DROP, "0.2");
 * // "seed=42 profile=lossy-wifi dgram-drop=0.2 ..." -- paste it into -Dweft.faults.plan=FILE
 * assert FaultPlan.parse(p.toString()).equals(p);
 * }</pre>
 *
 * <h2>Profiles</h2>
 * Probabilities are per operation (per connection for resets and half-closes); an
 * operation gets at most one fault, the first that its draw hits in the order the knobs
 * are listed.
 * <ul>
 * <li>{@code none}: nothing; the provider only counts.</li>
 * <li>{@code short-reads}: half of all stream receives return fewer bytes than were there
 *     (a legal partial result). Finds code that assumes one {@code recv} is one message.</li>
 * <li>{@code short-io}: a third of stream receives and sends are partial, 5% of calls wake
 *     up spuriously ({@code EAGAIN} after a readiness report), 2% get {@code EINTR}.</li>
 * <li>{@code flaky-lan}: 5% of receives and 2% of sends see 0.05-2 ms of extra latency, 10%
 *     of receives and 5% of sends are partial, 2% spurious wake-ups, 1% {@code EINTR}; 1% of
 *     UDP datagrams lost, 0.5% duplicated, 1% reordered.</li>
 * <li>{@code lossy-wifi}: 20% of receives and 10% of sends see 0.5-10 ms of latency, 20%
 *     of receives are partial, 30% of connects take 5-50 ms longer; 5% of UDP datagrams
 *     lost, 1% duplicated, 5% reordered.</li>
 * <li>{@code overloaded-server}: 5% of accepts fail with {@code EMFILE} and 5% with
 *     {@code ECONNABORTED}, 30% wait 1-20 ms, 30% of connects take 1-20 ms longer, 30% of
 *     sends are partial and 10% wait 0.1-5 ms, 5% spurious wake-ups.</li>
 * <li>{@code slow-dns}: half of all lookups of names (never of numeric addresses) take
 *     20-200 ms, 20% fail with {@code EAI_AGAIN}.</li>
 * <li>{@code chaos}: {@code flaky-lan} plus the faults a caller cannot hide: 10% of
 *     connections reset and 5% half-closed after 0-64 KiB, 5% of connects refused and 2%
 *     hanging for 2 s then {@code ETIMEDOUT}, 5% of UDP datagrams truncated.</li>
 * </ul>
 *
 * @param seed the seed every decision derives from
 * @param profile the profile the settings started from ({@code "custom"} if none)
 * @param settings the knobs that differ from their defaults
 */
public record FaultPlan(long seed, String profile, Map<Knob, String> settings) {
    /** The settings a plan can make; each has a name ({@code "short-read"}), a default, and what it does. */
    public enum Knob {
        /** Probability of {@code EINTR} on connect, accept, receive and send. */
        EINTR("eintr", "0"),
        /** Probability of a spurious wake-up on accept, receive and send: {@code EAGAIN} although the socket is then reported ready. */
        SPURIOUS("spurious", "0"),
        /** Probability that a stream receive returns fewer bytes than were asked for and available (at most {@link #SHORT_MAX}, never nothing). */
        SHORT_READ("short-read", "0"),
        /** Probability that a stream send takes fewer bytes than it was given. */
        SHORT_WRITE("short-write", "0"),
        /** The largest partial result, in bytes; lengths are log-uniform from 1. */
        SHORT_MAX("short-max", "4096"),
        /** Probability that a receive is reported ready late (inbound latency). */
        READ_DELAY("read-delay", "0"),
        /** Probability that a send is reported ready late (outbound latency). */
        WRITE_DELAY("write-delay", "0"),
        /** The latency of a delayed receive or send, in microseconds, uniform in MIN-MAX (the jitter). */
        DELAY_US("delay-us", "100-2000"),
        /** Probability that an accept fails with {@code EMFILE} (the connection stays queued for the next). */
        ACCEPT_EMFILE("accept-emfile", "0"),
        /** Probability that an accept fails with {@code ECONNABORTED}. */
        ACCEPT_ECONNABORTED("accept-econnaborted", "0"),
        /** Probability that an accept is reported ready late. */
        ACCEPT_DELAY("accept-delay", "0"),
        /** The latency of a delayed accept, in microseconds, MIN-MAX. */
        ACCEPT_DELAY_US("accept-delay-us", "1000-20000"),
        /** Probability that a stream connect is refused ({@code ECONNREFUSED}). */
        CONNECT_REFUSED("connect-refused", "0"),
        /** Probability that a stream connect never hears back: in progress for {@link #CONNECT_HANG_MS}, then {@code ETIMEDOUT}. */
        CONNECT_HANG("connect-hang", "0"),
        /** How long a hanging connect stays in progress, in milliseconds. */
        CONNECT_HANG_MS("connect-hang-ms", "2000"),
        /** Probability that a connect finishes late. */
        CONNECT_SLOW("connect-slow", "0"),
        /** How much later a slow connect finishes, in microseconds, MIN-MAX. */
        CONNECT_SLOW_US("connect-slow-us", "1000-20000"),
        /** Probability, per stream connection, of a reset after {@link #RESET_BYTES} have passed (both directions). */
        RESET("reset", "0"),
        /** Probability, per stream connection, that the peer half-closes after {@link #RESET_BYTES} were received. */
        HALF_CLOSE("half-close", "0"),
        /** After how many bytes a reset or half-close comes, MIN-MAX. */
        RESET_BYTES("reset-bytes", "0-65536"),
        /** Probability that a UDP datagram sent is lost. */
        DGRAM_DROP("dgram-drop", "0"),
        /** Probability that a UDP datagram sent arrives twice. */
        DGRAM_DUPLICATE("dgram-duplicate", "0"),
        /** Probability that a UDP datagram sent arrives after the socket's next one. */
        DGRAM_REORDER("dgram-reorder", "0"),
        /** Probability that a UDP datagram received is cut short (to a random fraction, as too small a buffer would). */
        DGRAM_TRUNCATE("dgram-truncate", "0"),
        /** Probability that a lookup of a name fails with {@code EAI_AGAIN} (temporary failure). */
        DNS_AGAIN("dns-again", "0"),
        /** Probability that a lookup of a name is slow. */
        DNS_DELAY("dns-delay", "0"),
        /** How long a slow lookup takes, in microseconds, MIN-MAX. */
        DNS_DELAY_US("dns-delay-us", "20000-200000"),
        /** Comma-separated names that {@link #DNS_AGAIN} and {@link #DNS_DELAY} apply to; empty: every name. */
        DNS_NAMES("dns-names", ""),
        /** Comma-separated names whose every lookup fails with {@code EAI_NONAME}. */
        DNS_NONAME("dns-noname", "");

        private final String key;
        private final String defaultValue;

        Knob(String key, String defaultValue) {
            this.key = key;
            this.defaultValue = defaultValue;
        }

        /** The name in a plan's text. */
        public String key() {
            return key;
        }

        /** The value when a plan does not set it. */
        public String defaultValue() {
            return defaultValue;
        }

        /** The knob named {@code key}. */
        public static Knob of(String key) {
            for (Knob k : values()) {
                if (k.key.equals(key)) {
                    return k;
                }
            }
            throw new IllegalArgumentException("no fault setting named '" + key + "'; the settings are "
                    + Arrays.stream(values()).map(Knob::key).toList());
        }

        boolean isProbability() {
            return defaultValue.equals("0");
        }

        boolean isRange() {
            return key.endsWith("-us") || this == RESET_BYTES;
        }

        boolean isNames() {
            return this == DNS_NAMES || this == DNS_NONAME;
        }

        String check(String value) {
            String v = value.trim();
            try {
                if (isProbability()) {
                    double p = Double.parseDouble(v);
                    if (!(p >= 0 && p <= 1)) {
                        throw new IllegalArgumentException("not in [0, 1]");
                    }
                } else if (isRange()) {
                    long[] r = range(v);
                    if (r[0] < 0 || r[1] < r[0]) {
                        throw new IllegalArgumentException("not MIN-MAX with 0 <= MIN <= MAX");
                    }
                } else if (!isNames()) {
                    if (Long.parseLong(v) < 1) {
                        throw new IllegalArgumentException("not positive");
                    }
                } else if (v.chars().anyMatch(Character::isWhitespace)) {
                    throw new IllegalArgumentException("names are separated by commas, without spaces");
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("bad value for " + key + ": '" + value + "' (" + e.getMessage() + ")", e);
            }
            return v;
        }

        static long[] range(String v) {
            int dash = v.indexOf('-', 1);
            return dash < 0 ? new long[] {Long.parseLong(v), Long.parseLong(v)}
                    : new long[] {Long.parseLong(v.substring(0, dash)), Long.parseLong(v.substring(dash + 1))};
        }
    }

    private static final Map<String, String> PROFILES = new LinkedHashMap<>();

    static {
        PROFILES.put("none", "");
        PROFILES.put("short-reads", "short-read=0.5");
        PROFILES.put("short-io", "short-read=0.33 short-write=0.33 spurious=0.05 eintr=0.02");
        PROFILES.put("flaky-lan", "read-delay=0.05 write-delay=0.02 delay-us=50-2000 short-read=0.1 short-write=0.05"
                + " spurious=0.02 eintr=0.01 dgram-drop=0.01 dgram-duplicate=0.005 dgram-reorder=0.01");
        PROFILES.put("lossy-wifi", "read-delay=0.2 write-delay=0.1 delay-us=500-10000 short-read=0.2"
                + " connect-slow=0.3 connect-slow-us=5000-50000 dgram-drop=0.05 dgram-duplicate=0.01 dgram-reorder=0.05");
        PROFILES.put("overloaded-server", "accept-emfile=0.05 accept-econnaborted=0.05 accept-delay=0.3 accept-delay-us=1000-20000"
                + " connect-slow=0.3 connect-slow-us=1000-20000 short-write=0.3 write-delay=0.1 delay-us=100-5000 spurious=0.05");
        PROFILES.put("slow-dns", "dns-delay=0.5 dns-delay-us=20000-200000 dns-again=0.2");
        PROFILES.put("chaos", PROFILES.get("flaky-lan") + " reset=0.1 half-close=0.05 reset-bytes=0-65536"
                + " connect-refused=0.05 connect-hang=0.02 connect-hang-ms=2000 dgram-truncate=0.05");
    }

    /** Checks and copies the settings; those equal to their default are left out. */
    public FaultPlan {
        if (profile == null || profile.isEmpty() || profile.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("a profile name is one word: '" + profile + "'");
        }
        TreeMap<Knob, String> m = new TreeMap<>();
        settings.forEach((k, v) -> {
            String c = k.check(v);
            if (!c.equals(k.defaultValue) && !(k.isProbability() && Double.parseDouble(c) == 0)) {
                m.put(k, c);
            }
        });
        settings = Collections.unmodifiableMap(m);
    }

    /** The names of the built-in profiles, in the order documented above. */
    public static List<String> profiles() {
        return List.copyOf(PROFILES.keySet());
    }

    /** The profile {@code name} ({@link #profiles()}) with seed 0. */
    public static FaultPlan profile(String name) {
        String text = PROFILES.get(name);
        if (text == null) {
            throw new IllegalArgumentException("no fault profile named '" + name + "'; the profiles are " + profiles());
        }
        return new FaultPlan(0, name, settingsOf(text));
    }

    /** No faults at all. */
    public static FaultPlan none() {
        return profile("none");
    }

    /**
     * A random profile other than {@code none} with a random seed: for property tests, from
     * any library's generator. With QuickTheories:
     *
     * <pre>{@code
     * qt().forAll(longs().all().map(s -> FaultPlan.random(new SplittableRandom(s)))).checkAssert(plan -> {
     *     try (FaultSession faults = Faults.session(plan)) {
     *         assertEquals(expected, myClient.fetch(), () -> plan + "\n" + faults.log());
     *     }
     * });
     * }</pre>
     */
    public static FaultPlan random(RandomGenerator r) {
        List<String> names = profiles().subList(1, PROFILES.size());
        return profile(names.get(r.nextInt(names.size()))).withSeed(r.nextLong());
    }

    /** This plan with another seed. */
    public FaultPlan withSeed(long newSeed) {
        return new FaultPlan(newSeed, profile, settings);
    }

    /** This plan with {@code knob} set to {@code value} (the profile name stays, the line shows the difference). */
    public FaultPlan with(Knob knob, String value) {
        Map<Knob, String> m = new TreeMap<>(settings);
        m.put(knob, value);
        return new FaultPlan(seed, profile, m);
    }

    /** The value of {@code knob}, its default if unset. */
    public String get(Knob knob) {
        return settings.getOrDefault(knob, knob.defaultValue);
    }

    double probability(Knob knob) {
        String v = settings.get(knob);
        return v == null ? 0 : Double.parseDouble(v);
    }

    long[] range(Knob knob) {
        return Knob.range(get(knob));
    }

    List<String> names(Knob knob) {
        String v = get(knob);
        return v.isEmpty() ? List.of() : List.of(v.split(","));
    }

    /** True if no setting injects anything. */
    public boolean isEmpty() {
        return settings.keySet().stream().noneMatch(Knob::isProbability) && names(Knob.DNS_NONAME).isEmpty();
    }

    /** {@code seed=S profile=P knob=value...}: what {@link #parse} reads. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("seed=").append(seed).append(" profile=").append(profile);
        // Spell out every setting, so that the line says it all even to a reader without the profile table.
        settings.forEach((k, v) -> b.append(' ').append(k.key).append('=').append(v));
        if (PROFILES.containsKey(profile)) {
            // A setting of the profile put back to its default must say so, or parse would restore it.
            for (Knob k : settingsOf(PROFILES.get(profile)).keySet()) {
                if (!settings.containsKey(k)) {
                    b.append(' ').append(k.key).append('=').append(k.defaultValue);
                }
            }
        }
        return b.toString();
    }

    /**
     * Reads {@code key=value} words, separated by spaces or new lines ({@code #} starts a
     * comment): {@code seed}, {@code profile} (whose settings come first), and any
     * {@link Knob}; later words win.
     */
    public static FaultPlan parse(String text) {
        long seed = 0;
        String profile = "custom";
        Map<Knob, String> m = new TreeMap<>();
        for (String[] kv : words(text)) {
            switch (kv[0]) {
                case "seed" -> seed = parseSeed(kv[1]);
                case "profile" -> {
                    FaultPlan p = profile(kv[1]);
                    profile = kv[1];
                    m.clear();
                    m.putAll(p.settings);
                }
                default -> m.put(Knob.of(kv[0]), kv[1]);
            }
        }
        return new FaultPlan(seed, profile, m);
    }

    /** Reads a plan file: its text as {@link #parse} reads it; lines of a fault log that are not settings (events) are skipped. */
    public static FaultPlan read(Path file) throws IOException {
        String text = Files.readAllLines(file).stream()
                .map(l -> l.startsWith(FaultLog.PLAN_PREFIX) ? l.substring(FaultLog.PLAN_PREFIX.length()) : l)
                .filter(l -> !l.isBlank() && l.trim().split("\\s+")[0].contains("="))
                .collect(Collectors.joining("\n"));
        return parse(text);
    }

    static long parseSeed(String s) {
        try {
            return s.startsWith("0x") ? Long.parseUnsignedLong(s.substring(2), 16) : Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad seed '" + s + "' (a decimal long, or 0x and hex)", e);
        }
    }

    private static Map<Knob, String> settingsOf(String text) {
        Map<Knob, String> m = new TreeMap<>();
        for (String[] kv : words(text)) {
            m.put(Knob.of(kv[0]), kv[1]);
        }
        return m;
    }

    private static List<String[]> words(String text) {
        return text.lines().map(l -> {
                    int hash = l.indexOf('#');
                    return hash >= 0 ? l.substring(0, hash) : l;
                })
                .flatMap(l -> Arrays.stream(l.trim().split("\\s+"))).filter(w -> !w.isEmpty())
                .map(w -> {
                    int eq = w.indexOf('=');
                    if (eq <= 0) {
                        throw new IllegalArgumentException("not key=value: '" + w + "'");
                    }
                    return new String[] {w.substring(0, eq).toLowerCase(Locale.ROOT), w.substring(eq + 1)};
                }).toList();
    }

    /** A generator for a plan's decisions: one per socket, direction and operation number. */
    SplittableRandom random(String socket, Call direction, long seq) {
        return new SplittableRandom(mix(seed ^ mix(hash(socket) ^ mix(direction.ordinal() * 0x9E3779B97F4A7C15L + seq))));
    }

    static long hash(String s) {
        long h = 0xcbf29ce484222325L; // FNV-1a: stable across JVMs, unlike String.hashCode's use in maps
        for (int i = 0; i < s.length(); i++) {
            h = (h ^ s.charAt(i)) * 0x100000001b3L;
        }
        return h;
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
