package dev.weft.tests;

import dev.weft.Family;
import dev.weft.SockAddr;
import dev.weft.Socket;
import dev.weft.SocketClosedException;
import dev.weft.SocketType;
import dev.weft.Sockets;
import dev.weft.WeftTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Child JVM of {@link VirtualThreadHygieneTest}; weft is first touched on a virtual
 * thread here, so that even class initialization runs where a pin would show.
 *
 * <ul>
 * <li>{@code jfr}: records {@code jdk.VirtualThreadPinned} (threshold 0, with stacks) over
 *     a workload (echo on many virtual threads, timeouts, close while blocked, accept,
 *     connect, a full send buffer, Unix datagrams, a lookup), then prints
 *     {@code PINNED total weft control class-loading} and each weft stack. A deliberate pin in
 *     a test class initializer is the control: it shows the recording sees pins and their
 *     stacks. A pin inside the JVM's loading of a class, or inside another library's static
 *     initializer (JNA's), is the first use of a class under contention, which the JDK pins
 *     on any thread: counted apart and printed, not blamed on weft. A weft class initializer
 *     that parks is weft's.
 * <li>{@code carrier}: run with one carrier; 1,000 socket pairs ping-pong on virtual
 *     threads, with timeouts and closes among them; prints {@code DONE} and the carriers
 *     seen, or {@code STUCK} (exit 3) from a platform-thread watchdog.
 * </ul>
 */
public final class HygieneMain {
    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "jfr" -> jfr();
            case "carrier" -> carrier(Integer.parseInt(args[1]));
            default -> throw new IllegalArgumentException(args[0]);
        }
        System.exit(0);
    }

    // ---- JFR: no pinned event with a weft frame ---------------------------------------------

    /** Parks in its class initializer: a pin the recording must see (JDK 24+ still pins there). */
    static final class PinControl {
        static final int READY;

        static {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            READY = 1;
        }
    }

    private static void jfr() throws Exception {
        Path out = Files.createTempFile("weft-hygiene", ".jfr");
        try (Recording rec = new Recording()) {
            rec.enable("jdk.VirtualThreadPinned").withThreshold(Duration.ZERO).withStackTrace();
            rec.start();
            Thread control = Thread.ofVirtual().start(() -> {
                if (PinControl.READY != 1) {
                    throw new AssertionError();
                }
            });
            control.join();
            Thread w = Thread.ofVirtual().start(() -> {
                try {
                    workload();
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            });
            w.join();
            rec.stop();
            rec.dump(out);
        }
        int total = 0;
        int weft = 0;
        int control = 0;
        int jvm = 0;
        for (RecordedEvent e : RecordingFile.readAllEvents(out)) {
            if (!e.getEventType().getName().equals("jdk.VirtualThreadPinned")) {
                continue;
            }
            total++;
            List<String> frames = new ArrayList<>();
            boolean inWeft = false;
            boolean inControl = false;
            // The innermost class initializer or class loading on the stack, if any: the pin is theirs.
            String loading = null;
            if (e.getStackTrace() != null) {
                for (RecordedFrame f : e.getStackTrace().getFrames()) {
                    String cls = f.getMethod().getType().getName();
                    String method = f.getMethod().getName();
                    frames.add(cls + "." + method + ":" + f.getLineNumber());
                    inControl |= cls.startsWith(PinControl.class.getName());
                    inWeft |= isWeft(cls);
                    if (loading == null && method.equals("<clinit>")) {
                        loading = cls;
                    } else if (loading == null && cls.equals("java.lang.ClassLoader") && method.startsWith("loadClass")) {
                        loading = "class loading";
                    }
                }
            }
            String why = field(e, "pinnedReason") + " / " + field(e, "blockingOperation") + " " + frames;
            if ((loading == null || isWeft(loading)) && field(e, "blockingOperation").contains("monitor enter")) {
                // weft's code takes no monitors (VirtualThreadHygieneTest checks its sources), so
                // a monitor under a weft frame is the JVM's: resolving a class the frame names
                // while another thread loads it (the recorded stack stops at the weft frame).
                // That holds inside a weft class initializer too (a CI run saw Deadline.<clinit>,
                // two constant allocations, "contended" this way); a weft initializer that parks
                // is still weft's, as its blocking operation is then a park, not a monitor.
                loading = "class resolution";
            }
            if (field(e, "pinnedReason").startsWith("Waited for initialization of")) {
                // The JVM's class-initialization protocol: this thread first used a class another
                // thread was initializing, and the JVM waits for it on a monitor of its own, pinned
                // (a CI run saw it for the record Sockets$SocketPair). An initializer of weft's
                // that parked would still be caught: its own thread's event has the <clinit>
                // frame and a park for its blocking operation.
                loading = "class initialization";
            }
            if (inControl) {
                control++;
            } else if (loading != null && !isWeft(loading)) {
                // The JVM loading a class, or another library's static initializer, parked while
                // pinned (JDK 24+ still pins there): the first use of a class, not a weft wait.
                jvm++;
                System.out.println("JVM-PINNED in " + loading + ": " + why);
            } else if (inWeft) {
                weft++;
                System.out.println("WEFT-PINNED " + why);
            }
        }
        Files.deleteIfExists(out);
        System.out.println("PINNED " + total + " weft " + weft + " control " + control + " class-loading " + jvm);
    }

    /** weft's own code (the library, the kit), not its tests. */
    private static boolean isWeft(String cls) {
        return cls.startsWith("dev.weft.") && !cls.startsWith("dev.weft.tests.");
    }

    /** A field of the event, or "?" where this JDK's event has no such field (JDK 21-23). */
    private static String field(RecordedEvent e, String name) {
        return e.hasField(name) ? String.valueOf((Object) e.getValue(name)) : "?";
    }

    private static void workload() throws Exception {
        try (var vt = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> fs = new ArrayList<>();
            // Echo: a TCP server and 200 clients.
            Socket server = Sockets.createServer(SockAddr.inet("127.0.0.1", 0), 256, false, false);
            fs.add(vt.submit(() -> {
                for (;;) {
                    Socket.Accepted a;
                    try {
                        a = server.accept();
                    } catch (SocketClosedException done) {
                        return null;
                    }
                    vt.submit(() -> {
                        try (a) {
                            for (byte[] b; (b = a.socket().recv(4096)).length > 0; ) {
                                a.socket().sendAll(b);
                            }
                        }
                        return null;
                    });
                }
            }));
            List<Future<?>> clients = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                clients.add(vt.submit(() -> {
                    try (Socket c = Socket.open(Family.INET, SocketType.STREAM)) {
                        c.setTimeout(Duration.ofSeconds(30));
                        c.connect(server.getSockName());
                        byte[] m = new byte[3000];
                        for (int k = 0; k < 5; k++) {
                            c.sendAll(m);
                            int got = 0;
                            while (got < m.length) {
                                got += c.recv(m.length - got).length;
                            }
                        }
                    }
                    return null;
                }));
            }
            // Timeouts.
            for (int i = 0; i < 100; i++) {
                fs.add(vt.submit(() -> {
                    try (var p = Sockets.socketPair()) {
                        p.first().setTimeout(Duration.ofMillis(10));
                        try {
                            p.first().recv(1);
                        } catch (WeftTimeoutException expected) {
                            // the point
                        }
                    }
                    return null;
                }));
            }
            // Close while blocked, and a full send buffer closed under its writer.
            for (int i = 0; i < 100; i++) {
                fs.add(vt.submit(() -> {
                    var p = Sockets.socketPair();
                    CountDownLatch in = new CountDownLatch(1);
                    Future<?> blocked = vt.submit(() -> {
                        in.countDown();
                        try {
                            p.first().recv(1);
                        } catch (SocketClosedException expected) {
                            // the point
                        }
                        return null;
                    });
                    Future<?> full = vt.submit(() -> {
                        try {
                            p.second().sendAll(new byte[4 << 20]);
                        } catch (SocketClosedException expected) {
                            // the point
                        } catch (dev.weft.BrokenPipeException | dev.weft.ConnectionResetException peerFirst) {
                            // p.first() closes first: a send running at that moment sees the peer
                            // gone (EPIPE) before its own socket closes (a CI run saw it)
                        }
                        return null;
                    });
                    in.await();
                    Thread.sleep(5);
                    p.first().close();
                    p.second().close();
                    blocked.get();
                    full.get();
                    return null;
                }));
            }
            // Unix datagrams and a lookup.
            fs.add(vt.submit(() -> {
                try (var p = Sockets.socketPair(Family.UNIX, SocketType.DGRAM, 0)) {
                    for (int i = 0; i < 100; i++) {
                        p.first().send(new byte[] {(byte) i});
                        p.second().recv(1);
                    }
                }
                Sockets.getAddrInfo("localhost", 80, Family.UNSPEC, SocketType.STREAM);
                return null;
            }));
            for (Future<?> c : clients) {
                c.get(60, TimeUnit.SECONDS);
            }
            server.close();
            for (Future<?> f : fs) {
                f.get(60, TimeUnit.SECONDS);
            }
        }
    }

    // ---- one carrier: everything still makes progress ----------------------------------------

    private static void carrier(int pairs) throws Exception {
        Thread watchdog = Thread.ofPlatform().daemon().start(() -> {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                return;
            }
            System.out.println("STUCK after 60 s: " + PROGRESS.get() + " rounds done");
            System.out.flush();
            Runtime.getRuntime().halt(3);
        });
        Set<String> carriers = ConcurrentHashMap.newKeySet();
        List<Sockets.SocketPair> ps = new ArrayList<>();
        for (int i = 0; i < pairs; i++) {
            ps.add(Sockets.socketPair());
        }
        int rounds = 10;
        CountDownLatch done = new CountDownLatch(2 * pairs);
        AtomicInteger failures = new AtomicInteger();
        for (int i = 0; i < pairs; i++) {
            Sockets.SocketPair p = ps.get(i);
            boolean withTimeouts = i % 10 == 0;
            // The answering side parks first, so every pair has a thread parked in recv at once.
            Thread.ofVirtual().start(() -> {
                try {
                    carriers.add(carrierOf(Thread.currentThread()));
                    byte[] b = new byte[1];
                    for (int k = 0; k < rounds; k++) {
                        byte[] early = null;
                        if (withTimeouts) { // a short timeout first: it fires, or the byte came already
                            p.second().setTimeout(Duration.ofMillis(1));
                            try {
                                early = p.second().recv(1);
                            } catch (WeftTimeoutException expected) {
                                // the point
                            }
                            p.second().setTimeout(null);
                        }
                        b = early != null ? early : p.second().recv(1);
                        p.second().send(b);
                    }
                } catch (Exception e) {
                    failures.incrementAndGet();
                    e.printStackTrace();
                } finally {
                    done.countDown();
                }
            });
        }
        for (int i = 0; i < pairs; i++) {
            Sockets.SocketPair p = ps.get(i);
            Thread.ofVirtual().start(() -> {
                try {
                    carriers.add(carrierOf(Thread.currentThread()));
                    for (int k = 0; k < rounds; k++) {
                        p.first().send(new byte[] {(byte) k});
                        byte[] back = p.first().recv(1);
                        if (back.length != 1 || back[0] != (byte) k) {
                            throw new AssertionError("round " + k + " got " + Arrays.toString(back));
                        }
                        PROGRESS.incrementAndGet();
                    }
                } catch (Exception | AssertionError e) {
                    failures.incrementAndGet();
                    e.printStackTrace();
                } finally {
                    done.countDown();
                }
            });
        }
        done.await();
        // Close while blocked, on the one carrier: the closer must get to run.
        Sockets.SocketPair last = ps.get(0);
        Thread blocked = Thread.ofVirtual().start(() -> {
            try {
                last.first().recv(1);
            } catch (SocketClosedException expected) {
                PROGRESS.incrementAndGet();
            } catch (Exception e) {
                failures.incrementAndGet();
            }
        });
        Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(20);
                last.first().close();
            } catch (Exception e) {
                failures.incrementAndGet();
            }
        }).join();
        blocked.join();
        for (Sockets.SocketPair p : ps) {
            p.close();
        }
        watchdog.interrupt();
        System.out.println("DONE " + PROGRESS.get() + " rounds, failures " + failures.get() + ", carriers " + carriers.size()
                + " " + carriers + ", parallelism " + System.getProperty("jdk.virtualThreadScheduler.parallelism"));
    }

    private static final AtomicInteger PROGRESS = new AtomicInteger();

    /** The carrier's name from a virtual thread's {@code toString}: {@code VirtualThread[#22]/runnable@ForkJoinPool-1-worker-1}. */
    private static String carrierOf(Thread t) {
        String s = t.toString();
        int at = s.lastIndexOf('@');
        return at < 0 ? "?" : s.substring(at + 1);
    }
}
