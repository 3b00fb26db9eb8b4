package dev.weft.common;

import java.nio.ByteBuffer;

/**
 * The two-byte header every {@code struct sockaddr_*} starts with, the one thing about a
 * socket address whose shape differs between operating systems: Linux and Winsock keep
 * {@code sa_family} as a native 16-bit field; the BSDs (macOS too) a length byte
 * ({@code sa_len}) and then an 8-bit family. What follows the header is the family's and
 * is the same on every OS that has the family.
 *
 * <pre>{@code
 * SockAddrLayout.SA_FAMILY.putHeader(b, 0, 2, 16);   // AF_INET, Linux
 * int family = SockAddrLayout.SA_LEN.family(b, 0);   // macOS
 * }</pre>
 */
public enum SockAddrLayout {
    /** {@code sa_family_t sa_family} (16 bits, native order): Linux, Windows. */
    SA_FAMILY {
        @Override
        public void putHeader(ByteBuffer b, int off, int family, int length) {
            b.putShort(off, (short) family);
        }

        @Override
        public int family(ByteBuffer b, int off) {
            return b.getShort(off) & 0xFFFF;
        }

        @Override
        public int maxFamily() {
            return 0xFFFF;
        }
    },
    /** {@code uint8_t sa_len; sa_family_t sa_family} (8 bits): macOS and the BSDs. */
    SA_LEN {
        @Override
        public void putHeader(ByteBuffer b, int off, int family, int length) {
            b.put(off, (byte) length).put(off + 1, (byte) family);
        }

        @Override
        public int family(ByteBuffer b, int off) {
            return b.get(off + 1) & 0xFF;
        }

        @Override
        public int maxFamily() {
            return 0xFF;
        }
    };

    /** Bytes of the header in both layouts: a family's own fields start here. */
    public static final int HEADER = 2;

    /** Writes the header of an address of {@code length} bytes at {@code off}. */
    public abstract void putHeader(ByteBuffer b, int off, int family, int length);

    /** The native family number of the address at {@code off} (at least {@link #HEADER} bytes). */
    public abstract int family(ByteBuffer b, int off);

    /** The largest family number the header can hold. */
    public abstract int maxFamily();
}
