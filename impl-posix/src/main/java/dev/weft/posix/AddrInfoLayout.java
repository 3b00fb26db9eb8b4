package dev.weft.posix;

/**
 * Where {@code struct addrinfo} keeps {@code ai_addr} and {@code ai_canonname} on one OS
 * (LP64): after five {@code int}s padded to 24 come the two pointers, in an order that
 * differs, then {@code ai_next} at 40 on both.
 *
 * @param addrOffset      offset of {@code ai_addr}
 * @param canonNameOffset offset of {@code ai_canonname}
 */
public record AddrInfoLayout(int addrOffset, int canonNameOffset) {
    /** glibc and musl: {@code ai_addr}, then {@code ai_canonname}. */
    public static final AddrInfoLayout LINUX_LP64 = new AddrInfoLayout(24, 32);
    /** macOS and the BSDs: {@code ai_canonname}, then {@code ai_addr}. */
    public static final AddrInfoLayout BSD_LP64 = new AddrInfoLayout(32, 24);
}
