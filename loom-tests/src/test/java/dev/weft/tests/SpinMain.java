package dev.weft.tests;

import dev.weft.Family;
import dev.weft.SockAddr;
import dev.weft.Socket;
import dev.weft.SocketType;
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
            listener.listen(1);
            Socket writer = Socket.open(p, Family.INET, SocketType.STREAM, 0);
            writer.connect(listener.getSockName());
            Socket reader = listener.accept().socket();

            // Data that comes 20 ms into a 2 s spin window: received by retrying, not by parking.
            int before = p.recvs.get();
            Thread.ofVirtual().start(() -> {
                try {
                    Thread.sleep(20);
                    writer.sendAll(new byte[] {7});
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            byte[] got = TestKit.inVirtualThread(Duration.ofSeconds(30), () -> reader.recv(16));
            System.out.println("spun " + (p.recvs.get() - before) + " got " + got.length);

            // A timeout shorter than the window still ends the call on time.
            reader.setTimeout(Duration.ofMillis(30));
            long t0 = System.nanoTime();
            try {
                reader.recv(16);
                System.out.println("timeout none");
            } catch (SocketTimeoutException e) {
                System.out.println("timeout after_ms " + (System.nanoTime() - t0) / 1_000_000);
            }
            writer.close();
            reader.close();
        }
    }
}
