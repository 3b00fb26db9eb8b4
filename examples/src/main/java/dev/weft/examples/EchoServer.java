package dev.weft.examples;

import dev.weft.Family;
import dev.weft.Socket;
import dev.weft.SocketType;

/**
 * The seed's first program, line for line: an IPv4 echo server for one client.
 *
 * <pre>{@code
 * HOST = ''                 # all interfaces
 * PORT = 50007
 * with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
 *     s.bind((HOST, PORT))
 *     s.listen(1)
 *     conn, addr = s.accept()
 *     with conn:
 *         print('Connected by', addr)
 *         while True:
 *             data = conn.recv(1024)
 *             if not data: break
 *             conn.sendall(data)
 * }</pre>
 */
public final class EchoServer {
    private EchoServer() {}

    public static void main(String[] args) throws Exception {
        String HOST = "";                                          // all interfaces
        int PORT = args.length > 0 ? Integer.parseInt(args[0]) : 50007;
        try (Socket s = Socket.open(Family.INET, SocketType.STREAM)) {
            s.bind(HOST, PORT);
            s.listen(1);
            var accepted = s.accept();
            Socket conn = accepted.socket();
            var addr = accepted.address();
            try (conn) {
                System.out.println("Connected by " + addr);
                while (true) {
                    byte[] data = conn.recv(1024);
                    if (data.length == 0) break;
                    conn.sendAll(data);
                }
            }
        }
    }
}
