package dev.weft.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weft.Family;
import dev.weft.SockAddr;
import dev.weft.SockOpt;
import dev.weft.Socket;
import dev.weft.SocketType;
import dev.weft.Sockets;
import dev.weft.WeftTimeoutException;
import dev.weft.WouldBlockException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * {@code AF_NETLINK} traffic through weft's modes: datagrams between two user sockets of
 * {@code NETLINK_USERSOCK} (RAW and DGRAM) reach a reader blocked in the poller, time out
 * or fail at once as Python's modes say, carry the sender's port id as the address, and
 * reach multicast members joined by bind's groups mask or by {@link SockOpt#NETLINK_ADD_MEMBERSHIP}
 * (and stop after {@code NETLINK_DROP_MEMBERSHIP}). Other protocols open by number.
 * Multicast from user space needs {@code CAP_NET_ADMIN}; those tests skip without it.
 */
class NetlinkTrafficTest {
    private static final int NETLINK_USERSOCK = Sockets.constant("NETLINK_USERSOCK", 2);

    @BeforeEach
    void needsNetlink() {
        Assumptions.assumeTrue(Sockets.provider().nativeFamily(Family.NETLINK) >= 0, "this OS has no AF_NETLINK");
    }

    private static Socket bound(SocketType type, int groups) throws IOException {
        Socket s = Socket.open(Family.NETLINK, type, NETLINK_USERSOCK);
        s.bind(new SockAddr.Netlink(0, groups));
        return s;
    }

    @ParameterizedTest
    @EnumSource(value = SocketType.class, names = {"RAW", "DGRAM"})
    void aBlockedReaderGetsTheDatagramWithTheSendersPortId(SocketType type) throws Exception {
        try (Socket rx = bound(type, 0); Socket tx = bound(type, 0)) {
            rx.setTimeout(Duration.ofSeconds(20));
            CompletableFuture<Socket.Received> got = new CompletableFuture<>();
            Thread reader = Thread.ofVirtual().start(() -> {
                try {
                    got.complete(rx.recvFrom(256));
                } catch (Throwable t) {
                    got.completeExceptionally(t);
                }
            });
            // Whether the reader is parked yet or not, it must get the datagram.
            Thread.sleep(50);
            byte[] msg = "weft-netlink".getBytes(StandardCharsets.US_ASCII);
            tx.sendTo(msg, rx.getSockName());
            Socket.Received r = got.get(30, TimeUnit.SECONDS);
            reader.join();
            assertArrayEquals(msg, r.data(), "the datagram");
            assertEquals(tx.getSockName(), r.address(), "from the sender's port id");
        }
    }

    @ParameterizedTest
    @EnumSource(value = SocketType.class, names = {"RAW", "DGRAM"})
    void withNothingQueuedTimeoutAndNonBlockingFailAsPythonSays(SocketType type) throws IOException {
        try (Socket rx = bound(type, 0)) {
            rx.setTimeout(Duration.ofMillis(100));
            assertThrows(WeftTimeoutException.class, () -> rx.recvFrom(256), "timeout mode: socket.timeout");
            rx.setBlocking(false);
            assertThrows(WouldBlockException.class, () -> rx.recvFrom(256), "non-blocking: BlockingIOError");
            try (Socket tx = bound(type, 0)) {
                tx.sendTo(new byte[] {7}, rx.getSockName());
            }
            // Non-blocking with a datagram queued: at once (the kernel queues it before sendto returns).
            assertArrayEquals(new byte[] {7}, rx.recvFrom(256).data());
        }
    }

    @Test
    void multicastReachesMembersByBindGroupsAndByAddMembership() throws Exception {
        try (Socket byBind = Socket.open(Family.NETLINK, SocketType.RAW, NETLINK_USERSOCK);
                Socket byOption = bound(SocketType.RAW, 0);
                Socket other = bound(SocketType.RAW, 0);
                Socket tx = bound(SocketType.RAW, 0)) {
            try {
                byBind.bind(new SockAddr.Netlink(0, 1 << 2)); // group 3
            } catch (IOException e) {
                Assumptions.abort("joining a NETLINK_USERSOCK group needs CAP_NET_ADMIN: " + e.getMessage());
            }
            byOption.setOption(SockOpt.NETLINK_ADD_MEMBERSHIP, 3);
            for (Socket s : new Socket[] {byBind, byOption, other}) {
                s.setTimeout(Duration.ofSeconds(10));
            }
            // Port 0 would also unicast to the protocol's kernel socket, which NETLINK_USERSOCK
            // lacks (ECONNREFUSED after the broadcast went out): the unicast copy goes to tx itself.
            SockAddr.Netlink toGroup3 = new SockAddr.Netlink(((SockAddr.Netlink) tx.getSockName()).pid(), 1 << 2);
            tx.sendTo("to-3".getBytes(StandardCharsets.US_ASCII), toGroup3);
            for (Socket s : new Socket[] {byBind, byOption}) {
                Socket.Received r = s.recvFrom(64);
                assertEquals("to-3", new String(r.data(), StandardCharsets.US_ASCII));
                // the kernel's recvmsg names the group the datagram went to in nl_groups
                assertEquals(toGroup3, r.address(), "from the sender, to group 3");
            }
            other.setBlocking(false);
            assertThrows(WouldBlockException.class, () -> other.recvFrom(64), "a non-member gets nothing");

            byOption.setOption(SockOpt.NETLINK_DROP_MEMBERSHIP, 3);
            tx.sendTo("again".getBytes(StandardCharsets.US_ASCII), toGroup3);
            assertEquals("again", new String(byBind.recvFrom(64).data(), StandardCharsets.US_ASCII));
            byOption.setBlocking(false);
            assertThrows(WouldBlockException.class, () -> byOption.recvFrom(64), "after NETLINK_DROP_MEMBERSHIP");
        }
    }

    /** Protocols beyond NETLINK_ROUTE by number: the uevent socket takes its one group as CPython's (pid, 1). */
    @Test
    void otherProtocolsOpenAndBindByNumber() throws IOException {
        int uevent = Sockets.constant("NETLINK_KOBJECT_UEVENT", -1);
        Assumptions.assumeTrue(uevent >= 0, "no NETLINK_KOBJECT_UEVENT here");
        try (Socket s = Socket.open(Family.NETLINK, SocketType.DGRAM, uevent)) {
            s.bind(new SockAddr.Netlink(0, 1));
            SockAddr.Netlink a = (SockAddr.Netlink) s.getSockName();
            assertEquals(1, a.groups(), "the uevent group, from " + a);
            assertEquals(uevent, s.getOption(SockOpt.SO_PROTOCOL), "SO_PROTOCOL");
            s.setBlocking(false);
            // Events come only when a device changes; none is due, but a recv must not fail otherwise.
            try {
                Socket.Received r = s.recvFrom(8192);
                assertEquals(0, ((SockAddr.Netlink) r.address()).pid(), "a kernel uevent comes from port 0");
            } catch (WouldBlockException expected) {
                // nothing queued: the usual case
            }
        }
        int generic = Sockets.constant("NETLINK_GENERIC", -1);
        try (Socket s = Socket.open(Family.NETLINK, SocketType.RAW, generic)) {
            s.bind(new SockAddr.Netlink(0, 0));
            assertEquals(generic, s.getOption(SockOpt.SO_PROTOCOL), "SO_PROTOCOL");
        }
    }
}
