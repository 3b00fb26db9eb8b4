package dev.weft.posix;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * What every FFM binding of weft shares (compiled with {@code --release 22}, loaded only
 * on JDK 22+): the C library's symbols, the downcall handles, and the errno each call
 * captures. Every restricted method weft calls is called here, so native access needs
 * granting to this module alone ({@code --enable-native-access=dev.weft.posix} on the
 * module path, {@code ALL-UNNAMED} on the class path).
 *
 * <p><b>Where errno goes.</b> {@code captureCallState("errno")} makes the stub copy errno
 * into a segment the caller passes, right after the call, before the JVM can change it.
 * That segment is the calling thread's own (a {@link ThreadLocal}: for a virtual thread,
 * the virtual thread's, not its carrier's), allocated once per thread: a virtual thread
 * does not park between a call and the read of its errno, and even if it moved to another
 * carrier it would still read its own segment. A segment per call would cost a native
 * allocation each time; one per carrier cannot be had without the JDK's internals.
 *
 * <p><b>Critical calls.</b> The calls that cannot block on weft's non-blocking descriptors
 * use {@code Linker.Option.critical(true)}: no thread-state transition, and heap arrays
 * passed straight to the kernel. The ones that can block or run long (close with a linger,
 * {@code sendfile} from a file, the resolver, a waiting {@code epoll_wait}) do not, since a
 * critical call holds back the JVM's safepoints for as long as it runs.
 *
 * <p>Pointers and {@code size_t}/{@code ssize_t} go as {@code JAVA_LONG}: weft runs on LP64
 * ABIs only (x86_64 System V, AArch64, Apple arm64), where a pointer and a 64-bit integer
 * travel the same way, so no segment needs making per call.
 */
public final class Ffm {
    private Ffm() {}

    /** {@code int}. */
    public static final ValueLayout.OfInt I = ValueLayout.JAVA_INT;
    /** {@code long}, {@code size_t}, {@code ssize_t}, {@code off_t} and pointers to native memory. */
    public static final ValueLayout.OfLong J = ValueLayout.JAVA_LONG;
    /** A pointer given as a segment: a heap array (critical calls only) or native memory. */
    public static final MemoryLayout A = ValueLayout.ADDRESS;

    private static final Linker LINKER = Linker.nativeLinker();
    private static final SymbolLookup LIBC = LINKER.defaultLookup();
    private static final StructLayout STATE_LAYOUT = Linker.Option.captureStateLayout();
    private static final long ERRNO = STATE_LAYOUT.byteOffset(MemoryLayout.PathElement.groupElement("errno"));
    private static final Linker.Option CAPTURE = Linker.Option.captureCallState("errno");
    private static final Linker.Option CRITICAL = Linker.Option.critical(true);
    private static final ThreadLocal<MemorySegment> STATE = ThreadLocal.withInitial(
            () -> Arena.ofAuto().allocate(STATE_LAYOUT));

    /** Null when FFM can bind weft's calls here, else why not (for {@link NativeBinding}). */
    static String unavailable() {
        Module m = Ffm.class.getModule();
        String who = m.isNamed() ? m.getName() : "ALL-UNNAMED";
        if (!m.isNativeAccessEnabled()) {
            return "native access is not granted (add --enable-native-access=" + who + ")";
        }
        try {
            LINKER.downcallHandle(LIBC.find("getpid").orElseThrow(), FunctionDescriptor.of(I));
        } catch (IllegalCallerException e) {
            return "native access is refused (" + e.getMessage() + "; add --enable-native-access=" + who + ")";
        }
        return null;
    }

    /** The calling thread's errno capture segment, passed first to every handle of this class. */
    public static MemorySegment state() {
        return STATE.get();
    }

    /** The errno the last call on this thread captured. */
    public static int errno() {
        return STATE.get().get(I, ERRNO);
    }

    /** True if the C library has {@code name}. */
    public static boolean has(String name) {
        return LIBC.find(name).isPresent();
    }

    /** A call that cannot block: errno captured, critical. {@code result} null for void. */
    public static MethodHandle critical(String name, MemoryLayout result, MemoryLayout... args) {
        return handle(name, descriptor(result, args), CAPTURE, CRITICAL);
    }

    /**
     * A call that cannot block and whose errno nobody reads ({@code malloc}, {@code free}):
     * critical, errno not captured, so no capture segment is looked up and copied per call
     * (measured: malloc+free cost 23 ns with capture, against JNA's 16).
     */
    public static MethodHandle criticalNoErrno(String name, MemoryLayout result, MemoryLayout... args) {
        return handle(name, descriptor(result, args), CRITICAL);
    }

    /** A call that may block or run long: errno captured, not critical. */
    public static MethodHandle blocking(String name, MemoryLayout result, MemoryLayout... args) {
        return handle(name, descriptor(result, args), CAPTURE);
    }

    /** A variadic C function whose variadic part starts at {@code firstVariadic}, errno captured, critical. */
    public static MethodHandle variadic(String name, int firstVariadic, MemoryLayout result, MemoryLayout... args) {
        return handle(name, descriptor(result, args), CAPTURE, CRITICAL, Linker.Option.firstVariadicArg(firstVariadic));
    }

    private static FunctionDescriptor descriptor(MemoryLayout result, MemoryLayout... args) {
        return result == null ? FunctionDescriptor.ofVoid(args) : FunctionDescriptor.of(result, args);
    }

    private static MethodHandle handle(String name, FunctionDescriptor d, Linker.Option... options) {
        MemorySegment f = LIBC.find(name).orElseThrow(() -> new UnsatisfiedLinkError("weft: the C library has no " + name));
        return LINKER.downcallHandle(f, d, options);
    }

    /** The NUL-terminated UTF-8 string at native address {@code p}, or null. */
    public static String string(long p) {
        return p == 0 ? null : MemorySegment.ofAddress(p).reinterpret(Long.MAX_VALUE).getString(0, StandardCharsets.UTF_8);
    }

    /** A big-endian direct view of {@code size} bytes of native memory at {@code address}, never freed by the JVM. */
    public static ByteBuffer view(long address, long size) {
        return MemorySegment.ofAddress(address).reinterpret(size).asByteBuffer();
    }

    /** The native address of a direct buffer's start. */
    public static long address(ByteBuffer direct) {
        return MemorySegment.ofBuffer(direct).address() - direct.position();
    }

    /** A copy of {@code s} as a C string in {@code arena}, or NULL. */
    public static MemorySegment cString(Arena arena, String s) {
        return s == null ? MemorySegment.NULL : arena.allocateFrom(s);
    }

    /** A native copy of {@code bytes} in {@code arena}, or NULL: for calls that are not critical. */
    public static MemorySegment copy(Arena arena, byte[] bytes) {
        return bytes == null ? MemorySegment.NULL : arena.allocateFrom(ValueLayout.JAVA_BYTE, bytes);
    }

    /** A heap array as a segment, or NULL: for critical calls only. */
    public static MemorySegment heap(byte[] bytes) {
        return bytes == null ? MemorySegment.NULL : MemorySegment.ofArray(bytes);
    }

    /** What {@code invokeExact} threw, unchanged if unchecked (a downcall throws nothing checked). */
    public static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        throw new IllegalStateException(t);
    }
}
