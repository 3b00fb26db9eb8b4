package dev.weft;

/**
 * One {@code struct can_filter} of {@code SockOpt.CAN_RAW_FILTER}: a received frame passes
 * when {@code (frame.canId & canMask) == (canId & canMask)}, or, with {@link #INV_FILTER}
 * in {@code canId}, when it does not. An empty array of filters receives nothing.
 *
 * <pre>{@code
 * s.setOption(SockOpt.CAN_RAW_FILTER, new CanFilter[] {new CanFilter(0x123, CanFrame.SFF_MASK)});
 * }</pre>
 *
 * @param canId   the identifier (with flag bits) to compare
 * @param canMask the bits that are compared
 */
public record CanFilter(int canId, int canMask) {
    /** {@code CAN_INV_FILTER}: the filter passes what does not match. */
    public static final int INV_FILTER = 0x2000_0000;
}
