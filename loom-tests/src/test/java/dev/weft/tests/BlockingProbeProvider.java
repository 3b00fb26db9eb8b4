package dev.weft.tests;

import com.sun.jna.Library;
import com.sun.jna.Native;
import dev.weft.AddrInfo;
import dev.weft.linux.LinuxProvider;
import dev.weft.spi.ForwardingSocketProvider;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The Linux provider with a {@code getAddrInfo} that first blocks its thread in the kernel,
 * as a slow DNS lookup does: a blocking {@code read(2)} of one byte from a pipe, which the
 * test fills when it chooses. A virtual thread making this call would hold its carrier for
 * as long. Chosen only with {@code -Dweft.provider=blocking-probe}, in a child JVM.
 */
public final class BlockingProbeProvider extends ForwardingSocketProvider {
    /** libc through JNA's interface mapping: a call that blocks pins and blocks the carrier. */
    public interface CLib extends Library {
        CLib INSTANCE = Native.load("c", CLib.class);

        int pipe(int[] fds);

        long read(int fd, byte[] buf, long count);

        long write(int fd, byte[] buf, long count);
    }

    private static final int[] GATE = new int[2];

    static {
        if (CLib.INSTANCE.pipe(GATE) != 0) {
            throw new IllegalStateException("pipe failed");
        }
    }

    /** Calls that reached the gate; calls that arrived on a virtual thread. */
    static final AtomicInteger ENTERED = new AtomicInteger();
    static final AtomicInteger ON_VIRTUAL_THREAD = new AtomicInteger();

    /** Lets {@code n} blocked (or future) lookups through. */
    static void open(int n) {
        byte[] b = new byte[n];
        if (CLib.INSTANCE.write(GATE[1], b, n) != n) {
            throw new IllegalStateException("write to the gate failed");
        }
    }

    private final LinuxProvider d;

    /** Called by ServiceLoader: the Linux provider, with a gated resolver. */
    public BlockingProbeProvider() {
        this(new LinuxProvider());
    }

    private BlockingProbeProvider(LinuxProvider d) {
        super(d);
        this.d = d;
    }

    @Override
    public List<AddrInfo> getAddrInfo(String host, String service, int family, int type, int protocol, int flags)
            throws IOException {
        if (Thread.currentThread().isVirtual()) {
            ON_VIRTUAL_THREAD.incrementAndGet();
        }
        ENTERED.incrementAndGet();
        if (CLib.INSTANCE.read(GATE[0], new byte[1], 1) != 1) {
            throw new IOException("gate read failed");
        }
        return d.getAddrInfo(host, service, family, type, protocol, flags);
    }

    @Override
    public String name() {
        return "blocking-probe";
    }

    @Override
    public int priority() {
        return -1000; // never chosen unless forced
    }
}
