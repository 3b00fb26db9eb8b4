package dev.weft.posix;

import dev.weft.common.NativeMemory;
import java.nio.ByteBuffer;
import java.util.Locale;

/**
 * {@link NativeMemory}'s allocator on the FFM binding: {@code malloc}/{@code free} as
 * critical downcalls through {@link PosixLibc}, so that the scratch memory of every call
 * that passes an address ({@code sendto}, {@code recvfrom}, options, {@code accept}) and
 * the staging of large messages cross no JNI. On the JNA binding it declines, and the
 * memory stays JNA's, as the calls are.
 *
 * <pre>{@code
 * java -Dweft.native=jna ...   // JNA's memory too
 * }</pre>
 */
public final class BindingMemory implements NativeMemory.Allocator {
    /** Called by ServiceLoader; loads no native code. */
    public BindingMemory() {}

    /** On a POSIX system whose calls go through FFM (Windows binds ws2_32 with JNA only). */
    @Override
    public boolean usable() {
        return !System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows") && NativeBinding.ffm();
    }

    @Override
    public long malloc(long size) {
        return PosixLibc.CALLS.malloc(size);
    }

    @Override
    public void free(long address) {
        PosixLibc.CALLS.free(address);
    }

    @Override
    public ByteBuffer view(long address, long size) {
        return PosixLibc.CALLS.view(address, size);
    }

    @Override
    public String toString() {
        return "FFM";
    }
}
