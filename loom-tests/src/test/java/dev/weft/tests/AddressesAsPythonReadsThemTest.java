package dev.weft.tests;

import static dev.weft.tests.PropertySupport.gen;
import static dev.weft.tests.PropertySupport.theory;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.Family;
import dev.weft.OsError;
import dev.weft.SockAddr;
import dev.weft.Socket;
import dev.weft.SocketType;
import dev.weft.kit.AddressGen;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The address forms of the families this kernel has, beyond INET and UNIX, through the
 * kernel and against python3 ({@link PythonAddresses}): whatever weft binds, getsockname
 * reads back what CPython reads after binding the same tuple, or both fail with the same
 * errno; and the address in a datagram's {@code recvfrom} is the same to both. The kernel
 * lane's {@code LaneAddressesAsPythonReadsThemTest} does the same for the families only the
 * guest has.
 */
class AddressesAsPythonReadsThemTest {
    private static final int NETLINK_USERSOCK = 2;

    @RegisterExtension
    static final PythonAddresses.PerClass PYTHON = new PythonAddresses.PerClass();

    /** Any explicit port id (0 would let each process's kernel choose), any group mask. */
    @Test
    void netlinkNamesBoundAreThoseCPythonReadsBack() throws Exception {
        assumeOpens(Family.NETLINK, SocketType.DGRAM, NETLINK_USERSOCK);
        bindTheory(100, r -> {
            int pid = r.nextInt(3) == 0 ? 1 + r.nextInt(1 << 16) : r.nextInt() | 1;
            int groups = switch (r.nextInt(3)) {
                case 0 -> 0;
                case 1 -> 1 << r.nextInt(32);
                default -> r.nextInt();
            };
            return new SockAddr.Netlink(pid, groups);
        }, (r, a) -> PYTHON.get().bindBoth(Family.NETLINK, r.nextBoolean() ? SocketType.DGRAM : SocketType.RAW, NETLINK_USERSOCK, a));
    }

    /** Both sides let the kernel choose their port id, or weft binds one of its own. */
    @Test
    void netlinkDatagramsNameTheirSendersAsCPythonDoes() throws Exception {
        assumeOpens(Family.NETLINK, SocketType.DGRAM, NETLINK_USERSOCK);
        theory(30).forAll(gen(r -> r.nextLong())).checkAssert(seed -> {
            RandomGenerator r = new java.util.SplittableRandom(seed.value());
            SockAddr.Netlink mine = new SockAddr.Netlink(r.nextBoolean() ? 0 : 0x4000_0000 | r.nextInt(1 << 24), 0);
            long fds = PropertySupport.openFds();
            try {
                PYTHON.get().exchange(Family.NETLINK, r.nextBoolean() ? SocketType.DGRAM : SocketType.RAW, NETLINK_USERSOCK,
                        new SockAddr.Netlink(0, 0), mine, n -> new SockAddr.Netlink((int) n[0], 0));
            } catch (IOException e) {
                throw new AssertionError(mine + ": " + e, e);
            }
            PropertySupport.assertNoFdLeft(fds);
        });
    }

    /**
     * {@code ('lo', proto, pkttype, hatype, addr)}: the kernel keeps the interface and the
     * protocol and reports the device's own type and address, for CPython as for weft.
     * (CPython refuses the interface {@code ""} and addresses longer than 8 bytes, which weft
     * takes; those are left out.)
     */
    @Test
    void packetNamesBoundOnLoopbackAreThoseCPythonReadsBack() throws Exception {
        assumeOpens(Family.PACKET, SocketType.DGRAM, 0);
        bindTheory(100, r -> {
            SockAddr.Packet p = AddressGen.packet(r, List.of("lo"));
            byte[] hw = p.addr().length > 8 ? java.util.Arrays.copyOf(p.addr(), 8) : p.addr();
            return new SockAddr.Packet("lo", p.proto(), p.pkttype(), p.hatype(), hw);
        }, (r, a) -> PYTHON.get().bindBoth(Family.PACKET, r.nextBoolean() ? SocketType.DGRAM : SocketType.RAW, 0, a));
    }

    interface BindTrip<A> {
        boolean run(RandomGenerator r, A address) throws IOException;
    }

    /**
     * {@code examples} addresses from {@code draw}, each through {@code trip} with no descriptor
     * left open; at least one bind must succeed, so a kernel refusing every draw cannot pass.
     */
    static <A> void bindTheory(int examples, java.util.function.Function<RandomGenerator, A> draw, BindTrip<A> trip) {
        AtomicInteger bound = new AtomicInteger();
        theory(examples).forAll(gen(r -> r.nextLong())).checkAssert(seed -> {
            RandomGenerator r = new java.util.SplittableRandom(seed.value());
            A a = draw.apply(r);
            long fds = PropertySupport.openFds();
            try {
                if (trip.run(r, a)) {
                    bound.incrementAndGet();
                }
            } catch (IOException e) {
                throw new AssertionError(a + ": " + e, e);
            }
            PropertySupport.assertNoFdLeft(fds);
        });
        assertTrue(bound.get() > 0, "no draw could be bound: the trip proved nothing");
    }

    /** Skips where this process may not open such a socket (AF_PACKET needs CAP_NET_RAW). */
    static void assumeOpens(Family family, SocketType type, int protocol) throws IOException {
        try (Socket s = Socket.open(family, type, protocol)) {
            s.fileno();
        } catch (IOException e) {
            if (!(e instanceof OsError)) {
                throw e;
            }
            Assumptions.abort("cannot open " + family + " " + type + " here: " + e.getMessage());
        }
    }
}
