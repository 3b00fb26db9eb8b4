package dev.weft.tests;

import static org.junit.jupiter.api.Assertions.fail;

import dev.weft.Errno;
import dev.weft.Family;
import dev.weft.OsError;
import dev.weft.Socket;
import dev.weft.SocketType;
import dev.weft.Sockets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;

/**
 * The families this machine's kernel may lack (AF_CAN, AF_ALG, AF_TIPC, AF_VSOCK's
 * transports, AF_QIPCRTR) are tested in the kernel lane: {@code ./mvnw -q -pl
 * loom-tests,examples -am verify -DskipTests -Pkernel-lane} (the profile is in {@code examples})
 * boots a guest kernel that has them
 * ({@code tools/kernel-lane.sh}) and runs every test tagged {@value #TAG} there, in one
 * JVM. Outside the lane such a test skips, saying what the kernel lacks; inside it
 * ({@code WEFT_KERNEL_LANE=1}), a missing family fails instead, so the lane can never pass
 * without the kernel behaviour.
 *
 * <p>The guest emulates its CPU (about 25x slower for JVM work): {@link #SCALE} (the system
 * property {@code weft.test.timeScale}, which the lane sets) stretches every bound a test
 * waits for, never a time a test asserts.
 */
final class KernelLane {
    private KernelLane() {}

    /** The JUnit tag of the tests the lane runs. */
    static final String TAG = "kernel-lane";

    /** True inside the lane's guest. */
    static final boolean IN_LANE = "1".equals(System.getenv("WEFT_KERNEL_LANE"));

    /** How much longer than on this machine anything may take: 1 here, the lane's factor in the guest. */
    static final int SCALE = Math.max(1, Integer.getInteger("weft.test.timeScale", 1));

    /** {@code d} stretched by {@link #SCALE}. */
    static Duration scaled(Duration d) {
        return d.multipliedBy(SCALE);
    }

    private static final Set<Errno> ABSENT = Set.of(Errno.EAFNOSUPPORT, Errno.EPROTONOSUPPORT, Errno.ESOCKTNOSUPPORT,
            Errno.ENODEV, Errno.ENOENT);

    /**
     * Skips (outside the lane) or fails (inside it) unless this kernel opens a socket of
     * {@code family}, {@code type} and {@code protocol}; {@code what} names it in the reason.
     */
    static void assumeSocket(Family family, SocketType type, int protocol, String what) throws IOException {
        if (Sockets.provider().nativeFamily(family) < 0) {
            absent("this OS has no " + family.constantName());
        }
        try (Socket s = Socket.open(family, type, protocol)) {
            s.fileno();
        } catch (IOException e) {
            if (!(e instanceof OsError o) || !ABSENT.contains(o.errno())) {
                throw e;
            }
            absent("this kernel has no " + what + " (" + o.errno() + ")");
        }
    }

    /** Skips or fails unless the network interface {@code name} exists (the lane makes vcan0 and vcan1). */
    static void assumeInterface(String name) {
        if (!Files.exists(Path.of("/sys/class/net", name))) {
            absent("no interface " + name);
        }
    }

    /** Skips outside the lane, fails inside it. */
    static void absent(String reason) {
        if (IN_LANE) {
            fail("the kernel lane's guest must have it: " + reason);
        }
        Assumptions.abort(reason + "; the kernel lane runs this test (./mvnw -q -pl loom-tests,examples -am verify -DskipTests -Pkernel-lane)");
    }
}
