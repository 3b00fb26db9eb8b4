package dev.weft;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The common fields of Linux's {@code struct tcp_info} ({@link SockOpt#TCP_INFO}); the
 * whole structure as the kernel wrote it is in {@link #raw()}. Times are microseconds
 * ({@code rtt}, {@code rto}) or milliseconds ({@code lastData*}) as in the kernel.
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

    /** Decodes what {@code getsockopt(TCP_INFO)} wrote ({@code length} bytes; older kernels write fewer). */
    public static TcpInfo decode(byte[] b, int length) {
        byte[] raw = java.util.Arrays.copyOf(b, length);
        ByteBuffer v = ByteBuffer.wrap(java.util.Arrays.copyOf(b, Math.max(length, 136))).order(ByteOrder.nativeOrder());
        return new TcpInfo(v.get(0) & 0xFF, v.get(1) & 0xFF, v.get(2) & 0xFF, v.get(3) & 0xFF, v.get(4) & 0xFF,
                v.get(5) & 0xFF, v.getInt(8), v.getInt(12), v.getInt(16), v.getInt(20), v.getInt(24), v.getInt(28),
                v.getInt(32), v.getInt(36), v.getInt(44), v.getInt(52), v.getInt(60), v.getInt(68), v.getInt(72),
                v.getInt(76), v.getInt(80), v.getInt(84), v.getInt(88), v.getInt(100), v.getLong(120), v.getLong(128), raw);
    }

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
