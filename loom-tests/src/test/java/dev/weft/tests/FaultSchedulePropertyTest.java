package dev.weft.tests;

import static dev.weft.tests.PropertySupport.gen;
import static dev.weft.tests.PropertySupport.theory;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.Capability;
import dev.weft.Errno;
import dev.weft.Family;
import dev.weft.OsError;
import dev.weft.SockAddr;
import dev.weft.Socket;
import dev.weft.SocketType;
import dev.weft.Sockets;
import dev.weft.kit.Chunkings;
import dev.weft.kit.FaultInjector;
import dev.weft.kit.FaultInjector.Call;
import dev.weft.kit.FaultSchedule;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Random {@link FaultSchedule}s against an echo over a fault-injecting provider: transient
 * faults ({@code EINTR}, spurious {@code EAGAIN}) anywhere never change the outcome, and a
 * fatal fault surfaces as an exception carrying its errno while nothing hangs or leaks.
 * The echo runs over TCP (connect, accept, recv, send), an AF_UNIX stream pair (sendmsg
 * with gather, recvmsg with scatter, send, recv) or a SEQPACKET pair (messages), so every
 * call the injector knows is hit.
 */
class FaultSchedulePropertyTest {
    enum Transport {
        TCP, UNIX_STREAM_MSG, SEQPACKET
    }

    private static final Set<Call> TCP_CALLS = EnumSet.of(Call.CONNECT, Call.ACCEPT, Call.RECV, Call.SEND);
    private static final Set<Call> MSG_CALLS = EnumSet.of(Call.RECV, Call.SEND, Call.RECVMSG, Call.SENDMSG);

    record Example(Transport transport, FaultSchedule faults, int size, long seed) {}

    static Example example(RandomGenerator r, boolean fatal) {
        List<Transport> here = transports();
        Transport t = here.get(r.nextInt(here.size()));
        Set<Call> calls = t == Transport.TCP ? TCP_CALLS : MSG_CALLS;
        int size = 1 + r.nextInt(256 << 10);
        FaultSchedule f = fatal ? FaultSchedule.random(r, calls, size) : FaultSchedule.transientFaults(r, calls);
        return new Example(t, f, size, r.nextLong());
    }

    /** Every transport this OS has: SEQPACKET only where AF_UNIX has it (Linux), the others everywhere. */
    static List<Transport> transports() {
        return java.util.Arrays.stream(Transport.values())
                .filter(t -> t != Transport.SEQPACKET || Sockets.supports(Capability.UNIX_SEQPACKET)).toList();
    }

    @BeforeAll
    static void needs() {
        Assumptions.assumeTrue(PropertySupport.canCountFds(), "needs /proc/self/fd or /dev/fd to count descriptors");
    }

    @Test
    void transientFaultsNeverChangeTheOutcome() throws Exception {
        echo(example(new SplittableRandom(7), false)); // warm up: lazily opened descriptors are not leaks
        theory(100).forAll(gen(r -> example(r, false))).checkAssert(e -> {
            long fds = PropertySupport.openFds();
            Outcome o = run(e.value());
            assertTrue(o.failures().isEmpty(), () -> e.value() + ": transient faults surfaced: " + o.failures());
            assertArrayEquals(o.sent(), o.echoed(), () -> e.value() + ": the echo differs");
            assertTrue(e.value().faults().isTransient());
            assertEquals(fds, PropertySupport.openFds(), () -> e.value() + ": descriptors");
        });
    }

    @Test
    void aFatalFaultSurfacesWithItsErrnoAndNothingHangsOrLeaks() throws Exception {
        echo(example(new SplittableRandom(7), false));
        theory(100).forAll(gen(r -> example(r, true))).checkAssert(e -> {
            long fds = PropertySupport.openFds();
            Outcome o = run(e.value());
            List<Errno> fatal = e.value().faults().faults().stream()
                    .filter(f -> !FaultSchedule.TRANSIENT.get(f.call()).contains(f.errno())).map(FaultSchedule.Fault::errno).toList();
            if (o.failures().isEmpty()) {
                assertArrayEquals(o.sent(), o.echoed(), () -> e.value() + ": no error was reported, yet the echo differs");
            } else {
                assertTrue(!fatal.isEmpty() && o.failures().stream().anyMatch(t -> hasErrno(t, fatal)),
                        () -> e.value() + ": the failures " + o.failures() + " do not carry the injected " + fatal);
                byte[] got = o.echoed();
                assertArrayEquals(java.util.Arrays.copyOf(o.sent(), Math.min(got.length, o.sent().length)), got,
                        () -> e.value() + ": what came back before the fault is not a prefix of what was sent");
            }
            assertEquals(fds, PropertySupport.openFds(), () -> e.value() + ": descriptors");
        });
    }

    private static boolean hasErrno(Throwable t, List<Errno> errnos) {
        for (Throwable x = t; x != null; x = x.getCause()) {
            if (x instanceof OsError o && errnos.contains(o.errno())) {
                return true;
            }
        }
        return false;
    }

    record Outcome(byte[] sent, byte[] echoed, List<Throwable> failures) {}

    private static void echo(Example e) {
        run(e);
    }

    /** Runs the echo; every thread ends within the bound, whatever fails. */
    static Outcome run(Example e) {
        FaultInjector p = e.faults().wrap(Sockets.provider());
        RandomGenerator r = new SplittableRandom(e.seed());
        byte[] data = Chunkings.data(r, e.size());
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        ByteArrayOutputStream echoed = new ByteArrayOutputStream();
        List<Socket> opened = java.util.Collections.synchronizedList(new ArrayList<>());
        try (var vt = Executors.newVirtualThreadPerTaskExecutor()) {
            Socket client;
            Future<?> server;
            try {
                switch (e.transport()) {
                    case TCP -> {
                        Socket l = open(opened, Socket.open(p, Family.INET, SocketType.STREAM, 0));
                        l.bind(SockAddr.inet("127.0.0.1", 0));
                        l.listen(4);
                        l.setTimeout(Duration.ofSeconds(20));
                        server = vt.submit(guarded(failures, opened, () -> {
                            try (Socket.Accepted a = l.accept()) {
                                opened.add(a.socket());
                                l.close();
                                a.socket().setTimeout(Duration.ofSeconds(20));
                                streamEcho(a.socket(), new SplittableRandom(e.seed() + 1), false);
                            }
                        }));
                        client = open(opened, Socket.open(p, Family.INET, SocketType.STREAM, 0));
                        client.setTimeout(Duration.ofSeconds(20));
                        client.connect(l.getSockName());
                    }
                    default -> {
                        boolean seq = e.transport() == Transport.SEQPACKET;
                        var pair = Sockets.socketPair(p, Family.UNIX, seq ? SocketType.SEQPACKET : SocketType.STREAM, 0);
                        client = open(opened, pair.first());
                        Socket s = open(opened, pair.second());
                        s.setTimeout(Duration.ofSeconds(20));
                        client.setTimeout(Duration.ofSeconds(20));
                        server = vt.submit(guarded(failures, opened, () -> {
                            if (seq) {
                                messageEcho(s);
                            } else {
                                streamEcho(s, new SplittableRandom(e.seed() + 1), true);
                            }
                        }));
                    }
                }
            } catch (IOException setup) {
                failures.add(setup);
                closeAll(opened);
                return new Outcome(data, echoed.toByteArray(), failures);
            }
            Socket c = client;
            boolean seq = e.transport() == Transport.SEQPACKET;
            Future<?> writer = vt.submit(guarded(failures, opened, () -> send(c, data, r, seq, e.transport() != Transport.TCP)));
            Future<?> reader = vt.submit(guarded(failures, opened, () -> receive(c, data.length, echoed, seq, e.transport() != Transport.TCP)));
            for (Future<?> f : List.of(server, writer, reader)) {
                try {
                    f.get(30, TimeUnit.SECONDS);
                } catch (java.util.concurrent.ExecutionException x) {
                    throw new AssertionError(x.getCause());
                } catch (java.util.concurrent.TimeoutException x) {
                    closeAll(opened);
                    throw new AssertionError(e + ": HANG, a thread was still running after 30 s");
                } catch (InterruptedException x) {
                    throw new AssertionError(x);
                }
            }
        } finally {
            closeAll(opened);
        }
        // Socket closed by a peer thread's failure is a consequence, not a cause.
        failures.removeIf(t -> t instanceof dev.weft.SocketClosedException);
        return new Outcome(data, echoed.toByteArray(), failures);
    }

    interface Body {
        void run() throws Exception;
    }

    /** A task that records its failure and closes every socket, as an application would: the other threads end too. */
    private static Runnable guarded(List<Throwable> failures, List<Socket> opened, Body body) {
        return () -> {
            try {
                body.run();
            } catch (Exception x) {
                failures.add(x);
                closeAll(opened);
            }
        };
    }

    private static Socket open(List<Socket> opened, Socket s) {
        opened.add(s);
        return s;
    }

    private static void closeAll(List<Socket> opened) {
        synchronized (opened) {
            for (Socket s : opened) {
                try {
                    s.close();
                } catch (IOException ignored) {
                    // closing is idempotent; a failure here has nothing to add
                }
            }
        }
    }

    /** Sends {@code data} in random chunks: sendAll, or sendMsg with a gather list when {@code msg}; for SEQPACKET one message per chunk. */
    private static void send(Socket c, byte[] data, RandomGenerator r, boolean seq, boolean msg) throws IOException {
        int at = 0;
        for (int size : Chunkings.split(r, data.length, seq ? 16 << 10 : 64 << 10)) {
            if (msg && r.nextBoolean()) {
                ByteBuffer a = ByteBuffer.wrap(data, at, size / 2).slice();
                ByteBuffer b = ByteBuffer.allocateDirect(size - size / 2).put(data, at + size / 2, size - size / 2).flip();
                long n = 0;
                while (a.hasRemaining() || b.hasRemaining()) {
                    n += c.sendMsg(List.of(a, b), List.of(), 0, null);
                    if (seq) {
                        break;
                    }
                }
                assertEquals(size, n, "sent");
            } else {
                c.sendAll(ByteBuffer.wrap(data, at, size));
            }
            at += size;
        }
        if (!seq) {
            c.shutdown(Socket.SHUT_WR);
        } else {
            c.send(new byte[0]); // an empty message ends the exchange
        }
    }

    private static void receive(Socket c, int total, ByteArrayOutputStream out, boolean seq, boolean msg) throws IOException {
        byte[] buf = new byte[seq ? 16 << 10 : 7919];
        int got = 0;
        while (got < total) {
            int n;
            if (msg) {
                ByteBuffer a = ByteBuffer.wrap(buf, 0, buf.length / 3);
                ByteBuffer b = ByteBuffer.wrap(buf, buf.length / 3, buf.length - buf.length / 3).slice();
                n = c.recvMsgInto(List.of(a, b), 0, 0).nbytes();
            } else {
                n = c.recvInto(buf, 0, buf.length);
            }
            if (n == 0) {
                return;
            }
            synchronized (out) {
                out.write(buf, 0, n);
            }
            got += n;
        }
    }

    /** Echoes a stream until its end: recv then sendAll, or recvmsg then sendmsg when {@code msg}. */
    private static void streamEcho(Socket s, RandomGenerator r, boolean msg) throws IOException {
        byte[] buf = new byte[1 + r.nextInt(65536)];
        for (;;) {
            int n = msg ? s.recvMsgInto(List.of(ByteBuffer.wrap(buf)), 0, 0).nbytes() : s.recvInto(buf, 0, buf.length);
            if (n == 0) {
                s.shutdown(Socket.SHUT_WR);
                return;
            }
            if (msg) {
                ByteBuffer b = ByteBuffer.wrap(buf, 0, n);
                while (b.hasRemaining()) {
                    s.sendMsg(List.of(b), List.of(), 0, null);
                }
            } else {
                s.sendAll(ByteBuffer.wrap(buf, 0, n));
            }
        }
    }

    /** Echoes SEQPACKET messages whole until an empty one. */
    private static void messageEcho(Socket s) throws IOException {
        for (;;) {
            Socket.Message m = s.recvMsg(16 << 10);
            assertEquals(0, m.flags() & dev.weft.SocketConstants.MSG_TRUNC, "no message is cut");
            s.sendMsg(List.of(ByteBuffer.wrap(m.data())), List.of(), 0, null);
            if (m.data().length == 0) {
                return;
            }
        }
    }
}
