package dev.weft.examples;

import static dev.weft.SocketConstants.AI_PASSIVE;

import dev.weft.AddrInfo;
import dev.weft.Family;
import dev.weft.Socket;
import dev.weft.SocketType;
import dev.weft.Sockets;
import java.io.IOException;

/**
 * The seed's IPv4/IPv6 echo server, line for line: it listens on the first address
 * {@code getaddrinfo(None, PORT, AF_UNSPEC, SOCK_STREAM, 0, AI_PASSIVE)} yields that works.
 *
 * <pre>{@code
 * for res in socket.getaddrinfo(HOST, PORT, socket.AF_UNSPEC, socket.SOCK_STREAM, 0, socket.AI_PASSIVE):
 *     af, socktype, proto, canonname, sa = res
 *     try: s = socket.socket(af, socktype, proto)
 *     except OSError as msg: s = None; continue
 *     try: s.bind(sa); s.listen(1)
 *     except OSError as msg: s.close(); s = None; continue
 *     break
 * ...
 *         conn.send(data)
 * }</pre>
 */
public final class DualStackEchoServer {
    private DualStackEchoServer() {}

    public static void main(String[] args) throws Exception {
        int status = run(args);
        if (status != 0) {
            System.exit(status); // sys.exit(1)
        }
    }

    /** The program; returns the exit status instead of exiting, so that it can run in-process. */
    static int run(String[] args) throws Exception {
        String HOST = null;                                        // all interfaces
        int PORT = args.length > 0 ? Integer.parseInt(args[0]) : 50007;
        Socket s = null;
        for (AddrInfo res : Sockets.getAddrInfo(HOST, PORT, Family.UNSPEC, SocketType.STREAM, 0, AI_PASSIVE)) {
            try {
                s = Socket.open(res.family(), res.type(), res.proto());
            } catch (IOException msg) {
                s = null;
                continue;
            }
            try {
                s.bind(res.address());
                s.listen(1);
            } catch (IOException msg) {
                s.close();
                s = null;
                continue;
            }
            break;
        }
        if (s == null) {
            System.out.println("could not open socket");
            return 1;
        }
        try (Socket with = s) {
            var accepted = with.accept();
            try (Socket conn = accepted.socket()) {
                System.out.println("Connected by " + accepted.address());
                while (true) {
                    byte[] data = conn.recv(1024);
                    if (data.length == 0) break;
                    conn.send(data);
                }
            }
        }
        return 0;
    }
}
