package dev.weft.tests;

import static dev.weft.SocketConstants.MSG_PEEK;
import static dev.weft.SocketConstants.MSG_TRUNC;
import static dev.weft.tests.PropertySupport.gen;
import static dev.weft.tests.PropertySupport.theory;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.Capability;
import dev.weft.Family;
import dev.weft.SockAddr;
import dev.weft.Socket;
import dev.weft.SocketType;
import dev.weft.Sockets;
import dev.weft.kit.Chunkings;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Message boundaries hold for any sequence of message sizes: each receive returns exactly
 * one message, whole when the buffer is large enough, else cut to the buffer with the rest
 * discarded, and then {@code MSG_TRUNC} tells the real length ({@code recvInto(buf, MSG_TRUNC)}
 * returns it; {@code recvMsg} sets the flag). Sends and receives vary over every form weft
 * offers (byte arrays, heap and direct buffers at odd positions, scatter/gather, peek).
 */
class MessageBoundaryPropertyTest {
    enum Kind {
        UNIX_DGRAM, UNIX_SEQPACKET, UDP4, UDP6
    }

    /** How one message is received. */
    enum Receive {
        RECV, RECV_INTO_HEAP, RECV_INTO_DIRECT, RECV_INTO_TRUNC, RECV_FROM, RECV_MSG, RECV_MSG_INTO_SCATTER, PEEK_THEN_RECV
    }

    /** How one message is sent. */
    enum Send {
        BYTES, DIRECT, SEND_MSG_GATHER
    }

    private static final Duration BOUND = Duration.ofSeconds(30);

    @ParameterizedTest
    @EnumSource(Kind.class)
    void eachReceiveGetsExactlyOneMessageAndTruncationIsReported(Kind kind) {
        Assumptions.assumeTrue(Sockets.supports(switch (kind) {
            case UNIX_DGRAM -> Capability.UNIX_DGRAM;
            case UNIX_SEQPACKET -> Capability.UNIX_SEQPACKET;
            case UDP4 -> Capability.INET;
            case UDP6 -> Capability.INET6;
        }), kind + " is not available here");
        int maxSize = kind == Kind.UDP4 || kind == Kind.UDP6 ? 65_507 : 65_536;
        theory(60).forAll(gen(r -> Chunkings.messageSizes(r, 1 + r.nextInt(40 * PropertySupport.SOAK), maxSize)),
                        gen(RandomGenerator::nextLong))
                .checkAssert((sizes, seed) -> {
                    try {
                        exchange(kind, sizes.value(), new SplittableRandom(seed.value()));
                    } catch (Exception e) {
                        throw new AssertionError(kind + " sizes " + Arrays.toString(sizes.value()) + ": " + e, e);
                    }
                });
    }

    private static void exchange(Kind kind, int[] sizes, RandomGenerator r) throws Exception {
        Socket tx;
        Socket rx;
        SockAddr to = null;
        switch (kind) {
            case UNIX_DGRAM, UNIX_SEQPACKET -> {
                var pair = Sockets.socketPair(Family.UNIX, kind == Kind.UNIX_DGRAM ? SocketType.DGRAM : SocketType.SEQPACKET, 0);
                tx = pair.first();
                rx = pair.second();
            }
            default -> {
                Family f = kind == Kind.UDP4 ? Family.INET : Family.INET6;
                rx = Socket.open(f, SocketType.DGRAM);
                tx = Socket.open(f, SocketType.DGRAM);
                rx.bind(f == Family.INET ? SockAddr.inet("127.0.0.1", 0) : SockAddr.inet6("::1", 0));
                tx.bind(f == Family.INET ? SockAddr.inet("127.0.0.1", 0) : SockAddr.inet6("::1", 0));
                if (r.nextBoolean()) {
                    tx.connect(rx.getSockName());
                } else {
                    to = rx.getSockName();
                }
            }
        }
        boolean udp = kind == Kind.UDP4 || kind == Kind.UDP6;
        // UDP drops what does not fit the receive queue: a larger queue, and a window of bytes
        // in flight well inside it. AF_UNIX never drops; its sender parks when the queue is full.
        if (udp) {
            rx.setSockOpt(dev.weft.SocketConstants.SOL_SOCKET, dev.weft.SocketConstants.SO_RCVBUF, 1 << 20);
        }
        Semaphore window = new Semaphore(udp ? UDP_WINDOW : Integer.MAX_VALUE);
        long sendSeed = r.nextLong();
        SockAddr dest = to;
        // Sockets close before the executor waits for the sender, so a failure never waits out its send.
        try (var vt = Executors.newVirtualThreadPerTaskExecutor(); tx; rx) {
            tx.setTimeout(BOUND);
            rx.setTimeout(BOUND);
            Future<?> sender = vt.submit(() -> {
                RandomGenerator sr = new SplittableRandom(sendSeed);
                for (int i = 0; i < sizes.length; i++) {
                    window.acquire(cost(sizes[i]));
                    byte[] m = Chunkings.message(i, sizes[i]);
                    long n = send(tx, m, Send.values()[sr.nextInt(Send.values().length)], dest, sr);
                    assertEquals(m.length, n, "a datagram goes whole or not at all");
                }
                return null;
            });
            SockAddr senderName = udp ? tx.getSockName() : null;
            try {
                receiveAll(rx, sizes, r, senderName, window);
            } catch (Throwable t) {
                vt.shutdownNow(); // the sender may wait for the window, not only in a socket
                throw t;
            }
            sender.get(BOUND.toSeconds(), TimeUnit.SECONDS);
            // Nothing is left over: every send was one message, every receive took one.
            rx.setTimeout(Duration.ZERO);
            assertTrue(nothingQueued(rx), "a message was left over after " + sizes.length + " receives");
        }
    }

    private static void receiveAll(Socket rx, int[] sizes, RandomGenerator r, SockAddr senderName, Semaphore window)
            throws IOException {
        {
            for (int i = 0; i < sizes.length; i++) {
                byte[] m = Chunkings.message(i, sizes[i]);
                Receive how = Receive.values()[r.nextInt(Receive.values().length)];
                // A short buffer (never empty: recv of 0 bytes need not consume a message) or room to spare.
                int buf = m.length >= 2 && r.nextBoolean() ? 1 + r.nextInt(m.length - 1) : m.length + r.nextInt(64) + (m.length == 0 ? 1 : 0);
                receiveOne(rx, m, buf, how, r, senderName, "message " + i + " of " + sizes.length + " (" + how + ", buffer " + buf + ")");
                window.release(cost(sizes[i]));
            }
        }
    }

    /** Bytes of UDP datagrams in flight at most: half the smallest receive queue Linux gives (SO_RCVBUF 212992, doubled). */
    private static final int UDP_WINDOW = 200_000;

    /** A datagram's share of the window, with room for the kernel's per-packet overhead. */
    private static int cost(int size) {
        return size + 2048;
    }

    private static boolean nothingQueued(Socket rx) throws IOException {
        try {
            rx.recv(1);
            return false;
        } catch (dev.weft.WouldBlockException e) {
            return true;
        }
    }

    private static long send(Socket tx, byte[] m, Send how, SockAddr to, RandomGenerator r) throws IOException {
        return switch (how) {
            case BYTES -> to == null ? tx.send(m) : tx.sendTo(m, to);
            case DIRECT -> {
                ByteBuffer b = ByteBuffer.allocateDirect(m.length + 16);
                int at = r.nextInt(16);
                b.position(at).put(m).flip().position(at);
                int n = to == null ? tx.send(b) : tx.sendTo(b, 0, to);
                assertEquals(at + n, b.position(), "send advances the buffer by what it sent");
                yield n;
            }
            case SEND_MSG_GATHER -> tx.sendMsg(split(m, r), List.of(), 0, to);
        };
    }

    /** {@code m} in one to three heap or direct buffers. */
    private static List<ByteBuffer> split(byte[] m, RandomGenerator r) {
        int parts = 1 + r.nextInt(3);
        List<ByteBuffer> out = new ArrayList<>();
        int at = 0;
        for (int p = 0; p < parts; p++) {
            int n = p == parts - 1 ? m.length - at : r.nextInt(m.length - at + 1);
            ByteBuffer b = r.nextBoolean() ? ByteBuffer.allocateDirect(n) : ByteBuffer.allocate(n);
            b.put(m, at, n).flip();
            out.add(b);
            at += n;
        }
        return out;
    }

    private static void receiveOne(Socket rx, byte[] m, int buf, Receive how, RandomGenerator r, SockAddr sender, String what)
            throws IOException {
        int fits = Math.min(buf, m.length);
        byte[] expected = Arrays.copyOf(m, fits);
        boolean cut = buf < m.length;
        switch (how) {
            case RECV -> assertArrayEquals(expected, rx.recv(buf), what);
            case RECV_INTO_HEAP, RECV_INTO_DIRECT, RECV_INTO_TRUNC -> {
                int at = r.nextInt(8);
                ByteBuffer b = how == Receive.RECV_INTO_DIRECT ? ByteBuffer.allocateDirect(at + buf + 8) : ByteBuffer.allocate(at + buf + 8);
                b.position(at).limit(at + buf);
                int n = rx.recvInto(b, how == Receive.RECV_INTO_TRUNC ? MSG_TRUNC : 0);
                assertEquals(how == Receive.RECV_INTO_TRUNC ? m.length : fits, n, what + ": the count returned");
                assertEquals(at + fits, b.position(), what + ": the buffer advances by what it holds");
                byte[] got = new byte[fits];
                b.get(at, got);
                assertArrayEquals(expected, got, what);
                b.limit(b.capacity());
                for (int i = at + buf; i < b.capacity(); i++) {
                    assertEquals(0, b.get(i), what + ": nothing written past the limit");
                }
            }
            case RECV_FROM -> {
                Socket.Received d = rx.recvFrom(buf);
                assertArrayEquals(expected, d.data(), what);
                if (sender != null) {
                    assertEquals(sender, d.address(), what + ": the source");
                } else {
                    assertTrue(d.address() == null || ((SockAddr.Unix) d.address()).isUnnamed(), what + ": an unnamed peer, got " + d.address());
                }
            }
            case RECV_MSG -> {
                Socket.Message msg = rx.recvMsg(buf);
                assertArrayEquals(expected, msg.data(), what);
                assertEquals(cut ? MSG_TRUNC : 0, msg.flags(), what + ": recvmsg's flags are MSG_TRUNC when cut, else none (as CPython)");
            }
            case RECV_MSG_INTO_SCATTER -> {
                int first = r.nextInt(buf + 1);
                ByteBuffer a = ByteBuffer.allocate(first);
                ByteBuffer b = ByteBuffer.allocateDirect(buf - first);
                Socket.MessageInto msg = rx.recvMsgInto(List.of(a, b), 0, 0);
                assertEquals(fits, msg.nbytes(), what + ": the count");
                assertEquals(cut ? MSG_TRUNC : 0, msg.flags(), what + ": recvmsg's flags are MSG_TRUNC when cut, else none (as CPython)");
                byte[] got = new byte[fits];
                int inA = a.position();
                a.flip().get(got, 0, inA);
                b.flip().get(got, inA, b.remaining());
                assertArrayEquals(expected, got, what + ": scattered in order");
            }
            case PEEK_THEN_RECV -> {
                int peek = 1 + r.nextInt(Math.max(1, m.length + 4));
                assertArrayEquals(Arrays.copyOf(m, Math.min(peek, m.length)), rx.recv(peek, MSG_PEEK), what + ": peek " + peek);
                assertArrayEquals(expected, rx.recv(buf), what + ": after a peek the message is still whole");
            }
        }
    }
}
