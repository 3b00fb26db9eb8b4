package dev.weft.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weft.Family;
import dev.weft.SockAddr;
import dev.weft.Socket;
import dev.weft.SocketType;
import dev.weft.Sockets;
import java.io.IOException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * {@code AF_VSOCK} over the loopback transport ({@code vsock_loopback}, CID 1): the
 * local-CID ioctl says what python3's {@code fcntl.ioctl} says; a STREAM and a SEQPACKET
 * connection to CID 1 echo, with python3 as the client of the STREAM one; reads in timeout,
 * non-blocking and blocking modes.
 */
@Tag(KernelLane.TAG)
class VsockFamilyTest {
    private static final int CID_LOCAL = 1;
    private static final int CID_ANY = -1;

    @BeforeEach
    void needsVsockLoopback() throws IOException {
        KernelLane.assumeSocket(Family.VSOCK, SocketType.STREAM, 0, "AF_VSOCK");
        if (!java.nio.file.Files.exists(java.nio.file.Path.of("/sys/module/vsock_loopback"))) {
            KernelLane.absent("no vsock_loopback transport (CID 1)");
        }
    }

    @Test
    void theLocalCidIoctlIsPythons() throws Exception {
        String script = """
                import fcntl, socket, struct
                with open("/dev/vsock", "rb") as f:
                    print(struct.unpack("I", fcntl.ioctl(f, socket.IOCTL_VM_SOCKETS_GET_LOCAL_CID, b"    "))[0], flush=True)
                """;
        try (TestKit.Python py = TestKit.python(script)) {
            assertEquals(py.firstLine, Long.toString(Sockets.vsockLocalCid()));
        }
    }

    @ParameterizedTest
    @EnumSource(value = SocketType.class, names = {"STREAM", "SEQPACKET"})
    void aConnectionToCid1Echoes(SocketType type) throws Exception {
        try (Socket srv = Socket.open(Family.VSOCK, type); Socket cli = Socket.open(Family.VSOCK, type)) {
            srv.bind(new SockAddr.Vsock(CID_ANY, 18000 + type.ordinal()));
            srv.listen();
            srv.setTimeout(TestKit.BOUND);
            cli.setTimeout(TestKit.BOUND);
            cli.connect(new SockAddr.Vsock(CID_LOCAL, 18000 + type.ordinal()));
            try (Socket.Accepted a = srv.accept()) {
                assertEquals(CID_LOCAL, ((SockAddr.Vsock) a.address()).cid(), "the peer is CID 1");
                assertEquals(((SockAddr.Vsock) cli.getSockName()).port(), ((SockAddr.Vsock) a.address()).port(),
                        "accept's port is the client's (whose getsockname says CID VMADDR_CID_ANY)");
                Socket conn = a.socket();
                byte[] first = TestKit.readModes(conn, () -> cli.sendAll("vsock".getBytes()));
                conn.sendAll(first);
                conn.sendAll(TestKit.recvExactly(conn, 5 - first.length));
                assertArrayEquals("vsock".getBytes(), TestKit.recvExactly(cli, 5));
            }
        }
    }

    @Test
    void pythonConnectsToAWeftServerOnCid1() throws Exception {
        try (Socket srv = Socket.open(Family.VSOCK, SocketType.STREAM)) {
            srv.bind(new SockAddr.Vsock(CID_ANY, 18010));
            srv.listen();
            srv.setTimeout(TestKit.BOUND);
            String script = """
                    import socket, sys
                    c = socket.socket(socket.AF_VSOCK, socket.SOCK_STREAM); c.settimeout(float(sys.argv[1]))
                    c.connect((1, 18010)); print(c.getsockname()[1], flush=True)
                    c.sendall(b"from python"); print(c.recv(64).decode(), flush=True)
                    """;
            try (TestKit.Python py = TestKit.python(script, Long.toString(TestKit.BOUND.toSeconds()));
                    Socket.Accepted a = srv.accept()) {
                assertEquals(new SockAddr.Vsock(CID_LOCAL, Integer.parseUnsignedInt(py.firstLine)), a.address(),
                        "python3's getsockname is weft's accept address");
                a.socket().setTimeout(TestKit.BOUND);
                a.socket().sendAll(TestKit.recvExactly(a.socket(), 11));
                assertEquals("from python", py.nextLine());
            }
        }
    }

    /**
     * The same sequence of buffer-size settings on a weft socket and on python3's gives the
     * same values back, the kernel's clamping included (a size above the maximum).
     */
    @Test
    void bufferSizesAreThoseThatPython3ReadsAfterTheSameSettings() throws Exception {
        String script = """
                import socket
                s = socket.socket(socket.AF_VSOCK, socket.SOCK_STREAM)
                # CPython packs and unpacks these 64-bit options itself and takes no bytes form.
                def get(o): return s.getsockopt(socket.AF_VSOCK, o)
                def put(o, v): s.setsockopt(socket.AF_VSOCK, o, v)
                put(socket.SO_VM_SOCKETS_BUFFER_MAX_SIZE, 1 << 20)
                put(socket.SO_VM_SOCKETS_BUFFER_MIN_SIZE, 4096)
                put(socket.SO_VM_SOCKETS_BUFFER_SIZE, 65536)
                a = get(socket.SO_VM_SOCKETS_BUFFER_SIZE)
                put(socket.SO_VM_SOCKETS_BUFFER_SIZE, 1 << 22)
                b = get(socket.SO_VM_SOCKETS_BUFFER_SIZE)
                print(get(socket.SO_VM_SOCKETS_BUFFER_MAX_SIZE), get(socket.SO_VM_SOCKETS_BUFFER_MIN_SIZE), a, b, flush=True)
                """;
        try (TestKit.Python py = TestKit.python(script); Socket s = Socket.open(Family.VSOCK, SocketType.STREAM)) {
            s.setOption(dev.weft.SockOpt.SO_VM_SOCKETS_BUFFER_MAX_SIZE, 1L << 20);
            s.setOption(dev.weft.SockOpt.SO_VM_SOCKETS_BUFFER_MIN_SIZE, 4096L);
            s.setOption(dev.weft.SockOpt.SO_VM_SOCKETS_BUFFER_SIZE, 65536L);
            long a = s.getOption(dev.weft.SockOpt.SO_VM_SOCKETS_BUFFER_SIZE);
            s.setOption(dev.weft.SockOpt.SO_VM_SOCKETS_BUFFER_SIZE, 1L << 22);
            long b = s.getOption(dev.weft.SockOpt.SO_VM_SOCKETS_BUFFER_SIZE);
            String weft = s.getOption(dev.weft.SockOpt.SO_VM_SOCKETS_BUFFER_MAX_SIZE) + " "
                    + s.getOption(dev.weft.SockOpt.SO_VM_SOCKETS_BUFFER_MIN_SIZE) + " " + a + " " + b;
            assertEquals(py.firstLine, weft, "max, min, the size set, a size above the maximum");
        }
    }

    /**
     * The loopback transport has no datagrams: opening a VSOCK DGRAM socket fails with the
     * errno python3 gets (ENODEV in Debian's 6.1: no datagram transport is loaded), as a
     * clear OS error, and leaks no descriptor.
     */
    @Test
    void aDatagramSocketFailsWithTheErrnoPython3Gets() throws Exception {
        String script = """
                import socket
                try:
                    socket.socket(socket.AF_VSOCK, socket.SOCK_DGRAM).close(); print("opened", flush=True)
                except OSError as e:
                    print(e.errno, flush=True)
                """;
        try (TestKit.Python py = TestKit.python(script)) {
            if (py.firstLine.equals("opened")) {
                try (Socket d = Socket.open(Family.VSOCK, SocketType.DGRAM)) {
                    assertEquals(SocketType.DGRAM, d.type(), "python3 opened one; so does weft");
                }
                return;
            }
            TestKit.FdCounts before = TestKit.FdCounts.now();
            IOException e = assertThrows(IOException.class, () -> Socket.open(Family.VSOCK, SocketType.DGRAM));
            dev.weft.OsError err = org.junit.jupiter.api.Assertions.assertInstanceOf(dev.weft.OsError.class, e);
            assertEquals(Integer.parseInt(py.firstLine), err.nativeErrno(), e.getMessage());
            TestKit.assertNoFdLeak(before);
        }
    }
}
