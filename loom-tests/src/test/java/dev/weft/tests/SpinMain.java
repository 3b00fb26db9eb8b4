package dev.weft.tests;

import dev.weft.Family;
import dev.weft.SockAddr;
import dev.weft.Socket;
import dev.weft.SocketType;
import dev.weft.Sockets;
import dev.weft.spi.SocketProvider;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * Run by {@link SpinTest} in a JVM with {@code -Dweft.spinMicros} set (the setting is read
 * once): prints how many receive calls reached the provider in each scenario.
 */
public final class SpinMain {
    private SpinMain() {}

    public static void main(String[] args) throws Exception {
        DrainedReadTest.Counting p = new DrainedReadTest.Counting();
        try (Socket listener = Socket.open(p, Family.INET, SocketType.STREAM, 0)) {
            listener.bind(SockAddr.inet("127.0.0.1", 0));
            listener.listen(4);

            // Data that comes 20 ms into a 2 s spin window: received by retrying, not by parking.
            // A poller owed a turn for over its busy limit rightly stops a spin at once (see
            // Poller.starved), and in a new JVM, with the compilers busy on both CPUs, it can
            // be: so up to three tries, each on a new connection, and the first that spun counts.
            int spun = 0;
            for (int attempt = 0; attempt < 3 && spun <= 2; attempt++) {
                try (Sockets.SocketPair pair = connect(p, listener)) {
                    int before = p.recvs.get();
                    Thread.ofVirtual().start(() -> {
                        try {
                            Thread.sleep(20);
                            pair.second().sendAll(new byte[] {7});
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    });
                    byte[] got = TestKit.inVirtualThread(Duration.ofSeconds(30), () -> pair.first().recv(16));
                    spun = p.recvs.get() - before;
                    if (got.length != 1) {
                        throw new AssertionError("received " + got.length + " bytes, sent 1");
                    }
                }
            }
            System.out.println("spun " + spun);

            // A timeout shorter than the window still ends the call on time.
            try (Sockets.SocketPair pair = connect(p, listener)) {
                Socket reader = pair.first();
                reader.setTimeout(Duration.ofMillis(30));
                long t0 = System.nanoTime();
                try {
                    reader.recv(16);
                    System.out.println("timeout none");
                } catch (SocketTimeoutException e) {
                    System.out.println("timeout after_ms " + (System.nanoTime() - t0) / 1_000_000);
                }
            }
        }
    }

    /** A new loopback connection through {@code listener}: the accepted end first, then the connecting one. */
    private static Sockets.SocketPair connect(SocketProvider p, Socket listener) throws IOException {
        Socket writer = Socket.open(p, Family.INET, SocketType.STREAM, 0);
        try {
            writer.connect(listener.getSockName());
            return new Sockets.SocketPair(listener.accept().socket(), writer);
        } catch (IOException | RuntimeException e) {
            writer.close();
            throw e;
        }
    }
}
