package dev.weft.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.Family;
import dev.weft.SockAddr;
import dev.weft.Socket;
import dev.weft.SocketType;
import dev.weft.Sockets;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code AF_NETLINK} addresses through the kernel: what getsockname and recvfrom report
 * decodes to {@link SockAddr.Netlink} with the numbers the kernel holds, read back from
 * {@code /proc/net/netlink} (not through weft).
 */
class NetlinkFamilyTest {
    private static final int NETLINK_ROUTE = 0;
    private static final int RTMGRP_LINK = 1;
    private static final int RTM_NEWLINK = 16;
    private static final int RTM_GETLINK = 18;
    private static final int NLM_F_REQUEST = 1;
    private static final int NLM_F_DUMP = 0x300;

    @BeforeEach
    void needsNetlink() {
        Assumptions.assumeTrue(Sockets.provider().nativeFamily(Family.NETLINK) >= 0, "this OS has no AF_NETLINK");
    }

    @Test
    void bindingNetlinkRouteReportsThePortIdTheKernelAssigned() throws IOException {
        try (Socket s = Socket.open(Family.NETLINK, SocketType.RAW, NETLINK_ROUTE)) {
            assertEquals(new SockAddr.Netlink(0, 0), s.getSockName(), "an unbound netlink socket, as CPython's (0, 0)");
            s.bind(new SockAddr.Netlink(0, 0));
            SockAddr got = s.getSockName();
            int[] kernel = procNetNetlink(s);
            assertNotEquals(0, kernel[0], "the kernel assigns a port id on bind");
            assertEquals(new SockAddr.Netlink(kernel[0], kernel[1]), got, "getsockname is the kernel's port id and groups");
        }
    }

    @Test
    void boundGroupsComeBackFromGetsockname() throws IOException {
        try (Socket s = Socket.open(Family.NETLINK, SocketType.RAW, NETLINK_ROUTE)) {
            s.bind(new SockAddr.Netlink(0, RTMGRP_LINK));
            SockAddr.Netlink got = (SockAddr.Netlink) s.getSockName();
            assertEquals(RTMGRP_LINK, got.groups(), "groups of " + got);
            assertEquals(procNetNetlink(s)[0], got.pid(), "port id of " + got);
        }
    }

    /** A link dump request to the kernel (port 0): the answer comes from the kernel's address. */
    @Test
    void aKernelAnswerComesFromPortZero() throws IOException {
        try (Socket s = Socket.open(Family.NETLINK, SocketType.RAW, NETLINK_ROUTE)) {
            s.setTimeout(Duration.ofSeconds(10));
            s.bind(new SockAddr.Netlink(0, 0));
            // struct nlmsghdr {len, type, flags, seq, pid} + struct ifinfomsg (16 bytes, all zero: AF_UNSPEC)
            ByteBuffer req = ByteBuffer.allocate(32).order(ByteOrder.nativeOrder());
            req.putInt(0, 32).putShort(4, (short) RTM_GETLINK).putShort(6, (short) (NLM_F_REQUEST | NLM_F_DUMP)).putInt(8, 1);
            s.sendTo(req.array(), new SockAddr.Netlink(0, 0));
            Socket.Received r = s.recvFrom(65536);
            assertEquals(new SockAddr.Netlink(0, 0), r.address(), "the kernel's address");
            ByteBuffer answer = ByteBuffer.wrap(r.data()).order(ByteOrder.nativeOrder());
            assertEquals(RTM_NEWLINK, answer.getShort(4), "a link dump answers with RTM_NEWLINK");
            assertEquals(1, answer.getInt(8), "the answer carries the request's sequence number");
        }
    }

    /** The port id and groups {@code /proc/net/netlink} lists for this socket's inode. */
    private static int[] procNetNetlink(Socket s) throws IOException {
        String link = Files.readSymbolicLink(Path.of("/proc/self/fd/" + s.fileno())).toString(); // socket:[inode]
        String inode = link.substring(link.indexOf('[') + 1, link.indexOf(']'));
        List<String> rows = Files.readAllLines(Path.of("/proc/net/netlink"));
        for (String row : rows.subList(1, rows.size())) {
            String[] f = row.trim().split("\\s+");
            // sk Eth Pid Groups Rmem Wmem Dump Locks Drops Inode; Pid decimal, Groups hex
            if (f.length >= 10 && f[9].equals(inode)) {
                return new int[] {Integer.parseUnsignedInt(f[2]), Integer.parseUnsignedInt(f[3], 16)};
            }
        }
        assertTrue(false, "socket inode " + inode + " not in /proc/net/netlink");
        return null;
    }
}
