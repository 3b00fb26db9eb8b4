package dev.weft.interop;

import dev.weft.SockAddr;
import java.net.SocketAddress;
import java.util.Objects;

/**
 * A weft address as a {@link SocketAddress}, for the forms {@code java.net} has no class
 * for (an AF_UNIX abstract name, VSOCK, netlink, a raw {@code sockaddr}).
 * {@link WeftSockets#socketAddress} makes one only for those; IP and AF_UNIX paths become
 * {@code InetSocketAddress} and {@code UnixDomainSocketAddress}. Not serializable in
 * practice: weft's addresses are not.
 *
 * <pre>{@code
 * socket.connect(new WeftSocketAddress(SockAddr.unixAbstract("app")), 1_000);
 * }</pre>
 */
public final class WeftSocketAddress extends SocketAddress {
    private static final long serialVersionUID = 1L;

    /** The weft address (not serializable: {@code SockAddr} is not). */
    private final transient SockAddr sockAddr;

    /** Wraps {@code sockAddr}. */
    public WeftSocketAddress(SockAddr sockAddr) {
        this.sockAddr = Objects.requireNonNull(sockAddr, "sockAddr");
    }

    /** The weft address. */
    public SockAddr sockAddr() {
        return sockAddr;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WeftSocketAddress w && Objects.equals(sockAddr, w.sockAddr);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(sockAddr);
    }

    @Override
    public String toString() {
        return String.valueOf(sockAddr);
    }
}
