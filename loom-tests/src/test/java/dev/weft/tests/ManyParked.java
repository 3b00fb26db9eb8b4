package dev.weft.tests;

import dev.weft.Family;
import dev.weft.Socket;
import dev.weft.SocketType;
import dev.weft.Sockets;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The scale scenario, shared by {@link ManyParkedTest} (in the test JVM) and its
 * {@link #main} (in a child JVM with one carrier): {@code pairs} socket pairs, one virtual
 * thread in {@code recv} on every descriptor, all parked at once before any data is sent;
 * then every one receives its own 4 bytes. Everything is closed at the end, also on failure.
 *
 * <p>"Parked at once" is checked, not assumed: a thread blocked in the kernel would hold its
 * carrier, so with a handful of carriers the others could never even start their recv.
 */
final class ManyParked {
    private ManyParked() {}

    /** What a run saw. */
    record Result(int threads, int parkedAtOnce, int completed, Set<String> carriers) {}

    static Result run(int pairs, Duration bound) throws Exception {
        long deadline = System.nanoTime() + bound.toNanos();
        List<Socket> sockets = new ArrayList<>(2 * pairs);
        List<Thread> threads = new ArrayList<>(2 * pairs);
        Set<String> carriers = ConcurrentHashMap.newKeySet();
        AtomicInteger completed = new AtomicInteger();
        AtomicReference<Throwable> firstError = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(2 * pairs);
        try {
            for (int i = 0; i < pairs; i++) {
                Sockets.SocketPair p = Sockets.socketPair(Family.UNIX, SocketType.STREAM, 0);
                sockets.add(p.first());
                sockets.add(p.second());
            }
            for (int i = 0; i < sockets.size(); i++) {
                Socket s = sockets.get(i);
                int id = i;
                threads.add(Thread.ofVirtual().name("parked-" + i).start(() -> {
                    try {
                        carriers.add(carrierOf(Thread.currentThread()));
                        byte[] got = TestKit.recvExactly(s, 4);
                        if (ByteBuffer.wrap(got).getInt() != id) {
                            throw new AssertionError("thread " + id + " received " + ByteBuffer.wrap(got).getInt());
                        }
                        completed.incrementAndGet();
                    } catch (Throwable t) {
                        firstError.compareAndSet(null, t);
                    } finally {
                        done.countDown();
                    }
                }));
            }
            // Every thread must be parked in weft before a single byte is sent.
            // A thread seen parked stays counted: it can only leave recv once data is sent.
            List<Thread> pending = new ArrayList<>(threads);
            while (!pending.isEmpty()) {
                pending.removeIf(TestKit::parkedInWeft);
                if (firstError.get() != null) {
                    throw new AssertionError("a receiver failed before data was sent", firstError.get());
                }
                if (!pending.isEmpty()) {
                    if (System.nanoTime() - deadline > 0) {
                        throw new AssertionError("only " + (threads.size() - pending.size()) + " of " + threads.size()
                                + " threads parked within " + bound);
                    }
                    Thread.sleep(20);
                }
            }
            int parked = threads.size() - pending.size();
            int parkedAtOnce = parked;
            // Socket 2k's reader gets what 2k+1 sends, and the other way round.
            for (int i = 0; i < sockets.size(); i++) {
                int peer = i ^ 1;
                sockets.get(peer).sendAll(ByteBuffer.allocate(4).putInt(0, i).array());
            }
            long left = deadline - System.nanoTime();
            if (!done.await(Math.max(left, 1), TimeUnit.NANOSECONDS)) {
                throw new AssertionError("only " + completed.get() + " of " + threads.size() + " receivers completed within " + bound);
            }
            if (firstError.get() != null) {
                throw new AssertionError("a receiver failed", firstError.get());
            }
            return new Result(threads.size(), parkedAtOnce, completed.get(), new HashSet<>(carriers));
        } finally {
            for (Socket s : sockets) {
                s.close();
            }
            for (Thread t : threads) {
                t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            }
        }
    }

    /** The carrier's name from a virtual thread's toString ("VirtualThread[#22]/runnable@ForkJoinPool-1-worker-1"). */
    private static String carrierOf(Thread t) {
        String s = t.toString();
        int at = s.lastIndexOf('@');
        return at < 0 ? s : s.substring(at + 1);
    }

    /**
     * Run in a child JVM by {@link ManyParkedTest} with the scheduler limited to one carrier.
     * Prints {@code OK threads parkedAtOnce completed carriers} and exits 0, or prints the
     * failure and exits 1.
     */
    public static void main(String[] args) {
        int pairs = Integer.parseInt(args[0]);
        try {
            Result r = run(pairs, Duration.ofSeconds(Long.parseLong(args[1])));
            System.out.println("OK " + r.threads() + " " + r.parkedAtOnce() + " " + r.completed() + " " + r.carriers().size()
                    + " " + r.carriers());
            System.out.flush();
            System.exit(0);
        } catch (Throwable t) {
            t.printStackTrace(System.out);
            System.out.flush();
            System.exit(1);
        }
    }
}
