package dev.weft;

import dev.weft.spi.SocketProvider;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Happy Eyeballs v2 connection racing (RFC 8305 section 5): addresses are interleaved by
 * family, a new attempt starts every {@code attemptDelay} or as soon as the previous one
 * fails, and the first to connect wins; the others are closed. Each attempt runs on its own
 * virtual thread, so a stalled IPv6 path costs one delay, not one timeout.
 */
final class HappyEyeballs {
    private HappyEyeballs() {}

    /** RFC 8305 section 4: alternate families, starting with the family of the first address. */
    static List<SockAddr> interleave(List<SockAddr> targets) {
        if (targets.isEmpty()) {
            return targets;
        }
        SocketProvider p = Sockets.provider();
        Family first = Sockets.familyOf(p, targets.get(0));
        Deque<SockAddr> a = new ArrayDeque<>();
        Deque<SockAddr> b = new ArrayDeque<>();
        for (SockAddr t : targets) {
            (Sockets.familyOf(p, t) == first ? a : b).add(t);
        }
        List<SockAddr> out = new ArrayList<>(targets.size());
        while (!a.isEmpty() || !b.isEmpty()) {
            if (!a.isEmpty()) {
                out.add(a.poll());
            }
            if (!b.isEmpty()) {
                out.add(b.poll());
            }
        }
        return out;
    }

    /** An attempt's end: its socket, or the I/O failure collected, or a programming error to rethrow. */
    private record Outcome(Socket socket, IOException failure, RuntimeException bug) {}

    static Socket connect(List<SockAddr> targets, Duration timeout, SockAddr source, Duration attemptDelay, long start)
            throws IOException {
        List<SockAddr> order = interleave(Sockets.attempts(Sockets.provider(), targets, source));
        if (order.isEmpty()) {
            throw new UnknownHostException("getaddrinfo returns an empty list");
        }
        long total = Sockets.toNanos(timeout);
        long delay = Math.max(1, Sockets.toNanos(attemptDelay));
        LinkedBlockingQueue<Outcome> outcomes = new LinkedBlockingQueue<>();
        Queue<Socket> open = new ConcurrentLinkedQueue<>();
        AtomicBoolean done = new AtomicBoolean();
        List<IOException> failures = new ArrayList<>();
        int started = 0;
        int finished = 0;
        try {
            while (finished < order.size()) {
                if (started < order.size()) {
                    SockAddr target = order.get(started++);
                    Thread.ofVirtual().name("weft-happy-eyeballs").start(() -> attempt(target, source, total, start, open, outcomes, done));
                }
                // Wait for an outcome: until the next attempt is due, or, all started, until the deadline.
                long wait = started < order.size() ? delay : total > 0 ? total - (System.nanoTime() - start) : Long.MAX_VALUE;
                if (total > 0) {
                    wait = Math.min(wait, total - (System.nanoTime() - start));
                }
                Outcome o = wait <= 0 ? outcomes.poll() : outcomes.poll(wait, TimeUnit.NANOSECONDS);
                while (o != null) {
                    finished++;
                    if (o.socket != null) {
                        o.socket.setTimeout(timeout);
                        open.remove(o.socket);
                        return o.socket;
                    }
                    if (o.bug != null) {
                        throw o.bug;
                    }
                    failures.add(o.failure);
                    o = outcomes.poll();
                }
                if (total > 0 && System.nanoTime() - start >= total) {
                    failures.add(Errors.timedOut(0));
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while connecting");
        } finally {
            // Losers and stragglers: closing wakes any still connecting; an attempt that
            // registers after this drain sees done and closes its own socket.
            done.set(true);
            for (Socket s; (s = open.poll()) != null; ) {
                s.close();
            }
        }
        IOException last = failures.get(failures.size() - 1);
        for (IOException f : failures) {
            if (f != last) {
                last.addSuppressed(f);
            }
        }
        throw last;
    }

    private static void attempt(SockAddr target, SockAddr source, long total, long start, Queue<Socket> open,
            LinkedBlockingQueue<Outcome> outcomes, AtomicBoolean done) {
        Socket s = null;
        try {
            s = Socket.open(Sockets.familyOf(Sockets.provider(), target), SocketType.STREAM, 0);
            open.add(s);
            if (done.get()) {
                throw new SocketClosedException(Errno.ECANCELED, 0, "the race was over");
            }
            Sockets.setRemaining(s, total, start, null); // a race needs each attempt to wait
            if (source != null) {
                s.bind(source); // every target has the source's family (Sockets.attempts)
            }
            s.connect(target);
            if (done.get()) {
                throw new SocketClosedException(Errno.ECANCELED, 0, "the race was over");
            }
            outcomes.add(new Outcome(s, null, null));
        } catch (IOException | RuntimeException e) {
            if (s != null) {
                open.remove(s);
                try {
                    s.close();
                } catch (IOException ignored) {
                    // closing a socket that failed to connect
                }
            }
            if (e instanceof RuntimeException bug) {
                outcomes.add(new Outcome(null, null, bug));
                return;
            }
            IOException io = (IOException) e;
            if (e instanceof SocketTimeoutException || e instanceof SocketClosedException) {
                io.addSuppressed(new IOException("connect to " + target + " did not finish"));
            }
            outcomes.add(new Outcome(null, io, null));
        }
    }
}
