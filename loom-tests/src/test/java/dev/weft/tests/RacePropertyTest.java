package dev.weft.tests;

import static dev.weft.tests.PropertySupport.gen;
import static dev.weft.tests.PropertySupport.theory;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.BrokenPipeException;
import dev.weft.ConnectionResetException;
import dev.weft.Family;
import dev.weft.SockAddr;
import dev.weft.Socket;
import dev.weft.SocketClosedException;
import dev.weft.SocketType;
import dev.weft.Sockets;
import dev.weft.WeftTimeoutException;
import dev.weft.kit.Chunkings;
import dev.weft.kit.FaultInjector;
import dev.weft.kit.FaultSchedule;
import dev.weft.spi.SocketProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Random interleavings of close, interrupt, timeout and shutdown with I/O in flight never
 * lose, duplicate or reorder a byte, never leak a descriptor, never hang and never crash.
 *
 * <p>Each example runs one to three connections at once (AF_UNIX socket pairs or TCP over
 * loopback, sometimes on a provider that injects transient EINTR/EAGAIN faults), each with
 * a writer and a reader on virtual threads moving random data in random chunkings. A
 * disruptor thread picks one connection and, at random moments, does one to three of the
 * {@link Action}s to it. The reader knows the size and the writer stays quiet until the
 * reader stops, so a blocked thread that only a close or an interrupt can wake is woken by
 * nothing else. Then:
 * <ul>
 * <li>every reader got a prefix of what its writer sent, in order;
 * <li>with only interrupts and timeouts, all of it: each {@code InterruptedIOException}
 *     kept the interrupt status and the socket, and {@code bytesTransferred} was exactly
 *     what moved, so the writer resumed where it stopped;
 * <li>when only the writer's side was cut (close, shutdown), exactly what the kernel
 *     accepted from the writer arrived;
 * <li>the connections left alone got all their data;
 * <li>every thread ended within the bound, with an exception its action explains;
 * <li>the process has as many descriptors open as before, and a new socket pair works.
 * </ul>
 */
class RacePropertyTest {
    enum Action {
        CLOSE_READER_SOCKET, CLOSE_WRITER_SOCKET, INTERRUPT_READER, INTERRUPT_WRITER, TIMEOUTS_ON_READER,
        TIMEOUTS_ON_WRITER, SHUTDOWN_WRITER_WR, SHUTDOWN_READER_RD;

        /** Cuts the stream on the reader's side: only a prefix can be promised. */
        boolean cutsReader() {
            return this == CLOSE_READER_SOCKET || this == SHUTDOWN_READER_RD;
        }

        /** Cuts the stream on the writer's side: what the kernel accepted still arrives. */
        boolean cutsWriter() {
            return this == CLOSE_WRITER_SOCKET || this == SHUTDOWN_WRITER_WR;
        }
    }

    /** One disruption: do {@code action} after {@code delayMicros}, or once {@code afterBytes} have been read. */
    record Step(Action action, int delayMicros, long afterBytes) {}

    /** One example, all from one seed. */
    record Scenario(boolean tcp, FaultSchedule faults, int connections, int victim, int size, List<Step> steps, long stallAt,
            boolean slowReader, long seed) {
        @Override
        public String toString() {
            return (tcp ? "TCP" : "UNIX") + " x" + connections + ", victim " + victim + ", " + size + " bytes, " + steps
                    + (stallAt >= 0 ? ", writer stalls at " + stallAt : "") + (slowReader ? ", slow reader" : "")
                    + (faults != null ? ", faults " + faults.faults() : "") + ", data seed " + seed;
        }
    }

    static Scenario scenario(RandomGenerator r) {
        int connections = 1 + r.nextInt(3);
        List<Step> steps = new ArrayList<>();
        int n = 1 + r.nextInt(3);
        int size = 16 * 1024 + r.nextInt(PropertySupport.SOAK > 1 ? 2 << 20 : 512 << 10);
        for (int i = 0; i < n; i++) {
            Action a = Action.values()[r.nextInt(Action.values().length)];
            // At a moment in time (mostly within a transfer's few milliseconds), or at a point of progress.
            steps.add(r.nextBoolean() ? new Step(a, r.nextInt(r.nextBoolean() ? 2_000 : 20_000), -1) : new Step(a, 0, r.nextLong(size)));
        }
        FaultSchedule faults = r.nextInt(3) == 0
                ? FaultSchedule.transientFaults(r, EnumSet.of(FaultInjector.Call.RECV, FaultInjector.Call.SEND, FaultInjector.Call.ACCEPT,
                        FaultInjector.Call.CONNECT))
                : null;
        // With a step that ends the reader, the victim's writer may fall silent part way until
        // the reader has stopped: only that step can then wake the blocked reader.
        long stallAt = steps.stream().anyMatch(x -> x.action().cutsReader()) && r.nextBoolean() ? r.nextLong(size) : -1;
        // A slow reader keeps writers waiting, so that timeouts and interrupts find sendall part way.
        boolean slowReader = r.nextBoolean();
        return new Scenario(r.nextBoolean(), faults, connections, r.nextInt(connections), size, steps, stallAt, slowReader,
                r.nextLong());
    }

    @BeforeAll
    static void linuxFds() {
        Assumptions.assumeTrue(PropertySupport.canCountFds(), "needs /proc/self/fd or /dev/fd to count descriptors");
    }

    @Test
    void closeInterruptTimeoutAndShutdownNeverLoseBytesLeakDescriptorsOrHang() throws Exception {
        run(scenario(new SplittableRandom(1))); // warm up: lazily opened descriptors (poller, libraries) are not leaks
        theory(200).forAll(gen(RacePropertyTest::scenario)).checkAssert(s -> {
            long before = PropertySupport.openFds();
            try {
                run(s.value());
            } catch (Exception e) {
                throw new AssertionError(s.value() + ": " + e, e);
            }
            assertEquals(before, PropertySupport.openFds(), () -> "descriptors open before and after " + s.value());
            try (var p = Sockets.socketPair()) { // the poller still serves new sockets, whatever numbers they reuse
                p.first().setTimeout(Duration.ofSeconds(10));
                p.second().setTimeout(Duration.ofSeconds(10));
                p.first().send(new byte[] {1});
                assertArrayEquals(new byte[] {1}, p.second().recv(1));
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        });
    }

    /** One connection's state, shared by its threads. */
    static final class Conn {
        final byte[] data;
        final Socket writerSocket;
        final Socket readerSocket;
        final ByteArrayOutputStream got = new ByteArrayOutputStream();
        final AtomicLong read = new AtomicLong();
        /** Bytes the kernel accepted from the writer. */
        final AtomicLong accepted = new AtomicLong();
        volatile Throwable writerEnd;
        volatile Throwable readerEnd;
        volatile Thread writer;
        volatile Thread reader;
        /** The writer has fallen silent until the reader stops. */
        volatile boolean stalled;
        final List<String> problems = java.util.Collections.synchronizedList(new ArrayList<>());

        Conn(byte[] data, Socket writerSocket, Socket readerSocket) {
            this.data = data;
            this.writerSocket = writerSocket;
            this.readerSocket = readerSocket;
        }
    }

    static void run(Scenario s) throws Exception {
        SocketProvider provider = s.faults() != null ? s.faults().wrap(Sockets.provider()) : Sockets.provider();
        RandomGenerator r = new SplittableRandom(s.seed());
        List<Conn> conns = new ArrayList<>();
        List<Socket> opened = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        try {
            connect(s, provider, r, conns, opened);
            for (Conn c : conns) {
                int[] writes = Chunkings.split(r, c.data.length, 256 << 10);
                int[] reads = Chunkings.split(r, c.data.length, 128 << 10);
                boolean useSendAll = r.nextInt(4) != 0;
                long stallAt = c == conns.get(s.victim()) ? s.stallAt() : -1;
                c.writer = Thread.ofVirtual().name("writer").unstarted(() -> write(c, writes, useSendAll, stallAt));
                c.reader = Thread.ofVirtual().name("reader").unstarted(() -> read(c, reads, s.slowReader()));
                threads.add(c.writer);
                threads.add(c.reader);
                c.reader.start();
                c.writer.start();
            }
            Conn victim = conns.get(s.victim());
            long actSeed = r.nextLong();
            threads.add(Thread.ofVirtual().name("disruptor").start(() -> disrupt(victim, s.steps(), new SplittableRandom(actSeed))));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            for (Thread t : threads) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || !t.join(Duration.ofNanos(Math.max(1, left)))) {
                    StringBuilder sb = new StringBuilder("HANG: threads still running after 30 s");
                    for (Thread u : threads) {
                        if (u.isAlive()) {
                            sb.append("\n  ").append(u).append(Arrays.toString(u.getStackTrace()));
                        }
                    }
                    throw new AssertionError(sb.toString());
                }
            }
        } finally {
            for (Socket o : opened) {
                o.close();
            }
            for (Thread t : threads) {
                t.interrupt(); // after a hang, free the threads for the next example
            }
        }
        for (int i = 0; i < conns.size(); i++) {
            check(conns.get(i), i == s.victim() ? s.steps() : List.of(), "connection " + i);
        }
    }

    /** Makes the scenario's connections; every socket made goes into {@code opened}, for the caller to close. */
    private static void connect(Scenario s, SocketProvider provider, RandomGenerator r, List<Conn> conns, List<Socket> opened)
            throws IOException {
        Socket listener = null;
        if (s.tcp()) {
            listener = Socket.open(provider, Family.INET, SocketType.STREAM, 0);
            opened.add(listener);
            listener.bind(SockAddr.inet("127.0.0.1", 0));
            listener.listen(8);
            listener.setTimeout(Duration.ofSeconds(10));
        }
        for (int i = 0; i < s.connections(); i++) {
            Socket a;
            Socket b;
            if (s.tcp()) {
                a = Socket.open(provider, Family.INET, SocketType.STREAM, 0);
                opened.add(a);
                a.setTimeout(Duration.ofSeconds(10));
                a.connect(listener.getSockName());
                b = listener.accept().socket();
                opened.add(b);
                a.setTimeout(null);
            } else {
                var pair = Sockets.socketPair(provider, Family.UNIX, SocketType.STREAM, 0);
                a = pair.first();
                b = pair.second();
                opened.add(a);
                opened.add(b);
            }
            conns.add(new Conn(Chunkings.data(r, s.size()), a, b));
        }
        if (listener != null) {
            listener.close();
        }
    }

    private static void check(Conn c, List<Step> steps, String which) {
        assertTrue(c.problems.isEmpty(), which + ": " + c.problems);
        byte[] got = c.got.toByteArray();
        boolean readerCut = steps.stream().anyMatch(x -> x.action().cutsReader());
        boolean writerCut = steps.stream().anyMatch(x -> x.action().cutsWriter());
        long accepted = c.accepted.get();
        assertTrue(got.length <= c.data.length, which + ": more bytes arrived than were sent");
        assertArrayEquals(Arrays.copyOf(c.data, got.length), got, which + ": the bytes read are not a prefix of those sent, in order");
        assertTrue(got.length <= accepted, which + ": read " + got.length + " bytes, yet the kernel accepted only " + accepted);
        if (!readerCut && !writerCut) {
            assertEquals(c.data.length, got.length, which + ": with only interrupts and timeouts every byte arrives; writer ended with "
                    + c.writerEnd + ", reader with " + c.readerEnd);
        } else if (!readerCut) {
            assertEquals(accepted, got.length, which + ": the writer's side was cut: every byte the kernel accepted arrives; writer "
                    + c.writerEnd + ", reader " + c.readerEnd);
        }
        // Why each thread stopped must follow from what was done to it.
        if (c.writerEnd != null && !(c.writerEnd instanceof SocketClosedException && has(steps, Action.CLOSE_WRITER_SOCKET))
                && !((c.writerEnd instanceof BrokenPipeException || c.writerEnd instanceof ConnectionResetException)
                        && (readerCut || has(steps, Action.SHUTDOWN_WRITER_WR)))) {
            throw new AssertionError(which + ": the writer ended with " + c.writerEnd + " after " + steps, c.writerEnd);
        }
        if (c.readerEnd != null && !(c.readerEnd instanceof SocketClosedException && has(steps, Action.CLOSE_READER_SOCKET))) {
            throw new AssertionError(which + ": the reader ended with " + c.readerEnd + " after " + steps, c.readerEnd);
        }
    }

    private static boolean has(List<Step> steps, Action a) {
        return steps.stream().anyMatch(x -> x.action() == a);
    }

    private static void write(Conn c, int[] chunks, boolean useSendAll, long stallAt) {
        int at = 0;
        try {
            for (int size : chunks) {
                if (stallAt >= 0 && at >= stallAt && !c.stalled) {
                    c.stalled = true;
                    awaitReader(c);
                }
                ByteBuffer b = ByteBuffer.wrap(c.data, at, size);
                while (b.hasRemaining()) {
                    int before = b.position();
                    try {
                        if (useSendAll) {
                            c.writerSocket.sendAll(b);
                        } else {
                            c.writerSocket.send(b);
                        }
                    } catch (WeftTimeoutException e) {
                        expectTransferred(c, e, b.position() - before, "writer timeout");
                    } catch (InterruptedIOException e) {
                        expectTransferred(c, e, b.position() - before, "writer interrupt");
                        if (!Thread.interrupted()) {
                            c.problems.add("the writer's interrupt status was not kept by " + e);
                        }
                    } finally {
                        c.accepted.addAndGet(b.position() - before);
                    }
                }
                at += size;
            }
            // Stay quiet until the reader is done: no event of ours may wake a reader that
            // only a close or an interrupt should wake. It knows the size: no end of stream is due.
            awaitReader(c);
        } catch (IOException e) {
            c.writerEnd = e;
            try {
                c.writerSocket.shutdown(Socket.SHUT_WR); // end the reader's stream if the socket is still open
            } catch (IOException ignored) {
                // closed or already shut down: the reader sees the end either way
            }
        } catch (Throwable t) {
            c.problems.add("writer: " + t);
        }
    }

    private static void awaitReader(Conn c) {
        while (c.reader.isAlive()) {
            try {
                c.reader.join();
            } catch (InterruptedException e) {
                // an interrupt meant for a send: keep waiting
            }
        }
    }

    private static void expectTransferred(Conn c, InterruptedIOException e, int moved, String what) {
        if (e.bytesTransferred != moved) {
            c.problems.add(what + ": bytesTransferred " + e.bytesTransferred + " but the buffer advanced by " + moved);
        }
    }

    private static void read(Conn c, int[] chunks, boolean slow) {
        byte[] buf = new byte[128 << 10];
        int i = 0;
        try {
            // The reader knows the size, so it needs no end of stream: once the writer is
            // done nothing happens on the connection until the reader stops.
            while (c.read.get() < c.data.length) {
                int want = chunks[i++ % chunks.length];
                int n;
                try {
                    n = c.readerSocket.recvInto(buf, 0, want);
                } catch (WeftTimeoutException e) {
                    continue;
                } catch (InterruptedIOException e) {
                    if (e.bytesTransferred != 0) {
                        c.problems.add("reader interrupt: bytesTransferred " + e.bytesTransferred + " for a recv that returned nothing");
                    }
                    if (!Thread.interrupted()) {
                        c.problems.add("the reader's interrupt status was not kept by " + e);
                    }
                    continue;
                }
                if (n == 0) {
                    return;
                }
                synchronized (c.got) {
                    c.got.write(buf, 0, n);
                }
                c.read.addAndGet(n);
                if (slow) {
                    try {
                        Thread.sleep(1);
                    } catch (InterruptedException e) {
                        // an interrupt meant for a recv: it found the reader resting instead
                    }
                }
            }
        } catch (IOException e) {
            c.readerEnd = e;
        } catch (Throwable t) {
            c.problems.add("reader: " + t);
        } finally {
            try {
                c.readerSocket.close(); // as an application would: then a blocked writer learns the reader is gone
            } catch (IOException e) {
                c.problems.add("closing the reader's socket: " + e);
            }
        }
    }

    private static void disrupt(Conn c, List<Step> steps, RandomGenerator r) {
        try {
            for (Step s : steps) {
                if (s.afterBytes() >= 0) {
                    while (c.read.get() < s.afterBytes() && c.reader.isAlive() && !c.stalled) {
                        Thread.sleep(0, 100_000);
                    }
                } else {
                    TimeUnit.MICROSECONDS.sleep(s.delayMicros());
                }
                switch (s.action()) {
                    case CLOSE_READER_SOCKET -> c.readerSocket.close();
                    case CLOSE_WRITER_SOCKET -> c.writerSocket.close();
                    case INTERRUPT_READER -> c.reader.interrupt();
                    case INTERRUPT_WRITER -> c.writer.interrupt();
                    case TIMEOUTS_ON_READER -> c.readerSocket.setTimeout(Duration.ofNanos(1000L * (200 + r.nextInt(5000))));
                    case TIMEOUTS_ON_WRITER -> c.writerSocket.setTimeout(Duration.ofNanos(1000L * (50 + r.nextInt(2000))));
                    case SHUTDOWN_WRITER_WR -> shutdown(c.writerSocket, Socket.SHUT_WR);
                    case SHUTDOWN_READER_RD -> shutdown(c.readerSocket, Socket.SHUT_RD);
                }
            }
        } catch (Throwable t) {
            c.problems.add("disruptor: " + t);
        }
    }

    /** shutdown(2) on a socket the other threads may have closed or disconnected meanwhile. */
    private static void shutdown(Socket s, int how) throws IOException {
        try {
            s.shutdown(how);
        } catch (dev.weft.WeftSocketException e) {
            if (s.isOpen() && !(e instanceof dev.weft.OsError o && o.errno() == dev.weft.Errno.ENOTCONN)) {
                throw e;
            }
        }
    }
}
