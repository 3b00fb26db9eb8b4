package dev.weft.examples;

import static dev.weft.SocketConstants.SOL_SOCKET;
import static dev.weft.SocketConstants.SO_REUSEADDR;

import dev.weft.Family;
import dev.weft.Socket;
import dev.weft.SocketType;
import dev.weft.WeftBindException;

/**
 * The seed's last example: a server that closes its end first leaves the port in
 * TIME_WAIT, so binding it again fails with {@code [Errno 98] Address already in use} —
 * unless {@code SO_REUSEADDR} is set, as the seed shows:
 *
 * <pre>{@code
 * s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
 * s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
 * s.bind((HOST, PORT))
 * }</pre>
 *
 * This program makes the TIME_WAIT itself, shows the error without the flag and the
 * immediate success with it.
 */
public final class ReuseAddr {
    private ReuseAddr() {}

    public static void main(String[] args) throws Exception {
        String HOST = "127.0.0.1";
        int PORT = leaveTimeWait(HOST);
        try (Socket s = Socket.open(Family.INET, SocketType.STREAM)) {
            s.bind(HOST, PORT);
            System.out.println("without SO_REUSEADDR: bound?! (the kernel kept no TIME_WAIT)");
        } catch (WeftBindException e) {
            System.out.println("without SO_REUSEADDR: " + e.getMessage());
        }
        try (Socket s = Socket.open(Family.INET, SocketType.STREAM)) {
            s.setSockOpt(SOL_SOCKET, SO_REUSEADDR, 1);
            s.bind(HOST, PORT);
            s.listen(1);
            System.out.println("with SO_REUSEADDR: bound " + s.getSockName() + " at once");
        }
    }

    /** Runs a connection whose server side closes first, so its port is left in TIME_WAIT. */
    static int leaveTimeWait(String host) throws Exception {
        try (Socket server = Socket.open(Family.INET, SocketType.STREAM)) {
            server.setSockOpt(SOL_SOCKET, SO_REUSEADDR, 1);
            server.bind(host, 0);
            server.listen(1);
            int port = ((dev.weft.SockAddr.Inet4) server.getSockName()).port();
            try (Socket client = Socket.open(Family.INET, SocketType.STREAM)) {
                client.connect(host, port);
                try (var conn = server.accept()) {
                    conn.socket().sendAll(new byte[] {'x'});
                } // the server closes first: its side goes to TIME_WAIT
                client.recv(1);
                client.recv(1); // end of stream
            }
            return port;
        }
    }
}
