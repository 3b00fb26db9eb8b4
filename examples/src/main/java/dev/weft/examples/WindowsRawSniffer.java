package dev.weft.examples;

import static dev.weft.SocketConstants.IPPROTO_IP;
import static dev.weft.SocketConstants.IP_HDRINCL;
import static dev.weft.SocketConstants.RCVALL_OFF;
import static dev.weft.SocketConstants.RCVALL_ON;
import static dev.weft.SocketConstants.SIO_RCVALL;

import dev.weft.AddrInfo;
import dev.weft.Family;
import dev.weft.SockAddr;
import dev.weft.Socket;
import dev.weft.SocketType;
import dev.weft.Sockets;
import java.util.List;

/**
 * The seed's program 3, the raw-socket sniffer, in its Windows form, line for line as
 * Python's documentation has it: a raw IP socket bound to the public interface,
 * {@code IP_HDRINCL}, {@code ioctl(SIO_RCVALL, RCVALL_ON)}, one {@code recvfrom(65565)}
 * printed, {@code RCVALL_OFF}. Needs Administrator rights on Windows; elsewhere it says so
 * and ends ({@link RawSniffer} is the Linux form).
 *
 * <pre>
 * java ... dev.weft.examples.WindowsRawSniffer [host-address]
 * </pre>
 */
public final class WindowsRawSniffer {
    private WindowsRawSniffer() {}

    public static void main(String[] args) throws Exception {
        if (!Sockets.provider().name().equals("windows")) {
            System.out.println("WindowsRawSniffer needs Windows (SIO_RCVALL); this is " + Sockets.provider().name()
                    + ": run RawSniffer, the Linux form");
            return;
        }
        // the public network interface: Python's gethostbyname(gethostname()), through getaddrinfo
        String host = args.length > 0 ? args[0] : publicAddress();

        // create a raw socket and bind it to the public interface
        try (Socket s = Socket.open(Family.INET, SocketType.RAW, IPPROTO_IP)) {
            s.bind(SockAddr.inet(host, 0));
            // Include IP headers
            s.setSockOpt(IPPROTO_IP, IP_HDRINCL, 1);
            // receive all packets
            s.ioctl(SIO_RCVALL, RCVALL_ON);
            // receive a packet
            Socket.Received r = s.recvFrom(65565);
            System.out.println("(" + Repr.bytes(r.data()) + ", " + r.address() + ")");
            // disabled promiscuous mode
            s.ioctl(SIO_RCVALL, RCVALL_OFF);
        }
    }

    private static String publicAddress() throws java.io.IOException {
        List<AddrInfo> ai = Sockets.getAddrInfo(Sockets.getHostName(), 0, Family.INET, SocketType.RAW);
        return ((SockAddr.Inet4) ai.get(0).address()).address().getHostAddress();
    }
}
