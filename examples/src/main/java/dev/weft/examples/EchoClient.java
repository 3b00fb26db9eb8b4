package dev.weft.examples;

import dev.weft.Family;
import dev.weft.Socket;
import dev.weft.SocketType;
import java.nio.charset.StandardCharsets;

/**
 * The seed's echo client, line for line (its remote host becomes the loopback here).
 *
 * <pre>{@code
 * with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
 *     s.connect((HOST, PORT))
 *     s.sendall(b'Hello, world')
 *     data = s.recv(1024)
 * print('Received', repr(data))
 * }</pre>
 */
public final class EchoClient {
    private EchoClient() {}

    public static void main(String[] args) throws Exception {
        String HOST = args.length > 1 ? args[1] : "127.0.0.1";     // the remote host
        int PORT = args.length > 0 ? Integer.parseInt(args[0]) : 50007;
        byte[] data;
        try (Socket s = Socket.open(Family.INET, SocketType.STREAM)) {
            s.connect(HOST, PORT);
            s.sendAll("Hello, world".getBytes(StandardCharsets.US_ASCII));
            data = s.recv(1024);
        }
        System.out.println("Received " + Repr.bytes(data));
    }
}
