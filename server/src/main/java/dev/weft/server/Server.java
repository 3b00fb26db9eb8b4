package dev.weft.server;

import dev.weft.Errno;
import dev.weft.OsError;
import dev.weft.SockAddr;
import dev.weft.Socket;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * What every weft server shares, as Python's {@code socketserver.BaseServer}: a socket, a
 * loop ({@link #serveForever()}) that starts one virtual thread per connection or datagram,
 * a cap on how many run at once, errors reported to an {@link ErrorHandler} and never
 * fatal to the server, and {@link #shutdown(Duration)}, which stops the loop and waits for
 * the handlers.
 *
 * <pre>{@code
 * try (var server = StreamServer.tcp("127.0.0.1", 0).build((conn, peer) -> {
 *         for (byte[] b; (b = conn.recv(4096)).length > 0; ) conn.sendAll(b);
 *     })) {
 *     server.start();
 *     ... // clients connect to server.address()
 *     server.shutdown(Duration.ofSeconds(5));
 * }
 * }</pre>
 */
public abstract sealed class Server implements AutoCloseable permits StreamServer, DatagramServer {
    /** Accept errors that belong to one failed connection, not to the server: try again at once. */
    private static final Set<Errno> TRANSIENT = EnumSet.of(Errno.ECONNABORTED, Errno.EPROTO, Errno.EPERM,
            Errno.ENETDOWN, Errno.ENOPROTOOPT, Errno.EHOSTDOWN, Errno.ENONET, Errno.EHOSTUNREACH,
            Errno.EOPNOTSUPP, Errno.ENETUNREACH, Errno.ECONNRESET, Errno.ECONNREFUSED, Errno.EINTR);
    /** Errors that last while the process or system is short of something: back off, then try again. */
    private static final Set<Errno> RESOURCE = EnumSet.of(Errno.EMFILE, Errno.ENFILE, Errno.ENOBUFS, Errno.ENOMEM);
    private static final long BACKOFF_MIN_NANOS = TimeUnit.MILLISECONDS.toNanos(5);
    private static final long BACKOFF_MAX_NANOS = TimeUnit.SECONDS.toNanos(1);
    /** After the grace of {@link #shutdown}, how long handlers get to leave once their connections are closed. */
    private static final long FORCED_EXIT_NANOS = TimeUnit.SECONDS.toNanos(5);

    final Socket socket;
    final ErrorHandler errors;
    private final SockAddr address;
    /** The AF_UNIX path this server bound, removed at shutdown. */
    private final Path boundPath;
    private final Semaphore permits;
    private final int maxConcurrent;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition idle = lock.newCondition();
    private final Condition loopExited = lock.newCondition();
    /** Running handler threads, each with what to close to wake it. */
    private final Map<Thread, AutoCloseable> active = new ConcurrentHashMap<>();
    private final AtomicLong served = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    /** Under {@link #lock}. */
    private Thread serving;
    private volatile boolean stopping;
    private boolean closed;
    private long backoffNanos;

    Server(Socket socket, boolean ownsPath, int maxConcurrent, ErrorHandler errors) throws IOException {
        if (maxConcurrent < 1) {
            throw new IllegalArgumentException("maxConcurrent must be positive: " + maxConcurrent);
        }
        this.socket = socket;
        this.errors = errors == null ? ErrorHandler.STDERR : errors;
        this.maxConcurrent = maxConcurrent;
        this.permits = new Semaphore(maxConcurrent);
        this.address = socket.getSockName();
        this.boundPath = ownsPath && address instanceof SockAddr.Unix u && !u.isAbstract() && !u.isUnnamed()
                ? Path.of(u.path()) : null;
    }

    /** The address the server listens on (with the port the OS chose for port 0). */
    public SockAddr address() {
        return address;
    }

    /** The server's socket, for options and its descriptor; do not accept or receive on it yourself. */
    public Socket socket() {
        return socket;
    }

    /** How many handlers run now. */
    public int activeCount() {
        return active.size();
    }

    /** How many handlers have finished since the server started. */
    public long servedCount() {
        return served.get();
    }

    /** How many handlers have failed (reported to the {@link ErrorHandler}) since the server started. */
    public long failedCount() {
        return failures.get();
    }

    /** At most this many handlers run at once; the loop waits for one to finish before taking more. */
    public int maxConcurrent() {
        return maxConcurrent;
    }

    /**
     * Python's {@code serve_forever()}: serves on this thread until {@link #shutdown} (then
     * returns normally) or an error no retry can cure (then throws it, and the server stops
     * taking work; handlers already running go on). Accept errors that concern one connection
     * ({@code ECONNABORTED}, {@code EPROTO} ...) are retried at once; lack of resources
     * ({@code EMFILE}, {@code ENFILE}, {@code ENOBUFS}, {@code ENOMEM}) is reported to
     * {@link ErrorHandler#acceptFailed} and retried after a pause from 5 ms doubling to 1 s.
     * An interrupt of this thread by anyone but {@link #shutdown} ends it with
     * {@link InterruptedIOException}.
     *
     * @throws IllegalStateException if the server is already serving or was shut down
     */
    public void serveForever() throws IOException {
        lock.lock();
        try {
            if (serving != null) {
                throw new IllegalStateException("already serving");
            }
            if (stopping) {
                throw new IllegalStateException("shut down");
            }
            serving = Thread.currentThread();
        } finally {
            lock.unlock();
        }
        try {
            while (!stopping) {
                try {
                    permits.acquire();
                } catch (InterruptedException e) {
                    if (stopping) {
                        break;
                    }
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("serveForever interrupted");
                }
                boolean handedOver = false;
                try {
                    handedOver = serveOne();
                    backoffNanos = 0;
                } catch (IOException e) {
                    if (stopping) {
                        break;
                    }
                    if (!survive(e)) {
                        throw e;
                    }
                } finally {
                    if (!handedOver) {
                        permits.release();
                    }
                }
            }
        } finally {
            lock.lock();
            try {
                serving = null;
                loopExited.signalAll();
            } finally {
                lock.unlock();
            }
            if (stopping) {
                Thread.interrupted(); // shutdown's wake-up call, not the caller's
            }
        }
    }

    /**
     * Runs {@link #serveForever()} on a new virtual thread and returns; an error that ends it
     * goes to {@link ErrorHandler#serverFailed}.
     */
    public Thread start() {
        return Thread.ofVirtual().name("weft-server " + address).start(() -> {
            try {
                serveForever();
            } catch (Throwable e) {
                report(() -> errors.serverFailed(e));
            }
        });
    }

    /**
     * Takes one connection or datagram and hands it to {@link #spawn}; returns whether it
     * did (the permit then belongs to that handler). Throws what accept or receive threw.
     */
    abstract boolean serveOne() throws IOException;

    /**
     * Starts a handler thread for {@code resource} (what closing wakes it from), holding the
     * permit the loop took; the thread releases it, closes {@code resource} and reports a
     * failure of {@code body}.
     */
    final void spawn(AutoCloseable resource, SockAddr peer, HandlerBody body) {
        Thread t = Thread.ofVirtual().name("weft-handler " + peer).unstarted(() -> {
            try {
                body.run();
            } catch (Throwable e) {
                failures.incrementAndGet();
                report(() -> errors.handlerFailed(peer, e));
            } finally {
                try {
                    if (resource != null) {
                        resource.close();
                    }
                } catch (Exception e) {
                    // the connection is gone either way
                }
                served.incrementAndGet();
                finished(Thread.currentThread());
            }
        });
        active.put(t, resource == null ? socket : resource);
        t.start();
    }

    /** From a handler thread: what {@link #shutdown} closes to wake it is now {@code c} (a TLS socket over the accepted one). */
    final void closeWith(AutoCloseable c) {
        active.replace(Thread.currentThread(), c);
    }

    /** What a handler thread runs. */
    @FunctionalInterface
    interface HandlerBody {
        void run() throws Exception;
    }

    private void finished(Thread t) {
        lock.lock();
        try {
            active.remove(t);
            if (active.isEmpty()) {
                idle.signalAll();
            }
        } finally {
            lock.unlock();
        }
        permits.release();
    }

    /** Whether the loop may go on after {@code e}; pauses first for lack of resources. */
    private boolean survive(IOException e) throws InterruptedIOException {
        Errno errno = e instanceof OsError o ? o.errno() : null;
        if (errno != null && TRANSIENT.contains(errno)) {
            return true;
        }
        if (errno == null || !RESOURCE.contains(errno)) {
            return false;
        }
        backoffNanos = backoffNanos == 0 ? BACKOFF_MIN_NANOS : Math.min(backoffNanos * 2, BACKOFF_MAX_NANOS);
        Duration retryIn = Duration.ofNanos(backoffNanos);
        report(() -> errors.acceptFailed(e, retryIn));
        try {
            Thread.sleep(retryIn);
        } catch (InterruptedException ie) {
            if (!stopping) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("serveForever interrupted");
            }
        }
        return true;
    }

    static void report(Runnable hook) {
        try {
            hook.run();
        } catch (Throwable ignored) {
            // A failing hook must not take the server down with it.
        }
    }

    /**
     * Stops taking work, waits up to {@code grace} for running handlers to return, then
     * closes the connections of those still running (which wakes them with
     * {@code SocketClosedException}) and interrupts them, and waits for them to leave (5 s at
     * most more); finally closes the server's socket (and removes its AF_UNIX path).
     * Idempotent; safe from a handler. Python's {@code shutdown()} and {@code server_close()} in one.
     *
     * @return true if every handler returned within {@code grace}
     */
    public boolean shutdown(Duration grace) throws IOException {
        long graceNanos = grace.isNegative() ? 0 : grace.toNanos();
        boolean first;
        lock.lock();
        try {
            first = !closed;
            closed = true;
            stopping = true;
            if (serving != null && serving != Thread.currentThread()) {
                serving.interrupt(); // wakes accept, the permit wait or a back-off pause
            }
        } finally {
            lock.unlock();
        }
        boolean drained;
        lock.lock();
        try {
            Thread me = Thread.currentThread();
            // The loop leaves at once when interrupted; waiting for it (whatever the grace)
            // means no accept is running when the socket is closed below, so its descriptor
            // is released by the time shutdown returns.
            long loopLeft = FORCED_EXIT_NANOS;
            while (serving != null && serving != me && loopLeft > 0) {
                loopLeft = loopExited.awaitNanos(loopLeft);
            }
            long left = graceNanos;
            while (!othersDone(me) && left > 0) {
                left = idle.awaitNanos(left);
            }
            drained = othersDone(me);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("shutdown interrupted");
        } finally {
            lock.unlock();
        }
        if (!drained) {
            forceStop();
        }
        if (first) {
            closeSocket();
        }
        return drained;
    }

    /** Whether no handler but the calling thread (a handler that calls shutdown) is running. */
    private boolean othersDone(Thread me) {
        return active.isEmpty() || active.size() == 1 && active.containsKey(me);
    }

    private void forceStop() throws InterruptedIOException {
        Thread me = Thread.currentThread();
        for (Map.Entry<Thread, AutoCloseable> e : active.entrySet()) {
            if (e.getKey() == me) {
                continue;
            }
            if (e.getValue() != socket) {
                try {
                    e.getValue().close();
                } catch (Exception ignored) {
                    // closing is the point; an error closing changes nothing
                }
            }
            e.getKey().interrupt();
        }
        // Datagram handlers share the server's socket: interrupt them before it closes, which wakes the rest.
        long deadline = System.nanoTime() + FORCED_EXIT_NANOS;
        lock.lock();
        try {
            while (!othersDone(me)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                idle.awaitNanos(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("shutdown interrupted");
        } finally {
            lock.unlock();
        }
    }

    private void closeSocket() throws IOException {
        try {
            socket.close();
        } finally {
            if (boundPath != null) {
                Files.deleteIfExists(boundPath);
            }
        }
    }

    /** {@code shutdown(Duration.ZERO)}: closes every connection still open now. */
    @Override
    public void close() throws IOException {
        shutdown(Duration.ZERO);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + address + ", active " + active.size() + "/" + maxConcurrent
                + (stopping ? ", shut down" : "") + "]";
    }
}
