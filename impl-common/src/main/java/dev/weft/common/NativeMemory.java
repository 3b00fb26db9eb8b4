package dev.weft.common;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.nio.ByteBuffer;
import java.util.ServiceLoader;

/**
 * {@code malloc}, {@code free} and a {@link ByteBuffer} view of native memory, for
 * {@link Scratch} and the providers' other per-call memory: through the binding the native
 * calls go through, so that a JVM on the FFM binding does not cross JNA for its memory on
 * every call (a JNI call each, where an FFM critical downcall costs a few nanoseconds).
 *
 * <p>The binding is chosen once: the first {@link Allocator} found with
 * {@link ServiceLoader} that is {@linkplain Allocator#usable() usable} here (weft-impl-posix
 * offers one on FFM), else JNA's {@code Native.malloc}, the memory of JNA-only providers
 * (Windows) and of the JNA binding.
 *
 * <pre>{@code
 * long p = NativeMemory.malloc(64);
 * try { NativeMemory.view(p, 64).putInt(0, 1); } finally { NativeMemory.free(p); }
 * }</pre>
 */
public final class NativeMemory {
    private NativeMemory() {}

    /**
     * One binding's native memory, offered to {@link ServiceLoader}.
     *
     * <pre>{@code
     * module my.binding { provides dev.weft.common.NativeMemory.Allocator with my.FfmAllocator; }
     * }</pre>
     */
    public interface Allocator {
        /** True if this allocator works in this JVM; asked once, before any other call, and must not allocate. */
        boolean usable();

        /** {@code malloc(size)}: the address, or 0 if there is no memory. */
        long malloc(long size);

        /** {@code free(address)}; 0 is ignored. */
        void free(long address);

        /** A big-endian direct view of {@code size} bytes at {@code address}, valid until it is freed. */
        ByteBuffer view(long address, long size);
    }

    /** JNA's memory: the allocator when no other is usable. */
    public static final Allocator JNA = new Allocator() {
        @Override
        public boolean usable() {
            return true;
        }

        @Override
        public long malloc(long size) {
            return Native.malloc(size);
        }

        @Override
        public void free(long address) {
            Native.free(address);
        }

        @Override
        public ByteBuffer view(long address, long size) {
            return new Pointer(address).getByteBuffer(0, size);
        }

        @Override
        public String toString() {
            return "JNA";
        }
    };

    /** In a constant, so that each call below compiles to a direct call of the one allocator. */
    private static final Allocator ALLOCATOR = choose();

    private static Allocator choose() {
        for (Allocator a : ServiceLoader.load(Allocator.class, NativeMemory.class.getClassLoader())) {
            if (a.usable()) {
                return a;
            }
        }
        return JNA;
    }

    /** The allocator in use (its {@code toString()} names its binding). */
    public static Allocator allocator() {
        return ALLOCATOR;
    }

    /** {@code malloc(size)}; throws {@link OutOfMemoryError} if there is no memory. */
    public static long malloc(long size) {
        long p = ALLOCATOR.malloc(size);
        if (p == 0) {
            throw new OutOfMemoryError("weft: malloc(" + size + ") failed");
        }
        return p;
    }

    /** {@code free(address)}; 0 is ignored. */
    public static void free(long address) {
        if (address != 0) {
            ALLOCATOR.free(address);
        }
    }

    /** A big-endian direct view of {@code size} bytes at {@code address}. */
    public static ByteBuffer view(long address, long size) {
        return ALLOCATOR.view(address, size);
    }

    /*
     * Reading and writing the C library's results (struct hostent, addrinfo, if_nameindex)
     * through the same views, so that a JVM on the FFM binding never loads JNA's native
     * library for them. Every platform weft runs on is LP64: a pointer is 8 bytes.
     */

    /** The pointer stored at {@code address}. */
    public static long getAddress(long address) {
        return view(address, Long.BYTES).order(java.nio.ByteOrder.nativeOrder()).getLong(0);
    }

    /** The {@code int} stored at {@code address}. */
    public static int getInt(long address) {
        return view(address, Integer.BYTES).order(java.nio.ByteOrder.nativeOrder()).getInt(0);
    }

    /** Stores {@code value} at {@code address}. */
    public static void putAddress(long address, long value) {
        view(address, Long.BYTES).order(java.nio.ByteOrder.nativeOrder()).putLong(0, value);
    }

    /** Stores {@code value} at {@code address}. */
    public static void putInt(long address, int value) {
        view(address, Integer.BYTES).order(java.nio.ByteOrder.nativeOrder()).putInt(0, value);
    }

    /** A copy of the {@code n} bytes at {@code address}. */
    public static byte[] bytes(long address, int n) {
        byte[] out = new byte[n];
        view(address, n).get(0, out);
        return out;
    }

    /** Copies {@code data} to {@code address}. */
    public static void write(long address, byte[] data) {
        view(address, data.length).put(0, data);
    }

    /** The NUL-terminated UTF-8 string at {@code address}, as C's {@code strlen} finds its end; null for 0. */
    public static String string(long address) {
        if (address == 0) {
            return null;
        }
        ByteBuffer b = view(address, 1 << 30); // a window only, never touched past the NUL
        int n = 0;
        while (b.get(n) != 0) {
            n++;
        }
        byte[] out = new byte[n];
        b.get(0, out);
        return new String(out, java.nio.charset.StandardCharsets.UTF_8);
    }
}
