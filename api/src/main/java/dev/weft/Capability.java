package dev.weft;

/**
 * What the running OS and kernel offer, probed once by the provider. Tests skip by these,
 * and any capability can be switched off with {@code -Dweft.capability.NAME=false} (to try
 * a fallback path, or to work around a broken kernel feature).
 *
 * <pre>{@code
 * if (Sockets.supports(Capability.UNIX_ABSTRACT)) s.bind(SockAddr.unixAbstract("svc"));
 * }</pre>
 */
public enum Capability {
    /** IPv4 sockets. */
    INET,
    /** IPv6 sockets (an IPv6 loopback exists). */
    INET6,
    /** An {@code AF_INET6} socket with {@code IPV6_V6ONLY} off also takes IPv4 (Python's has_dualstack_ipv6). */
    DUAL_STACK,
    /** {@code AF_UNIX} stream sockets. */
    UNIX_STREAM,
    /** {@code AF_UNIX} datagram sockets. */
    UNIX_DGRAM,
    /** {@code AF_UNIX} sequenced-packet sockets. */
    UNIX_SEQPACKET,
    /** Linux's abstract namespace for {@code AF_UNIX} names. */
    UNIX_ABSTRACT,
    /** Autobind: binding an {@code AF_UNIX} socket to the empty name picks a unique abstract name. */
    UNIX_AUTOBIND,
    /** {@code SO_REUSEPORT}. */
    REUSEPORT,
    /** {@code socketpair(2)}. */
    SOCKETPAIR;

    /** True unless {@code -Dweft.capability.NAME=false} switched it off. */
    boolean enabledByProperty() {
        return !"false".equalsIgnoreCase(System.getProperty("weft.capability." + name()));
    }
}
