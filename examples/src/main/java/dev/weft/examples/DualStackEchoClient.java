package dev.weft.examples;

import dev.weft.AddrInfo;
import dev.weft.Family;
import dev.weft.Socket;
import dev.weft.SocketType;
import dev.weft.Sockets;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The seed's IPv4/IPv6 echo client, line for line: it tries every address the name
 * resolves to and talks over the first that connects.
 *
 * <pre>{@code
 * for res in socket.getaddrinfo(HOST, PORT, socket.AF_UNSPEC, socket.SOCK_STREAM):
 *     af, socktype, proto, canonname, sa = res
 *     try: s = socket.socket(af, socktype, proto)
 *     except OSError as msg: s = None; continue
 *     try: s.connect(sa)
 *     except OSError as msg: s.close(); s = None; continue
 *     break
 * ...
 * }</pre>
 */
public final class DualStackEchoClient {
    private DualStackEchoClient() {}

    public static void main(String[] args) throws Exception {
        int status = run(args);
        if (status != 0) {
            System.exit(status); // sys.exit(1)
        }
    }

    /** The program; returns the exit status instead of exiting, so that it can run in-process. */
    static int run(String[] args) throws Exception {
        String HOST = args.length > 1 ? args[1] : "localhost";     // the remote host
        int PORT = args.length > 0 ? Integer.parseInt(args[0]) : 50007;
        Socket s = null;
        for (AddrInfo res : Sockets.getAddrInfo(HOST, PORT, Family.UNSPEC, SocketType.STREAM)) {
            try {
                s = Socket.open(res.family(), res.type(), res.proto());
            } catch (IOException msg) {
                s = null;
                continue;
            }
            try {
                s.connect(res.address());
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
        byte[] data;
        try (Socket with = s) {
            with.sendAll("Hello, world".getBytes(StandardCharsets.US_ASCII));
            data = with.recv(1024);
        }
        System.out.println("Received " + Repr.bytes(data));
        return 0;
    }
}
