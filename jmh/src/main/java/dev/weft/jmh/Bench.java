package dev.weft.jmh;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.LongAdder;

/** What the benchmarks share: the JVM flags of every fork, buffers, peers on virtual threads. */
final class Bench {
    private Bench() {}

    /*
     * Every fork: native access for JNA, and the benchmark threads themselves virtual
     * (JMH 1.37's jmh.executor=VIRTUAL), so that both ends of every exchange run on
     * virtual threads and the JDK's sockets take their virtual-thread path (park in the
     * JDK's poller) rather than blocking a platform thread in the kernel. A fixed heap keeps
     * runs comparable. Use these in @Fork(jvmArgsAppend = ...) and keep them identical for
     * weft and the JDK.
     */
    static final String NATIVE = "--enable-native-access=ALL-UNNAMED";
    static final String VIRTUAL = "-Djmh.executor=VIRTUAL";
    static final String HEAP_MIN = "-Xms1g";
    static final String HEAP_MAX = "-Xmx1g";

    /**
     * Operations done by load threads a benchmark starts itself (not JMH's threads):
     * {@link CpuTime} adds them to JMH's count for its rate and CPU per operation.
     */
    static final LongAdder BACKGROUND_OPS = new LongAdder();

    /**
     * Fails unless the calling benchmark thread is virtual: a run without
     * {@link #VIRTUAL} would measure platform threads blocking in the kernel instead.
     */
    static void requireVirtual() {
        if (!Thread.currentThread().isVirtual()) {
            throw new IllegalStateException("benchmark threads must be virtual: run the fork with " + VIRTUAL);
        }
    }

    /**
     * The {@code impl} a benchmark runs for its parameter: {@link Conn#WEFT_JNA} is weft with
     * its native calls forced onto JNA ({@code -Dweft.native=jna}, set here, before weft's
     * first use in the fork), so that FFM and JNA run side by side in one JMH run
     * ({@code -p impl=weft,weft-jna,jdk}); any other value is returned as it is.
     */
    static String binding(String impl) {
        if (impl.equals(Conn.WEFT_JNA)) {
            System.setProperty("weft.native", "jna");
            return Conn.WEFT;
        }
        return impl;
    }

    /** A buffer of {@code size} bytes, {@code "heap"} or {@code "direct"}, filled with a pattern. */
    static ByteBuffer buffer(String kind, int size) {
        ByteBuffer b = switch (kind) {
            case "heap" -> ByteBuffer.allocate(size);
            case "direct" -> ByteBuffer.allocateDirect(size);
            default -> throw new IllegalArgumentException("buffer kind " + kind);
        };
        for (int i = 0; i < size; i++) {
            b.put(i, (byte) i);
        }
        return b;
    }

    /** Reads exactly {@code b.remaining()} bytes. */
    static void readFully(Conn c, ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            if (c.read(b) < 0) {
                throw new IOException("end of stream with " + b.remaining() + " bytes to come");
            }
        }
    }

    /** Starts a virtual thread that echoes everything {@code c} receives until end of stream or close. */
    static Thread echo(Conn c, int bufferSize, String kind) {
        return Thread.ofVirtual().name("echo").start(() -> {
            ByteBuffer b = buffer(kind, bufferSize);
            b.clear();
            try {
                while (c.read(b) > 0) {
                    b.flip();
                    c.writeFully(b);
                    b.clear();
                }
            } catch (IOException e) {
                // the benchmark closed the connection: done
            }
        });
    }

    /** Starts a virtual thread that sends {@code chunk} over and over until the connection breaks. */
    static Thread sender(Conn c, ByteBuffer chunk) {
        return Thread.ofVirtual().name("sender").start(() -> {
            try {
                for (;;) {
                    chunk.clear();
                    c.writeFully(chunk);
                }
            } catch (IOException e) {
                // the receiver closed: done
            }
        });
    }

    static void closeQuietly(AutoCloseable... cs) {
        for (AutoCloseable c : cs) {
            if (c != null) {
                try {
                    c.close();
                } catch (Exception ignored) {
                    // tearing down
                }
            }
        }
    }

    static void join(Thread t) throws InterruptedException {
        if (t != null && !t.join(java.time.Duration.ofSeconds(10))) {
            throw new IllegalStateException(t.getName() + " did not finish within 10 s of close");
        }
    }
}
