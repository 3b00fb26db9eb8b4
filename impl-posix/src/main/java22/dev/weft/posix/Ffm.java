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
 * That segment belongs to the OS thread that makes the call, as errno itself does: a
 * virtual thread uses its carrier's, found in a small table keyed by {@code pthread_self()}
 * (one critical downcall, a few nanoseconds), because it does not park between a call and
 * the read of its errno ({@link PosixCalls}' contract, which JNA's per-OS-thread errno
 * needs too), so nothing else runs on that carrier meanwhile. A segment per virtual thread
 * (a {@link ThreadLocal}, the first design) cost about 320 bytes of heap for every thread
 * that ever made a call, 640 B per idle connection with a reader on each end, more than a
 * tenth of what weft keeps per connection; a segment per call would cost a native
 * allocation each time. Platform threads keep a {@link ThreadLocal} one: they are not
 * numbered in thousands, and the table stays for carriers.
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

    /**
     * The carriers' capture segments, in a class of their own so that binding
     * {@code pthread_self} (a restricted method) waits for the first call of a virtual
     * thread, after {@link #unavailable()} has checked that native access is granted.
     */
    private static final class Carriers {
        private static final MethodHandle PTHREAD_SELF = LINKER.downcallHandle(
                LIBC.find("pthread_self").orElseThrow(), FunctionDescriptor.of(J), CRITICAL);

        /** An OS thread's capture segment; never replaced once in the table. */
        private record Carrier(long self, MemorySegment state) {}

        /**
         * Open addressing on {@code pthread_self()}: an entry is only ever added (compare-and-set
         * into an empty slot), so a thread that found its entry finds it again at its next call;
         * the value of a thread that ended is reused by the C library for a new one, which then
         * takes the entry over. Carriers number at most the scheduler's maximum pool size (256
         * by default); a table crowded beyond {@link #PROBES} slots sends the thread to its
         * {@link ThreadLocal} one, the same at every lookup since entries never leave.
         */
        private static final int SLOTS = 1024;
        private static final int PROBES = 16;
        private static final java.util.concurrent.atomic.AtomicReferenceArray<Carrier> CARRIERS =
                new java.util.concurrent.atomic.AtomicReferenceArray<>(SLOTS);

        static MemorySegment state() {
            long self;
            try {
                self = (long) PTHREAD_SELF.invokeExact();
            } catch (Throwable t) {
                throw rethrow(t);
            }
            int i = (int) ((self * 0x9E3779B97F4A7C15L) >>> 54); // the high 10 bits of a Fibonacci hash
            for (int probe = 0; probe < PROBES; probe++, i = (i + 1) & (SLOTS - 1)) {
                Carrier c = CARRIERS.getAcquire(i);
                if (c == null) {
                    Carrier mine = new Carrier(self, Arena.global().allocate(STATE_LAYOUT));
                    if (CARRIERS.compareAndExchange(i, null, mine) == null) {
                        return mine.state;
                    }
                    c = CARRIERS.getAcquire(i);
                }
                if (c.self == self) {
                    return c.state;
                }
            }
            return STATE.get();
        }

        static void load() {}
    }

    /**
     * Initialises what virtual threads' calls use, on the thread that sets the binding up:
     * left to the first calls, two virtual threads racing through the class's initialiser
     * would wait for each other there, which pins the waiting one to its carrier.
     */
    static void prepare() {
        Carriers.load();
    }

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
        return Thread.currentThread().isVirtual() ? Carriers.state() : STATE.get();
    }

    /** The errno the last call on this thread captured. */
    public static int errno() {
        return state().get(I, ERRNO);
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
