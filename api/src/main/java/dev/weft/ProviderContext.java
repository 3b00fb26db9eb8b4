package dev.weft;

import dev.weft.spi.Poller;
import dev.weft.spi.SocketProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A provider with what the core looks up on every call precomputed: the errno numbers it
 * compares against and its poller. One per provider; the default one is chosen once, by
 * ServiceLoader. Choosing it starts nothing: numbers and names ({@link SocketConstants})
 * need only {@link #provider()}; the poller starts with the first context, the capability
 * probes run at the first {@link #capabilities()}.
 */
final class ProviderContext {
    private static final Map<SocketProvider, ProviderContext> CONTEXTS = new ConcurrentHashMap<>();
    private static volatile ProviderContext defaultContext;
    private static volatile SocketProvider defaultProvider;
    private static volatile Set<Capability> defaultCapabilities;
    private static final ReentrantLock LOAD_LOCK = new ReentrantLock();

    final SocketProvider provider;
    final Poller poller;
    final long eagain;
    final long ewouldblock;
    final long eintr;
    final long einprogress;
    final long ealready;
    final long eisconn;
    /** MSG_DONTWAIT and MSG_WAITALL, which the core handles itself (0 where absent). */
    final int msgDontwait;
    final int msgWaitall;
    /**
     * Whether a stream reader that emptied its socket may park without asking the kernel
     * again ({@link Poller#reportsEveryArrival}); {@code -Dweft.skipDrainedReads=false}
     * turns it off, for comparison.
     */
    final boolean skipDrainedReads;

    private ProviderContext(SocketProvider p) {
        this.provider = p;
        this.poller = p.poller();
        this.eagain = -p.nativeErrno(Errno.EAGAIN);
        this.ewouldblock = -p.nativeErrno(Errno.EWOULDBLOCK);
        this.eintr = -p.nativeErrno(Errno.EINTR);
        this.einprogress = -p.nativeErrno(Errno.EINPROGRESS);
        this.ealready = -p.nativeErrno(Errno.EALREADY);
        this.eisconn = -p.nativeErrno(Errno.EISCONN);
        this.msgDontwait = p.constants().getOrDefault("MSG_DONTWAIT", 0);
        this.msgWaitall = p.constants().getOrDefault("MSG_WAITALL", 0);
        this.skipDrainedReads = poller.reportsEveryArrival()
                && Boolean.parseBoolean(System.getProperty("weft.skipDrainedReads", "true"));
    }

    static ProviderContext of(SocketProvider p) {
        ProviderContext d = defaultContext;
        if (d != null && d.provider == p) {
            return d;
        }
        return CONTEXTS.computeIfAbsent(p, ProviderContext::create);
    }

    /**
     * The chosen provider's context; the choice is made once.
     *
     * @throws UncheckedIOException if the provider cannot start (no descriptor free, say)
     */
    static ProviderContext get() {
        ProviderContext c = defaultContext;
        if (c == null) {
            c = choose();
        }
        return c;
    }

    /** {@link #get()} for callers that throw IOException: a failure to start comes as itself. */
    static ProviderContext require() throws IOException {
        try {
            return get();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** {@link #of} for callers that throw IOException. */
    static ProviderContext require(SocketProvider p) throws IOException {
        try {
            return of(p);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static ProviderContext choose() {
        LOAD_LOCK.lock();
        try {
            if (defaultContext == null) {
                defaultContext = of(provider());
            }
            return defaultContext;
        } finally {
            LOAD_LOCK.unlock();
        }
    }

    /** The chosen provider, without its poller or probes: the choice is made once. */
    static SocketProvider provider() {
        SocketProvider p = defaultProvider;
        if (p == null) {
            LOAD_LOCK.lock();
            try {
                if (defaultProvider == null) {
                    defaultProvider = load();
                }
                p = defaultProvider;
            } finally {
                LOAD_LOCK.unlock();
            }
        }
        return p;
    }

    /** The chosen provider's capabilities after the {@code weft.capability.*} switches, probed on first question. */
    static Set<Capability> capabilities() {
        Set<Capability> c = defaultCapabilities;
        if (c == null) {
            // Two threads racing here both probe and agree: no lock needed (the provider caches its probes too).
            EnumSet<Capability> caps = EnumSet.noneOf(Capability.class);
            SocketProvider p = provider();
            for (Capability k : firstNative(p, p::capabilities)) {
                if (k.enabledByProperty()) {
                    caps.add(k);
                }
            }
            defaultCapabilities = c = Set.copyOf(caps);
        }
        return c;
    }

    private static SocketProvider load() {
        String forced = System.getProperty("weft.provider");
        List<SocketProvider> all = new ArrayList<>();
        ServiceLoader.load(SocketProvider.class, ProviderContext.class.getClassLoader()).forEach(all::add);
        if (all.isEmpty()) {
            // On the module path with a foreign context loader, try the thread's too.
            ServiceLoader.load(SocketProvider.class).forEach(all::add);
        }
        if (forced != null) {
            for (SocketProvider p : all) {
                if (p.name().equals(forced)) {
                    return p;
                }
            }
            throw new IllegalStateException("weft: -Dweft.provider=" + forced + " names no provider on the class or module path; found "
                    + all.stream().map(SocketProvider::name).toList());
        }
        return all.stream().filter(SocketProvider::isSupported)
                .max(Comparator.comparingInt(SocketProvider::priority))
                .orElseThrow(() -> new IllegalStateException(noProviderMessage(all)));
    }

    /**
     * Free descriptors the first use needs: JNA unpacks and loads its native library (3 at
     * once, measured on Linux) and the poller keeps some (an epoll instance per carrier).
     */
    private static final int FIRST_USE_DESCRIPTORS = Math.max(16, 8 + Poller.carriers());
    /** Set once a context started: the native binding is loaded, nothing is left to poison. */
    private static volatile boolean started;
    /** The native binding's failure to initialise, which JNA cannot retry in this JVM. */
    private static volatile IOException bindingFailure;

    private static ProviderContext create(SocketProvider p) {
        return firstNative(p, () -> new ProviderContext(p));
    }

    /**
     * Runs what may be {@code p}'s first native work (its poller, its probes): until some
     * has succeeded, only with descriptors free, and a binding that fails to initialise
     * becomes an exception that says so.
     */
    private static <T> T firstNative(SocketProvider p, java.util.function.Supplier<T> work) {
        if (!started) {
            checkDescriptorsFree(p);
        }
        T r;
        try {
            r = work.get();
        } catch (LinkageError | InternalError e) {
            throw new UncheckedIOException(bindingFailed(p, e));
        }
        started = true;
        return r;
    }

    /**
     * Fails with {@code EMFILE} before any native code is touched if too few descriptors are
     * free: JNA's initialiser would fail inside a static initialiser, and leave JNA and
     * weft's bindings unusable for the life of the JVM. This way nothing is loaded and a
     * later call succeeds once descriptors are free.
     */
    private static void checkDescriptorsFree(SocketProvider p) {
        java.io.File probe = new java.io.File("/dev/null");
        if (!probe.exists()) {
            return; // no POSIX file system: the limit is not one to check this way
        }
        List<java.io.FileInputStream> held = new ArrayList<>();
        try {
            for (int i = 0; i < FIRST_USE_DESCRIPTORS; i++) {
                held.add(new java.io.FileInputStream(probe));
            }
        } catch (java.io.FileNotFoundException e) {
            if (String.valueOf(e.getMessage()).contains("Too many open files")) {
                int n = p.nativeErrno(Errno.EMFILE);
                IOException emfile = Errors.of(Errno.EMFILE, n, "Too many open files",
                        "weft's first use needs " + FIRST_USE_DESCRIPTORS + " free file descriptors to load its native binding"
                        + " and start its poller; nothing was loaded, so a later call succeeds once descriptors are"
                        + " closed or the limit is raised (ulimit -n); opening a socket once at start-up avoids this");
                emfile.initCause(e);
                throw new UncheckedIOException(emfile);
            }
            // Another reason: the real first use will say what is wrong.
        } finally {
            for (java.io.FileInputStream f : held) {
                try {
                    f.close();
                } catch (IOException ignored) {
                    // /dev/null
                }
            }
        }
    }

    /** The error for a native binding that failed to initialise; the first failure is kept, as JNA keeps it. */
    private static IOException bindingFailed(SocketProvider p, Throwable e) {
        IOException first = bindingFailure;
        boolean emfile = first == null ? mentionsEmfile(e) : first instanceof OsError o && o.errno() == Errno.EMFILE;
        String binding = bindingOf(first == null ? e : first.getCause());
        String msg = "weft: the native binding (" + binding + ") of provider " + p.name() + " could not initialise"
                + (emfile ? ", as no file descriptor was free (EMFILE)" : "")
                + "; " + binding + " cannot retry in this JVM, so weft cannot run in it: restart it"
                + (emfile ? " with descriptors free, and open a socket once at start-up, before they can run out" : "")
                + " (README: Troubleshooting). " + (first == null ? "Cause: " + e : "First failure: " + first.getCause());
        IOException io = emfile ? new WeftSocketException(Errno.EMFILE, p.nativeErrno(Errno.EMFILE), msg) : new IOException(msg);
        io.initCause(first == null ? e : first.getCause());
        if (first != null) {
            io.addSuppressed(e);
        } else {
            bindingFailure = io;
        }
        return io;
    }

    /**
     * The binding that failed, read from the failure itself: api cannot ask the provider
     * (its {@code toString()} names the binding, but through the class whose initialiser
     * may be what failed). JNA if its classes are in the failure, FFM if it names FFM
     * ({@code -Dweft.native=ffm} refused, a java.lang.foreign error), else JNA, the binding of
     * every provider without an FFM one.
     */
    static String bindingOf(Throwable e) {
        boolean ffm = false;
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage());
            if (m.contains("com.sun.jna")) {
                return "JNA";
            }
            ffm |= m.contains("FFM") || m.contains("weft.native=ffm") || m.contains("java.lang.foreign");
            for (StackTraceElement f : t.getStackTrace()) {
                String c = f.getClassName();
                if (c.startsWith("com.sun.jna.")) {
                    return "JNA";
                }
                ffm |= c.startsWith("java.lang.foreign.") || c.startsWith("jdk.internal.foreign.")
                        || c.substring(c.lastIndexOf('.') + 1).startsWith("Ffm");
            }
        }
        return ffm ? "FFM" : "JNA";
    }

    private static boolean mentionsEmfile(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (String.valueOf(t.getMessage()).contains("Too many open files")) {
                return true;
            }
        }
        return false;
    }

    private static String noProviderMessage(List<SocketProvider> found) {
        String os = System.getProperty("os.name") + "/" + System.getProperty("os.arch");
        String module = os.toLowerCase().contains("linux") ? "dev.weft:weft-impl-linux"
                : os.toLowerCase().contains("mac") ? "dev.weft:weft-impl-macos"
                : os.toLowerCase().contains("windows") ? "dev.weft:weft-impl-windows"
                : "a weft provider for this OS";
        return "weft: no socket provider supports " + os + " (found " + found.stream().map(SocketProvider::name).toList()
                + "); add " + module + " to the class path or module path";
    }

    /** strerror texts by errno, looked up once: an error path need not call into libc. */
    private final java.util.concurrent.ConcurrentHashMap<Integer, String> texts = new java.util.concurrent.ConcurrentHashMap<>();

    IOException error(long negErrno, String context) {
        int n = (int) -negErrno;
        return Errors.of(provider.errno(n), n, texts.computeIfAbsent(n, provider::strerror), context);
    }

    /**
     * The non-blocking call's "would block" ({@code EAGAIN} or {@code EWOULDBLOCK}). It is
     * control flow there, thrown as often as data is missing, so its message is made once per
     * errno rather than concatenated per call (benchmark h). A race between first callers
     * makes the same string twice, harmlessly.
     */
    IOException wouldBlockError(long negErrno) {
        int n = (int) -negErrno;
        boolean again = negErrno == eagain;
        String m = again ? eagainMessage : ewouldblockMessage;
        if (m == null) {
            m = Errors.message(n, texts.computeIfAbsent(n, provider::strerror), NON_BLOCKING);
            if (again) {
                eagainMessage = m;
            } else {
                ewouldblockMessage = m;
            }
        }
        return Errors.make(provider.errno(n), n, m);
    }

    static final String NON_BLOCKING = "non-blocking socket";
    private String eagainMessage;
    private String ewouldblockMessage;

    boolean wouldBlock(long r) {
        return r == eagain || r == ewouldblock;
    }
}
