package dev.weft.posix;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Native memory for one system call: room for a socket address and its length, and a data
 * area through which heap buffers are copied. Pooled, because a {@code malloc} and a
 * cleaner per call would cost more than the call; a thread takes one for the duration of a
 * single non-blocking call and gives it back before it can park, so a few serve any number
 * of sockets and threads.
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
    /** Offset of the small area for option values and epoll events. */
    public static final int AUX_OFFSET = ADDR_SIZE + 8;
    /** Size of the auxiliary area. */
    public static final int AUX_SIZE = 1024 + 8;
    /** Offset of the data area. */
    public static final int DATA_OFFSET = AUX_OFFSET + AUX_SIZE;
    /** The most a heap buffer moves per call; more is left for the next call, like a short write. */
    public static final int DATA_SIZE = Integer.getInteger("weft.scratchBytes", 256 * 1024);

    private static final AtomicReferenceArray<Scratch> POOL = new AtomicReferenceArray<>(32);

    private final long address;
    private final ByteBuffer view;

    private Scratch() {
        long size = DATA_OFFSET + (long) DATA_SIZE;
        this.address = Native.malloc(size);
        if (address == 0) {
            throw new OutOfMemoryError("weft: malloc(" + size + ") failed");
        }
        this.view = new Pointer(address).getByteBuffer(0, size).order(ByteOrder.nativeOrder());
    }

    /** A free scratch area, from the pool or new. */
    public static Scratch take() {
        int n = POOL.length();
        int start = ThreadLocalRandom.current().nextInt(n);
        for (int i = 0; i < n; i++) {
            int k = (start + i) & (n - 1);
            Scratch s = POOL.get(k);
            if (s != null && POOL.compareAndSet(k, s, null)) {
                return s;
            }
        }
        return new Scratch();
    }

    /** Returns this area to the pool (or frees it if the pool is full). */
    public void give() {
        int n = POOL.length();
        int start = ThreadLocalRandom.current().nextInt(n);
        for (int i = 0; i < n; i++) {
            int k = (start + i) & (n - 1);
            if (POOL.get(k) == null && POOL.compareAndSet(k, null, this)) {
                return;
            }
        }
        Native.free(address);
    }

    /** Address of the socket-address area. */
    public long addr() {
        return address;
    }

    /** Address of the {@code socklen_t}. */
    public long lenPtr() {
        return address + LEN_OFFSET;
    }

    /** Address of the auxiliary area. */
    public long aux() {
        return address + AUX_OFFSET;
    }

    /** Address of the data area. */
    public long data() {
        return address + DATA_OFFSET;
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
