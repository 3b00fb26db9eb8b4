package dev.weft.kit;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * Random ways to cut a transfer into calls: chunk sizes for writes and reads of a stream,
 * message sizes for datagrams, and data whose every byte says where it belongs. They lean
 * towards the cases that break buffer code: runs of one-byte calls, sizes one off a power
 * of two, chunks larger than socket buffers, empty messages.
 *
 * <pre>{@code
 * RandomGenerator r = new SplittableRandom(seed);
 * byte[] data = Chunkings.data(r, 1 << 20);
 * for (int size : Chunkings.split(r, data.length, 256 << 10)) { ... send size bytes ... }
 * int[] messages = Chunkings.messageSizes(r, 50, 65_000);
 * }</pre>
 */
public final class Chunkings {
    private Chunkings() {}

    /**
     * Sizes of at least 1 and at most {@code maxChunk} that add up to {@code total}, each
     * drawn from one of a few styles (tiny, around a power of two, random, as large as
     * allowed) so that one list mixes them.
     *
     * @throws IllegalArgumentException if {@code total < 0} or {@code maxChunk < 1}
     */
    public static int[] split(RandomGenerator r, int total, int maxChunk) {
        if (total < 0 || maxChunk < 1) {
            throw new IllegalArgumentException("total " + total + ", maxChunk " + maxChunk);
        }
        int[] out = new int[16];
        int n = 0;
        int left = total;
        while (left > 0) {
            int size = Math.max(1, Math.min(Math.min(left, maxChunk), chunk(r, maxChunk)));
            if (n == out.length) {
                out = Arrays.copyOf(out, n * 2);
            }
            out[n++] = size;
            left -= size;
        }
        return Arrays.copyOf(out, n);
    }

    private static int chunk(RandomGenerator r, int max) {
        return switch (r.nextInt(6)) {
            case 0 -> 1 + r.nextInt(Math.min(max, 8)); // tiny
            case 1 -> aroundPowerOfTwo(r, max);
            case 2 -> max;
            default -> 1 + r.nextInt(max);
        };
    }

    private static int aroundPowerOfTwo(RandomGenerator r, int max) {
        int bits = 31 - Integer.numberOfLeadingZeros(Math.max(1, max));
        int p = 1 << r.nextInt(bits + 1);
        return Math.max(1, Math.min(max, p + r.nextInt(3) - 1));
    }

    /**
     * {@code count} message sizes of 0 to {@code maxSize}: empty and one-byte messages,
     * the maximum, sizes around powers of two, random ones.
     */
    public static int[] messageSizes(RandomGenerator r, int count, int maxSize) {
        if (count < 0 || maxSize < 0) {
            throw new IllegalArgumentException("count " + count + ", maxSize " + maxSize);
        }
        int[] out = new int[count];
        for (int i = 0; i < count; i++) {
            out[i] = switch (r.nextInt(8)) {
                case 0 -> 0;
                case 1 -> Math.min(1, maxSize);
                case 2 -> maxSize;
                case 3, 4 -> maxSize == 0 ? 0 : aroundPowerOfTwo(r, maxSize);
                default -> r.nextInt(maxSize + 1);
            };
        }
        return out;
    }

    /**
     * {@code n} bytes that are random yet checkable: byte {@code i} mixes {@code i} into a
     * random stream, so a lost, repeated or misplaced chunk never lines up by chance the way
     * it can with repeated patterns.
     */
    public static byte[] data(RandomGenerator r, int n) {
        byte[] b = new byte[n];
        r.nextBytes(b);
        return b;
    }

    /**
     * The contents of message {@code index} of {@code size} bytes: its first bytes carry the
     * index and size, the rest follow from them, so a message delivered in the wrong place,
     * merged with another or cut short is told apart.
     */
    public static byte[] message(int index, int size) {
        byte[] b = new byte[size];
        long x = 0x9E3779B97F4A7C15L * (index + 1) ^ size;
        for (int i = 0; i < size; i++) {
            x ^= x << 13;
            x ^= x >>> 7;
            x ^= x << 17;
            b[i] = (byte) x;
        }
        for (int i = 0; i < Math.min(4, size); i++) {
            b[i] = (byte) (index >>> (8 * i));
        }
        return b;
    }
}
