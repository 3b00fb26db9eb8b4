package dev.weft.examples;

import dev.weft.Socket;
import dev.weft.server.StreamServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The TCP example of Python's {@code socketserver} documentation, line for line, on
 * {@link StreamServer} (every connection on its own virtual thread):
 *
 * <pre>{@code
 * class MyTCPHandler(socketserver.BaseRequestHandler):
 *     def handle(self):
 *         # self.request is the TCP socket connected to the client
 *         self.data = self.request.recv(1024).strip()
 *         print("Received from {}:".format(self.client_address[0]))
 *         print(self.data)
 *         # just send back the same data, but upper-cased
 *         self.request.sendall(self.data.upper())
 *
 * if __name__ == "__main__":
 *     HOST, PORT = "localhost", 9999
 *     with socketserver.TCPServer((HOST, PORT), MyTCPHandler) as server:
 *         server.serve_forever()
 * }</pre>
 */
public final class SocketServerEcho {
    private SocketServerEcho() {}

    /** {@code MyTCPHandler.handle}. */
    static void handle(Socket request, dev.weft.SockAddr clientAddress) throws IOException {
        // request is the TCP socket connected to the client
        String data = new String(request.recv(1024), StandardCharsets.UTF_8).strip();
        System.out.println("Received from " + clientAddress + ":");
        System.out.println(data);
        // just send back the same data, but upper-cased
        request.sendAll(data.toUpperCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
    }

    /** {@code socketserver.TCPServer((host, port), MyTCPHandler)}. */
    static StreamServer<Socket> create(String host, int port) throws IOException {
        return StreamServer.tcp(host, port).build(SocketServerEcho::handle);
    }

    public static void main(String[] args) throws Exception {
        String HOST = "localhost";
        int PORT = args.length > 0 ? Integer.parseInt(args[0]) : 9999;
        // Create the server, binding to localhost on port 9999
        try (StreamServer<Socket> server = create(HOST, PORT)) {
            System.out.println("Serving on " + server.address());
            // Activate the server; this will keep running until the process is stopped
            server.serveForever();
        }
    }
}
