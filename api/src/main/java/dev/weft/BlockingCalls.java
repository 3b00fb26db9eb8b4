package dev.weft;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs calls that can block in the kernel and have no non-blocking form (getaddrinfo,
 * a lingering close) on a small pool of platform threads while the caller parks, so that
 * no carrier of virtual threads is ever held. The pool size is
 * {@code -Dweft.blockingThreads} (default 2 x CPUs, at least 4).
 */
final class BlockingCalls {
    private BlockingCalls() {}

    private static final ExecutorService POOL = newPool();

    private static ExecutorService newPool() {
        int n = Integer.getInteger("weft.blockingThreads", Math.max(4, 2 * Runtime.getRuntime().availableProcessors()));
        AtomicInteger ids = new AtomicInteger();
        ThreadPoolExecutor ex = new ThreadPoolExecutor(n, n, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "weft-blocking-" + ids.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        ex.allowCoreThreadTimeOut(true);
        return ex;
    }

    /**
     * Runs {@code call} on the pool and parks until it finishes. {@code timeoutNanos < 0}
     * waits without limit. The call itself cannot be cut short; on timeout or interrupt the
     * caller returns and the call's result is dropped.
     */
    static <T> T call(Callable<T> call, long timeoutNanos) throws IOException {
        Future<T> f = POOL.submit(call);
        try {
            return timeoutNanos < 0 ? f.get() : f.get(timeoutNanos, TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof IOException io) {
                // Rethrow the same type with this thread's stack, keeping the original as cause.
                io.addSuppressed(new Exception("called from " + Thread.currentThread()));
                throw io;
            }
            if (c instanceof RuntimeException re) {
                throw re;
            }
            if (c instanceof Error err) {
                throw err;
            }
            throw new IOException(c);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            f.cancel(false);
            throw new InterruptedIOException("interrupted while waiting for a blocking call");
        } catch (TimeoutException e) {
            f.cancel(false);
            throw Errors.timedOut(0);
        }
    }
}
