package dev.weft.common;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Native memory for one system call: room for a socket address and its length, and a data
 * area through which heap buffers are copied. A thread takes one for the duration of a
 * single non-blocking call and gives it back before it can park.
 *
 * <p><b>Why {@code malloc} per call, and the table.</b> The memory comes from
 * {@code malloc} and goes back with {@code free}: glibc serves each OS thread from its own
 * cache (tcache) and arena, so on virtual threads every carrier reuses memory that stays in
 * its own CPU cache, with no shared state. A shared pool of areas, the first design, had
 * every call on every carrier write the same few cache lines: on the 1,000-connection echo
 * benchmark those compare-and-sets cost about 6% of all CPU (a take and give cost 290 ns
 * with two carriers against 25 ns now; {@code jmh} {@code Echo}, measured with
 * async-profiler). The calls go through {@link NativeMemory}, the binding's: FFM critical
 * downcalls on the FFM binding, JNA's (JNI) otherwise. What a per-call {@code malloc}
 * would cost instead is the {@link ByteBuffer} view of the block; so views are kept in a table indexed
 * by the block's address: {@code malloc} hands a carrier back the block it freed last, and
 * the table hands back its view. An entry is only ever used by the thread that holds its
 * block, so sharing the table is safe, and a stale entry (another address in the slot) is
 * simply replaced.
 *
 * <p>Two sizes: {@link #take(int) small} areas (an address and up to
 * {@value #SMALL_DATA} bytes of data, within glibc's per-thread cache) for the common
 * send and receive of small messages, and full areas ({@link #take()}) with the auxiliary
 * area and {@link #DATA_SIZE} bytes of data for everything else.
 *
 * <pre>{@code
 * Scratch s = Scratch.take();
 * try { ... s.addr() ... } finally { s.give(); }
 * }</pre>
 */
public final class Scratch {
    /** Bytes for a socket address ({@code sockaddr_storage}). */
    public static final int ADDR_SIZE = 128;
    /** Offset of the {@code socklen_t} that follows the address. */
    public static final int LEN_OFFSET = ADDR_SIZE;
    /** Offset of the small area for option values and epoll events (full areas only). */
    public static final int AUX_OFFSET = ADDR_SIZE + 8;
    /** Size of the auxiliary area. */
    public static final int AUX_SIZE = 1024 + 8;
    /** Offset of the data area of a full area. */
    public static final int DATA_OFFSET = AUX_OFFSET + AUX_SIZE;
    /** The most a heap buffer moves per call; more is left for the next call, like a short write. */
    public static final int DATA_SIZE = Integer.getInteger("weft.scratchBytes", 256 * 1024);
    /** Data bytes of a small area: with the address, 1,024 bytes, which glibc caches per thread. */
    public static final int SMALL_DATA = 1024 - AUX_OFFSET;

    private static final int TABLE_SIZE = 1024;
    private static final AtomicReferenceArray<Scratch> SMALL = new AtomicReferenceArray<>(TABLE_SIZE);
    private static final AtomicReferenceArray<Scratch> FULL = new AtomicReferenceArray<>(TABLE_SIZE);

    private final long address;
    private final ByteBuffer view;
    private final int dataOffset;
    private final int dataCapacity;

    private Scratch(long address, int dataOffset, int dataCapacity) {
        this.address = address;
        this.dataOffset = dataOffset;
        this.dataCapacity = dataCapacity;
        this.view = NativeMemory.view(address, (long) dataOffset + dataCapacity).order(ByteOrder.nativeOrder());
    }

    /** A full area: address, auxiliary area and {@link #DATA_SIZE} bytes of data. */
    public static Scratch take() {
        return take(FULL, DATA_OFFSET, DATA_SIZE);
    }

    /**
     * An area with room for an address and {@code dataBytes} of data: small when they fit
     * {@link #SMALL_DATA}, else full (whose data area may still be smaller than asked:
     * check {@link #dataCapacity()}). A small area has no auxiliary area.
     */
    public static Scratch take(int dataBytes) {
        return dataBytes <= SMALL_DATA ? take(SMALL, AUX_OFFSET, SMALL_DATA) : take();
    }

    private static Scratch take(AtomicReferenceArray<Scratch> table, int dataOffset, int dataCapacity) {
        long size = (long) dataOffset + dataCapacity;
        long p = NativeMemory.malloc(size);
        int slot = (int) (((p >>> 4) * 0x9E3779B97F4A7C15L) >>> 54); // 10 bits: TABLE_SIZE
        Scratch s = table.getAcquire(slot);
        if (s == null || s.address != p) {
            s = new Scratch(p, dataOffset, dataCapacity);
            table.setRelease(slot, s);
        }
        return s;
    }

    /** Frees this area; the caller must not use it (or its view) afterwards. */
    public void give() {
        NativeMemory.free(address);
    }

    /** Address of the socket-address area. */
    public long addr() {
        return address;
    }

    /** Address of the {@code socklen_t}. */
    public long lenPtr() {
        return address + LEN_OFFSET;
    }

    /** Address of the auxiliary area (full areas only). */
    public long aux() {
        if (dataOffset != DATA_OFFSET) {
            throw new IllegalStateException("a small scratch area has no auxiliary area");
        }
        return address + AUX_OFFSET;
    }

    /** Address of the data area. */
    public long data() {
        return address + dataOffset;
    }

    /** Offset of the data area in {@link #view()}. */
    public int dataOffset() {
        return dataOffset;
    }

    /** Bytes in the data area. */
    public int dataCapacity() {
        return dataCapacity;
    }

    /** A native-order view of the whole area; callers use absolute indexes only. */
    public ByteBuffer view() {
        return view;
    }

    /** Reads the {@code socklen_t}. */
    public int len() {
        return view.getInt(LEN_OFFSET);
    }

    /** Writes the {@code socklen_t}. */
    public void len(int v) {
        view.putInt(LEN_OFFSET, v);
    }
}
