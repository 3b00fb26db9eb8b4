package dev.weft.tests;

import dev.weft.Family;
import dev.weft.SockAddr;
import dev.weft.Socket;
import dev.weft.SocketType;
import dev.weft.Sockets;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

/**
 * Run by {@link IcmpPingSocketTest} under {@code unshare -n}, after the namespace's
 * {@code net.ipv4.ping_group_range} was opened to every group: an ICMP ping socket
 * ({@code SOCK_DGRAM} + {@code IPPROTO_ICMP}) gets the kernel's echo reply without an IP
 * header, its id being the socket's port as getsockname reports it; reads in timeout,
 * non-blocking and blocking modes.
 */
public final class PingMain {
    private PingMain() {}

    public static void main(String[] args) throws Exception {
        try (Socket s = Socket.open(Family.INET, SocketType.DGRAM, Sockets.constant("IPPROTO_ICMP", 1))) {
            s.setTimeout(Duration.ofSeconds(10));
            byte[] data = "weft-ping".getBytes(StandardCharsets.US_ASCII);
            // Python's three modes first: timeout and non-blocking with nothing queued, then a
            // reader parked in the poller gets the reply to a request sent meanwhile.
            byte[] first = TestKit.readModes(s, () -> s.sendTo(RawIpTest.echoRequest(8, 0, 4, data), SockAddr.inet("127.0.0.1", 0)));
            PacketVethMain.check(first[0] == 0 && ByteBuffer.wrap(first).getShort(6) == 4, "the parked reader's echo reply, sequence 4");
            s.sendTo(RawIpTest.echoRequest(8, 0, 5, data), SockAddr.inet("127.0.0.1", 0));
            int ident = ((SockAddr.Inet4) s.getSockName()).port();
            Socket.Received r = s.recvFrom(2048);
            ByteBuffer d = ByteBuffer.wrap(r.data());
            PacketVethMain.check(d.get(0) == 0, "an echo reply (type 0), no IP header: type " + d.get(0));
            PacketVethMain.check((d.getShort(4) & 0xffff) == ident, "the id is the socket's port " + ident + ": " + (d.getShort(4) & 0xffff));
            PacketVethMain.check(d.getShort(6) == 5, "our sequence number");
            PacketVethMain.check(Arrays.equals(data, Arrays.copyOfRange(r.data(), 8, r.data().length)), "our data");
            PacketVethMain.check(r.address().equals(SockAddr.inet("127.0.0.1", 0)), "from 127.0.0.1: " + r.address());
        }
        System.out.println("ALL PASSED");
    }
}
