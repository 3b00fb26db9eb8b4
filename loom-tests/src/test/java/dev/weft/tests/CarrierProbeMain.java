package dev.weft.tests;

import dev.weft.AddrInfo;
import dev.weft.Family;
import dev.weft.SockAddr;
import dev.weft.SocketType;
import dev.weft.Sockets;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Child JVM of {@link ResolverCarrierTest}, run with one carrier
 * ({@code jdk.virtualThreadScheduler.parallelism=1, maxPoolSize=1}) and the
 * {@link BlockingProbeProvider}, whose lookups block their thread in {@code read(2)} until
 * a byte arrives. 1,000 virtual threads call {@code getAddrInfo}; one more virtual thread
 * opens the gate once a lookup has blocked. That thread can run only if no lookup holds
 * the carrier, so the calls complete only if weft keeps them off it.
 *
 * <p>Modes: {@code pool} goes through {@link Sockets#getAddrInfo} (must finish, exit 0,
 * then checks interrupt and timeout); {@code direct} calls the provider on the virtual
 * threads themselves, the control that shows the probe catches a held carrier (prints
 * STUCK, exit 3).
 */
public final class CarrierProbeMain {
    private static final int CALLS = 1000;

    public static void main(String[] args) throws Exception {
        boolean direct = args[0].equals("direct");
        if (!Sockets.provider().name().equals("blocking-probe")) {
            throw new IllegalStateException("provider is " + Sockets.provider().name());
        }
        CountDownLatch done = new CountDownLatch(CALLS);
        AtomicInteger good = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        for (int i = 0; i < CALLS; i++) {
            Thread.ofVirtual().start(() -> {
                try {
                    List<AddrInfo> r = direct
                            ? Sockets.provider().getAddrInfo("localhost", "80", Sockets.provider().nativeFamily(Family.INET),
                                    Sockets.provider().nativeType(SocketType.STREAM), 0, 0)
                            : Sockets.getAddrInfo("localhost", 80, Family.INET, SocketType.STREAM);
                    if (r.size() == 1 && r.get(0).address().equals(SockAddr.inet("127.0.0.1", 80))) {
                        good.incrementAndGet();
                    }
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                } finally {
                    done.countDown();
                }
            });
        }
        // The releaser: a virtual thread like the callers, queued behind all of them.
        Thread.ofVirtual().start(() -> {
            try {
                while (BlockingProbeProvider.ENTERED.get() == 0) {
                    Thread.sleep(1);
                }
                BlockingProbeProvider.open(CALLS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        if (!done.await(direct ? 2 : 60, TimeUnit.SECONDS)) {
            System.out.println("STUCK entered=" + BlockingProbeProvider.ENTERED.get() + " done=" + (CALLS - done.getCount()));
            System.out.flush();
            Runtime.getRuntime().halt(3);
        }
        if (failure.get() != null) {
            failure.get().printStackTrace();
            System.exit(1);
        }
        System.out.println("COMPLETED " + good.get() + " of " + CALLS + ", on virtual threads "
                + BlockingProbeProvider.ON_VIRTUAL_THREAD.get());
        if (direct) {
            return;
        }

        // Interrupt: the caller leaves at once, its lookup still blocked on the pool.
        AtomicReference<Throwable> seen = new AtomicReference<>();
        int entered = BlockingProbeProvider.ENTERED.get();
        Thread caller = Thread.ofVirtual().start(() -> {
            try {
                Sockets.getAddrInfo("localhost", 80, Family.INET, SocketType.STREAM);
            } catch (Throwable t) {
                seen.set(t);
            }
            if (!Thread.currentThread().isInterrupted()) {
                seen.set(new AssertionError("interrupt status lost"));
            }
        });
        while (BlockingProbeProvider.ENTERED.get() == entered) {
            Thread.sleep(1);
        }
        caller.interrupt();
        caller.join(5000);
        System.out.println("INTERRUPT " + (seen.get() instanceof InterruptedIOException ? "ok" : "wrong: " + seen.get()));

        // Timeout: createConnection's deadline covers a lookup that never ends.
        long t0 = System.nanoTime();
        String timeout;
        try {
            Sockets.createConnection("localhost", 9, Duration.ofMillis(200), null).close();
            timeout = "wrong: connected";
        } catch (SocketTimeoutException e) {
            timeout = "ok";
        } catch (Throwable t) {
            timeout = "wrong: " + t;
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        System.out.println("TIMEOUT " + timeout + " after " + (ms >= 200 && ms < 5000 ? "the deadline" : ms + " ms"));
        BlockingProbeProvider.open(2); // free the two pool threads still blocked
        System.exit(0);
    }
}
