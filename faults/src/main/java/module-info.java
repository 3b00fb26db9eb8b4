/**
 * weft's fault-injecting provider: wraps the OS provider and injects the faults real networks
 * produce (short reads and writes, latency, resets, refused and slow connects, failing
 * accepts, lost, duplicated, reordered and truncated datagrams, resolver failures), each
 * decided by a seed so that a failing run replays exactly. Selected with
 * {@code -Dweft.provider=faults} or {@link dev.weft.faults.Faults#wrap}; see
 * {@link dev.weft.faults.Faults}.
 */
module dev.weft.faults {
    requires transitive dev.weft;
    // The JUnit extension only; absent at run time unless a test uses @WeftFaults.
    requires static org.junit.jupiter.api;

    exports dev.weft.faults;

    uses dev.weft.spi.SocketProvider;
    provides dev.weft.spi.SocketProvider with dev.weft.faults.FaultProvider;
}
