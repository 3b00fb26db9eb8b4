package dev.weft;

/**
 * One {@code struct j1939_filter} of {@link SockOpt#SO_J1939_FILTER}: a received message
 * passes when its source NAME, PGN and address each match under their masks
 * ({@code (x & mask) == (value & mask)}); an array of filters passes what any one passes.
 * The option is write-only, as in the kernel.
 *
 * <pre>{@code
 * // only PGN 0xFEF1 (cruise control / vehicle speed), from anyone
 * j.setOption(SockOpt.SO_J1939_FILTER, new J1939Filter[] {J1939Filter.pgn(0xFEF1)});
 * }</pre>
 *
 * @param name     the source NAME to compare
 * @param nameMask the NAME bits compared
 * @param pgn      the parameter group number to compare (0-0x3FFFF)
 * @param pgnMask  the PGN bits compared
 * @param addr     the source address to compare, 0-255
 * @param addrMask the address bits compared, 0-255
 */
public record J1939Filter(long name, long nameMask, int pgn, int pgnMask, int addr, int addrMask) {
    /** {@code J1939_PGN_MAX}: every bit of a PGN. */
    public static final int PGN_MASK = 0x3FFFF;
    /** {@code sizeof(struct j1939_filter)}: 26 bytes of fields, padded to 32. */
    public static final int SIZE = 32;

    /** Checks the one-byte fields. */
    public J1939Filter {
        if (addr < 0 || addr > 0xFF || addrMask < 0 || addrMask > 0xFF) {
            throw new IllegalArgumentException("addr and addrMask are one byte, 0-255, got " + addr + ", " + addrMask);
        }
    }

    /** Passes one PGN from any source. */
    public static J1939Filter pgn(int pgn) {
        return new J1939Filter(0, 0, pgn, PGN_MASK, 0, 0);
    }
}
