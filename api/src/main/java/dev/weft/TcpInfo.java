package dev.weft;

/**
 * The common fields of Linux's {@code struct tcp_info} ({@link SockOpt#TCP_INFO}); the
 * whole structure as the kernel wrote it is in {@link #raw()}. Times are microseconds
 * ({@code rtt}, {@code rto}) or milliseconds ({@code lastData*}) as in the kernel. The
 * provider that has {@code tcp_info} builds it ({@link dev.weft.spi.SocketProvider#decodeTcpInfo}).
 *
 * <pre>{@code
 * TcpInfo info = s.getOption(SockOpt.TCP_INFO);
 * System.out.println("rtt " + info.rttMicros() + " us, cwnd " + info.sndCwnd());
 * }</pre>
 */
public record TcpInfo(int state, int caState, int retransmits, int probes, int backoff, int options, int rtoMicros,
        int atoMicros, int sndMss, int rcvMss, int unacked, int sacked, int lost, int retrans, int lastDataSentMillis,
        int lastDataRecvMillis, int pmtu, int rttMicros, int rttVarMicros, int sndSsthresh, int sndCwnd, int advMss,
        int reordering, int totalRetrans, long bytesAcked, long bytesReceived, byte[] raw) {

    @Override
    public byte[] raw() {
        return raw.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TcpInfo t && java.util.Arrays.equals(raw, t.raw);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(raw);
    }

    @Override
    public String toString() {
        return "TcpInfo[state=" + state + ", rtt=" + rttMicros + "us, cwnd=" + sndCwnd + ", mss=" + sndMss
                + ", retrans=" + totalRetrans + ", acked=" + bytesAcked + ", received=" + bytesReceived + "]";
    }
}
