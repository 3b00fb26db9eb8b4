package dev.weft.posix;

/**
 * Where {@code struct msghdr} and {@code struct cmsghdr} keep their fields on one OS
 * (LP64). Linux makes {@code msg_iovlen}, {@code msg_controllen} and {@code cmsg_len}
 * {@code size_t} and aligns control messages to 8; the BSDs use 32-bit fields and align to 4.
 *
 * @param iovLenWide      {@code msg_iovlen} is 8 bytes (else 4)
 * @param controlLenWide  {@code msg_controllen} is 8 bytes (else 4)
 * @param flagsOffset     offset of {@code msg_flags}
 * @param size            {@code sizeof(struct msghdr)}
 * @param cmsgHeader      {@code CMSG_LEN(0)}
 * @param cmsgAlign       control-message alignment
 */
public record MsgLayout(boolean iovLenWide, boolean controlLenWide, int flagsOffset, int size, int cmsgHeader, int cmsgAlign) {
    /** Linux on a 64-bit ABI. */
    public static final MsgLayout LINUX_LP64 = new MsgLayout(true, true, 48, 56, 16, 8);
    /** macOS and the BSDs on a 64-bit ABI. */
    public static final MsgLayout BSD_LP64 = new MsgLayout(false, false, 44, 48, 12, 4);

    static final int NAME = 0;
    static final int NAME_LEN = 8;
    static final int IOV = 16;
    static final int IOV_LEN = 24;
    static final int CONTROL = 32;
    static final int CONTROL_LEN = 40;

    int align(int n) {
        return (n + cmsgAlign - 1) & -cmsgAlign;
    }

    /** {@code CMSG_LEN(n)}, or -1 when it exceeds {@code INT_MAX} (CPython's bound). */
    public int cmsgLen(int n) {
        long r = (long) cmsgHeader + n;
        return n < 0 || r > Integer.MAX_VALUE ? -1 : (int) r;
    }

    /**
     * {@code CMSG_SPACE(n)}, or -1 when out of range: CPython's bound, {@code INT_MAX} less
     * {@code CMSG_SPACE(1)}, which leaves room for the padding before and after the data.
     */
    public int cmsgSpace(int n) {
        return n < 0 || n > Integer.MAX_VALUE - (cmsgHeader + align(1)) ? -1 : cmsgHeader + align(n);
    }
}
