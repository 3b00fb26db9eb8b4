package dev.weft.jmh;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A lock-free log-linear histogram of latencies in nanoseconds (8 buckets per power of two,
 * so a percentile is within about 6% of the truth), for load threads a benchmark runs
 * itself: JMH samples only its own threads. {@link CpuTime} resets it before each iteration
 * and reports its percentiles after, when anything was recorded.
 */
final class Latencies {
    private static final int SUB_BITS = 3;
    private static final AtomicLongArray COUNTS = new AtomicLongArray(64 << SUB_BITS);

    private Latencies() {}

    static void record(long nanos) {
        COUNTS.incrementAndGet(index(Math.max(1, nanos)));
    }

    static void reset() {
        for (int i = 0; i < COUNTS.length(); i++) {
            COUNTS.set(i, 0);
        }
    }

    static long count() {
        long n = 0;
        for (int i = 0; i < COUNTS.length(); i++) {
            n += COUNTS.get(i);
        }
        return n;
    }

    /** The {@code p}th percentile (0-100) in nanoseconds: the middle of its bucket; NaN if empty. */
    static double percentile(double p) {
        long[] c = new long[COUNTS.length()];
        long n = 0;
        for (int i = 0; i < c.length; i++) {
            c[i] = COUNTS.get(i);
            n += c[i];
        }
        if (n == 0) {
            return Double.NaN;
        }
        long rank = Math.max(1, (long) Math.ceil(p / 100.0 * n));
        long seen = 0;
        for (int i = 0; i < c.length; i++) {
            seen += c[i];
            if (seen >= rank) {
                return (low(i) + low(i + 1)) / 2.0;
            }
        }
        return low(c.length);
    }

    private static int index(long v) {
        int msb = 63 - Long.numberOfLeadingZeros(v);
        if (msb < SUB_BITS) {
            return (int) v;
        }
        int sub = (int) (v >>> (msb - SUB_BITS)) & ((1 << SUB_BITS) - 1);
        return ((msb - SUB_BITS + 1) << SUB_BITS) | sub;
    }

    /** The smallest value of bucket {@code i}. */
    private static double low(int i) {
        int group = i >>> SUB_BITS;
        int sub = i & ((1 << SUB_BITS) - 1);
        if (group == 0) {
            return sub;
        }
        int msb = group + SUB_BITS - 1;
        return Math.scalb(1.0, msb) + sub * Math.scalb(1.0, msb - SUB_BITS);
    }
}
