package dev.weft.tests;

import static org.quicktheories.QuickTheory.qt;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import org.quicktheories.QuickTheory;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * What the kit's property tests share: QuickTheories set up with modest example counts
 * (times {@link #SOAK} under {@code -Dweft.soak=true}), the kit's
 * {@link RandomGenerator}-based generators wrapped as {@link Gen}s, and a descriptor count.
 */
final class PropertySupport {
    private PropertySupport() {}

    /** {@code -Dweft.soak=true}: every property runs this many times the examples, with larger sizes. */
    static final int SOAK = Boolean.getBoolean("weft.soak") ? 20 : 1;

    /**
     * QuickTheories with {@code examples} (times {@link #SOAK}) and few shrink cycles: each
     * cycle re-runs an example, and socket examples cost milliseconds. QuickTheories prints
     * the seed of a failure; {@code -DQT_SEED=...} replays it.
     */
    static QuickTheory theory(int examples) {
        return qt().withExamples(examples * SOAK).withShrinkCycles(Math.max(20, examples)).withGenerateAttempts(100 * examples);
    }

    /** A value drawn by a kit generator, with the seed that reproduces it. */
    record Seeded<T>(long seed, T value) {
        @Override
        public String toString() {
            String v = value instanceof int[] a ? java.util.Arrays.toString(a)
                    : value instanceof byte[] b ? java.util.HexFormat.of().formatHex(b) : String.valueOf(value);
            return "seed " + seed + ": " + v;
        }
    }

    /** A kit generator as a QuickTheories {@link Gen}: QuickTheories draws the seed, the kit the value. */
    static <T> Gen<Seeded<T>> gen(Function<RandomGenerator, T> kit) {
        return Generate.longRange(0, Long.MAX_VALUE).map(seed -> new Seeded<>(seed, kit.apply(new SplittableRandom(seed))));
    }

    /** The number of descriptors this process has open ({@link TestKit#openFds}: -1 where they cannot be listed). */
    static long openFds() {
        try {
            return TestKit.openFds();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * Fails if more descriptors are open than {@code before} ({@link #openFds()}); fewer is no
     * leak (another part of this JVM closed one meanwhile).
     */
    static void assertNoFdLeft(long before) {
        long after = openFds();
        org.junit.jupiter.api.Assertions.assertTrue(after <= before, "descriptors open: " + before + " before, " + after + " after");
    }

    /** True where this process's descriptors can be listed ({@code /proc/self/fd}, {@code /dev/fd}). */
    static boolean canCountFds() {
        return TestKit.canCountFds();
    }
}
