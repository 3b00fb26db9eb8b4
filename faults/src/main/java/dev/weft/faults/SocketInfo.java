package dev.weft.faults;

import dev.weft.Family;
import dev.weft.SocketType;

/**
 * A socket as a {@link FaultSource} sees it.
 *
 * @param label its name in the log: {@code s<n>} for the n-th socket opened (or first seen)
 *     in the session, {@code s<n>a<k>} for the k-th connection accepted on {@code s<n>},
 *     {@code dns:<host>} for lookups of a host
 * @param type its type, or null if unknown
 * @param family its family, or null if unknown
 */
public record SocketInfo(String label, SocketType type, Family family) {
    /** True for a stream socket (byte stream: partial results and resets apply). */
    public boolean isStream() {
        return type == SocketType.STREAM;
    }

    /** True for a UDP socket (datagrams may be lost, duplicated, reordered, truncated). */
    public boolean isUdp() {
        return type == SocketType.DGRAM && (family == Family.INET || family == Family.INET6);
    }

    /** True if connect makes a connection (stream and SEQPACKET), not only sets a default peer. */
    public boolean isConnectionOriented() {
        return type == SocketType.STREAM || type == SocketType.SEQPACKET;
    }
}
