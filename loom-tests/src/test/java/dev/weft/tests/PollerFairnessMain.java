package dev.weft.tests;

import dev.weft.Socket;
import dev.weft.Sockets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Run by {@link PollerFairnessTest} in a child JVM: keeps every carrier busy with echo traffic
 * over many socket pairs, then checks that a virtual thread woken from outside the scheduler
 * (a {@code Thread.sleep}, whose wake-up comes from the JDK's timer thread) still runs.
 * Every connection must have been answered first (each epoll instance is drained).
 * Prints {@code sleeps done median_ms N max_ms N messages M}, or {@code starved} and exits 1
 * if one sleep took over 2 s or all ten over 20 s.
 */
public final class PollerFairnessMain {
    private PollerFairnessMain() {}

    /** Argument: the number of AF_UNIX stream connections (default 1,000). */
    public static void main(String[] args) throws Exception {
        int connections = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        AtomicLongArray perConnection = new AtomicLongArray(connections);
        List<Sockets.SocketPair> pairs = new ArrayList<>(); // keeps the sockets reachable
        for (int i = 0; i < connections; i++) {
            Sockets.SocketPair pair = Sockets.socketPair();
            pairs.add(pair);
            int index = i;
            Thread.ofVirtual().start(() -> echo(pair.second()));
            Thread.ofVirtual().start(() -> exchange(pair.first(), perConnection, index));
        }
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (total(perConnection) < 50_000 || unserved(perConnection) > 0) {
            if (System.nanoTime() > giveUp) {
                System.out.println("unserved: " + unserved(perConnection) + " connections never got an answer");
                System.out.flush();
                Runtime.getRuntime().halt(1);
            }
            Thread.sleep(10); // a platform thread: the load is running before the probe starts
        }
        CountDownLatch done = new CountDownLatch(1);
        long[] took = new long[10];
        Thread.ofVirtual().start(() -> {
            try {
                for (int i = 0; i < took.length; i++) {
                    long t0 = System.nanoTime();
                    Thread.sleep(5);
                    took[i] = System.nanoTime() - t0;
                }
                done.countDown();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        if (!done.await(20, TimeUnit.SECONDS)) {
            System.out.println("starved: 10 sleeps of 5 ms did not finish in 20 s; messages " + total(perConnection));
            System.out.flush();
            Runtime.getRuntime().halt(1);
        }
        java.util.Arrays.sort(took);
        if (took[took.length - 1] > TimeUnit.SECONDS.toNanos(2)) {
            System.out.println("starved: a 5 ms sleep took " + TimeUnit.NANOSECONDS.toMillis(took[took.length - 1]) + " ms");
            System.out.flush();
            Runtime.getRuntime().halt(1);
        }
        System.out.println("sleeps done median_ms " + TimeUnit.NANOSECONDS.toMillis(took[took.length / 2])
                + " max_ms " + TimeUnit.NANOSECONDS.toMillis(took[took.length - 1]) + " messages " + total(perConnection));
        System.out.flush();
        Runtime.getRuntime().halt(0); // the echo threads never end
    }

    private static int unserved(AtomicLongArray perConnection) {
        int n = 0;
        for (int i = 0; i < perConnection.length(); i++) {
            n += perConnection.get(i) == 0 ? 1 : 0;
        }
        return n;
    }

    private static long total(AtomicLongArray perConnection) {
        long n = 0;
        for (int i = 0; i < perConnection.length(); i++) {
            n += perConnection.get(i);
        }
        return n;
    }

    /** Sends 64 B and reads them back, forever, counting each round trip for connection {@code index}. */
    private static void exchange(Socket s, AtomicLongArray perConnection, int index) {
        byte[] message = new byte[64];
        try {
            for (;;) {
                s.sendAll(message);
                TestKit.recvExactly(s, message.length);
                perConnection.incrementAndGet(index);
            }
        } catch (Throwable e) {
            e.printStackTrace();
            Runtime.getRuntime().halt(2);
        }
    }

    /** Sends back every 64 B that comes. */
    private static void echo(Socket s) {
        try {
            for (;;) {
                s.sendAll(TestKit.recvExactly(s, 64));
            }
        } catch (Throwable e) {
            e.printStackTrace();
            Runtime.getRuntime().halt(2);
        }
    }
}
