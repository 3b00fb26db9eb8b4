package dev.weft.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.weft.Family;
import dev.weft.SockAddr;
import dev.weft.Socket;
import dev.weft.SocketType;
import dev.weft.Sockets;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Property: over a socket pair and over TCP, whatever is sent arrives identical, whatever
 * the chunking on either side and whatever the buffer kind: byte arrays with offsets, heap
 * ByteBuffers (positioned, and sliced so their array offset is not 0), direct ByteBuffers
 * (sliced, so their address is not the allocation's), with send loops and sendAll.
 */
class StreamIntegrityPropertyTest {
    static final int EXAMPLES = 50;

    /** How a side moves its bytes. */
    enum Kind {
        /** send(byte[]) / recv(n) */
        ARRAY,
        /** a heap buffer over a padded array, positioned at the offset / recvInto(byte[], off, len) */
        ARRAY_OFFSET,
        /** a heap buffer slice: arrayOffset() != 0 */
        HEAP_SLICE,
        /** a direct buffer slice at an offset */
        DIRECT
    }

    /** One example: the data size, the chunk sizes each side cycles through, and the buffer kinds. */
    record Plan(int size, List<Integer> sendChunks, List<Integer> recvChunks, Kind sendKind, Kind recvKind) {
        @Override
        public String toString() {
            return "Plan[size=" + size + ", send " + sendKind + " " + sendChunks + ", recv " + recvKind + " " + recvChunks + "]";
        }
    }

    static Gen<Plan> plans() {
        Gen<Integer> size = integers().between(0, 400_000).mix(integers().between(0, 64), 25);
        Gen<Integer> chunk = integers().between(1, 100_000).mix(integers().between(1, 16), 30);
        Gen<List<Integer>> chunks = lists().of(chunk).ofSizeBetween(1, 6);
        Gen<Kind> kind = integers().between(0, Kind.values().length - 1).map(i -> Kind.values()[i]);
        return size.zip(chunks, chunks, kind, kind, Plan::new);
    }

    @Test
    void socketPairDeliversEveryByteInOrder() {
        qt().withExamples(EXAMPLES).withShrinkCycles(30).forAll(plans()).checkAssert(plan -> {
            try (Sockets.SocketPair p = Sockets.socketPair(Family.UNIX, SocketType.STREAM, 0)) {
                check(plan, p.first(), p.second());
            } catch (Exception e) {
                throw new AssertionError(plan + ": " + e, e);
            }
        });
    }

    @Test
    void tcpDeliversEveryByteInOrder() throws Exception {
        try (Socket server = Sockets.createServer(SockAddr.inet("127.0.0.1", 0))) {
            SockAddr addr = server.getSockName();
            qt().withExamples(EXAMPLES).withShrinkCycles(30).forAll(plans()).checkAssert(plan -> {
                try (Socket c = Socket.open(Family.INET, SocketType.STREAM)) {
                    c.connect(addr);
                    try (Socket.Accepted a = TestKit.inVirtualThread(server::accept)) {
                        check(plan, c, a.socket());
                    }
                } catch (Exception e) {
                    throw new AssertionError(plan + ": " + e, e);
                }
            });
        }
    }

    private static void check(Plan plan, Socket sender, Socket receiver) throws Exception {
        byte[] data = TestKit.randomBytes(plan.size(), plan.hashCode());
        TestKit.Started<Void> writer = TestKit.start(true, "writer", () -> {
            send(plan, sender, data);
            sender.shutdown(Socket.SHUT_WR);
            return null;
        });
        byte[] got = TestKit.inVirtualThread(() -> receive(plan, receiver));
        writer.get();
        assertEquals(data.length, got.length, "length");
        if (!Arrays.equals(data, got)) {
            int i = Arrays.mismatch(data, got);
            throw new AssertionError("first difference at byte " + i + " of " + data.length);
        }
    }

    private static void send(Plan plan, Socket s, byte[] data) throws IOException {
        int pos = 0;
        for (int i = 0; pos < data.length; i++) {
            int len = Math.min(plan.sendChunks().get(i % plan.sendChunks().size()), data.length - pos);
            int off = 1 + i % 7;
            ByteBuffer b;
            switch (plan.sendKind()) {
                case ARRAY -> {
                    byte[] chunk = Arrays.copyOfRange(data, pos, pos + len);
                    if (i % 2 == 0) {
                        s.sendAll(chunk);
                    } else {
                        for (int done = 0; done < len; ) {
                            done += s.send(Arrays.copyOfRange(chunk, done, len));
                        }
                    }
                    pos += len;
                    continue;
                }
                case ARRAY_OFFSET -> {
                    byte[] padded = new byte[off + len + 3];
                    System.arraycopy(data, pos, padded, off, len);
                    b = ByteBuffer.wrap(padded, off, len);
                }
                case HEAP_SLICE -> {
                    byte[] padded = new byte[off + len + 3];
                    System.arraycopy(data, pos, padded, off, len);
                    b = ByteBuffer.wrap(padded).slice(off, len);
                }
                default -> {
                    b = ByteBuffer.allocateDirect(off + len + 3).slice(off, len);
                    b.put(0, data, pos, len);
                }
            }
            int limit = b.limit();
            if (i % 2 == 0) {
                s.sendAll(b);
                assertEquals(limit, b.position(), "sendAll leaves the position at the limit");
            } else {
                while (b.hasRemaining()) {
                    int before = b.position();
                    int n = s.send(b);
                    assertEquals(before + n, b.position(), "send advances the position by its count");
                }
            }
            pos += len;
        }
    }

    private static byte[] receive(Plan plan, Socket s) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(plan.size());
        for (int i = 0; out.size() < plan.size(); i++) {
            int len = plan.recvChunks().get(i % plan.recvChunks().size());
            int off = 1 + i % 5;
            int n;
            switch (plan.recvKind()) {
                case ARRAY -> {
                    byte[] b = s.recv(len);
                    n = b.length;
                    out.write(b, 0, n);
                }
                case ARRAY_OFFSET -> {
                    byte[] b = new byte[off + len + 2];
                    n = s.recvInto(b, off, len);
                    out.write(b, off, n);
                }
                case HEAP_SLICE -> {
                    ByteBuffer b = ByteBuffer.allocate(off + len + 2).slice(off, len);
                    n = s.recvInto(b);
                    assertEquals(n, b.position(), "recvInto advances the position by its count");
                    out.write(b.array(), b.arrayOffset(), n);
                }
                default -> {
                    ByteBuffer b = ByteBuffer.allocateDirect(off + len + 2).slice(off, len);
                    n = s.recvInto(b);
                    assertEquals(n, b.position(), "recvInto advances the position by its count");
                    byte[] copy = new byte[n];
                    b.get(0, copy);
                    out.write(copy, 0, n);
                }
            }
            assertTrue(n > 0, "end of stream after " + out.size() + " of " + plan.size() + " bytes");
            assertTrue(n <= len, "received " + n + " into room for " + len);
        }
        assertEquals(0, s.recv(16).length, "end of stream after the last byte");
        return out.toByteArray();
    }
}
