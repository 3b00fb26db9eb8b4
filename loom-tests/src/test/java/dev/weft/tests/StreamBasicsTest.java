package dev.weft.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.Family;
import dev.weft.SockAddr;
import dev.weft.Socket;
import dev.weft.SocketType;
import dev.weft.Sockets;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class StreamBasicsTest {
    @Test
    void tcpEchoOverLoopbackOnVirtualThreads() throws Exception {
        try (Socket server = Sockets.createServer(SockAddr.inet("127.0.0.1", 0));
             var exec = Executors.newVirtualThreadPerTaskExecutor()) {
            SockAddr addr = server.getSockName();
            Future<?> echo = exec.submit(() -> {
                try (Socket.Accepted a = server.accept()) {
                    for (byte[] b; (b = a.socket().recv(1024)).length > 0; ) {
                        a.socket().sendAll(b);
                    }
                }
                return null;
            });
            Future<byte[]> reply = exec.submit(() -> {
                try (Socket c = Socket.open(Family.INET, SocketType.STREAM)) {
                    c.connect(addr);
                    c.sendAll("hello weft".getBytes(StandardCharsets.UTF_8));
                    c.shutdown(Socket.SHUT_WR);
                    byte[] all = new byte[0];
                    for (byte[] b; (b = c.recv(1024)).length > 0; ) {
                        byte[] n = new byte[all.length + b.length];
                        System.arraycopy(all, 0, n, 0, all.length);
                        System.arraycopy(b, 0, n, all.length, b.length);
                        all = n;
                    }
                    return all;
                }
            });
            assertArrayEquals("hello weft".getBytes(StandardCharsets.UTF_8), reply.get());
            echo.get();
            assertEquals(Family.INET, server.family());
        }
    }
}
