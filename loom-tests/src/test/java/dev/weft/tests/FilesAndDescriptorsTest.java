package dev.weft.tests;

import static dev.weft.SocketConstants.SCM_CREDENTIALS;
import static dev.weft.SocketConstants.SOL_SOCKET;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.weft.Credentials;
import dev.weft.Family;
import dev.weft.SockOpt;
import dev.weft.Socket;
import dev.weft.SocketClosedException;
import dev.weft.SocketFile;
import dev.weft.SocketType;
import dev.weft.Sockets;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** makefile and its reference rule, dup/detach/fromfd, inheritability, credentials. */
class FilesAndDescriptorsTest {

    @Test
    void makeFileRoundTripsTextAndBinary() throws Exception {
        try (var pair = Sockets.socketPair()) {
            try (SocketFile w = pair.first().makeFile("w", -1, StandardCharsets.UTF_8);
                 SocketFile r = pair.second().makeFile("r", -1, StandardCharsets.UTF_8)) {
                w.writer().write("grüße\nline two\n");
                w.writer().flush();
                assertEquals("grüße", r.reader().readLine());
                assertEquals("line two", r.reader().readLine());
            }
            try (SocketFile w = pair.first().makeFile("wb", 0, null);
                 SocketFile r = pair.second().makeFile("rb", -1, null)) {
                byte[] data = new byte[100_000];
                new java.util.Random(1).nextBytes(data);
                Thread t = Thread.ofVirtual().start(() -> {
                    try {
                        w.outputStream().write(data);
                    } catch (Exception e) {
                        throw new RuntimeException(e);
                    }
                });
                assertArrayEquals(data, r.inputStream().readNBytes(data.length));
                t.join();
            }
        }
    }

    @Test
    void descriptorStaysOpenUntilSocketAndEveryFileAreClosed() throws Exception {
        try (var pair = Sockets.socketPair()) {
            Socket a = pair.first();
            int fd = a.fileno();
            SocketFile f = a.makeFile("rwb", 0, null);
            OutputStream out = a.makeFile("wb", 0, null).outputStream();
            a.close();
            // Still open: the two files hold references, as in CPython.
            f.outputStream().write("via file".getBytes(StandardCharsets.US_ASCII));
            assertEquals("via file", new String(pair.second().recv(64), StandardCharsets.US_ASCII));
            f.close();
            out.write('!');
            assertEquals("!", new String(pair.second().recv(64), StandardCharsets.US_ASCII));
            assertTrue(java.nio.file.Files.exists(TestKit.fdDir().resolve(Integer.toString(fd))));
            out.close(); // the last reference: now the descriptor closes
            assertEquals(0, pair.second().recv(64).length, "peer sees end of stream");
            assertEquals(-1, a.fileno());
        }
    }

    @Test
    void inputStreamReportsEndOfStreamAsMinusOne() throws Exception {
        try (var pair = Sockets.socketPair()) {
            pair.first().sendAll(new byte[] {1, 2});
            pair.first().shutdown(Socket.SHUT_WR);
            try (InputStream in = pair.second().inputStream()) {
                assertEquals(1, in.read());
                assertEquals(2, in.read());
                assertEquals(-1, in.read());
            }
        }
    }

    @Test
    void channelViewReadsMinusOneAtEndAndGathers() throws Exception {
        try (var pair = Sockets.socketPair()) {
            var ch = (java.nio.channels.GatheringByteChannel) pair.first().channel();
            ch.write(new ByteBuffer[] {ByteBuffer.wrap(new byte[] {1}), ByteBuffer.wrap(new byte[] {2, 3})});
            ch.close();
            pair.first().close();
            var in = pair.second().channel();
            ByteBuffer b = ByteBuffer.allocate(8);
            while (b.position() < 3) {
                assertTrue(in.read(b) > 0);
            }
            assertEquals(-1, in.read(b));
        }
    }

    @Test
    void dupSharesTheConnectionAndDetachKeepsTheDescriptor() throws Exception {
        try (var pair = Sockets.socketPair()) {
            Socket d = pair.first().dup();
            assertTrue(d.fileno() != pair.first().fileno());
            assertFalse(d.getInheritable(), "duplicates are close-on-exec");
            d.sendAll("dup".getBytes(StandardCharsets.US_ASCII));
            assertEquals("dup", new String(pair.second().recv(8), StandardCharsets.US_ASCII));
            d.close();
            int fd = pair.first().detach();
            assertEquals(-1, pair.first().fileno());
            assertThrows(SocketClosedException.class, () -> pair.first().send(new byte[1]));
            try (Socket again = Sockets.fromFd(fd)) {
                again.sendAll("fd".getBytes(StandardCharsets.US_ASCII));
                assertEquals(Family.UNIX, again.family());
                assertEquals(SocketType.STREAM, again.type());
            } finally {
                Sockets.close(fd);
            }
            assertEquals("fd", new String(pair.second().recv(8), StandardCharsets.US_ASCII));
            assertEquals(-1, pair.first().detach(), "detaching a closed socket gives -1");
        }
    }

    @Test
    void socketsAreNotInheritableUnlessAsked() throws Exception {
        try (Socket s = Socket.open(Family.INET, SocketType.STREAM)) {
            assertFalse(s.getInheritable());
            s.setInheritable(true);
            assertTrue(s.getInheritable());
            s.setInheritable(false);
            assertFalse(s.getInheritable());
        }
    }

    @Test
    void credentialsEqualThisProcess() throws Exception {
        assumeTrue(Sockets.hasConstant("SO_PASSCRED"), "SO_PEERCRED, SO_PASSCRED and SCM_CREDENTIALS are Linux's");
        long pid = ProcessHandle.current().pid();
        int uid = (int) new com.sun.security.auth.module.UnixSystem().getUid();
        int gid = (int) new com.sun.security.auth.module.UnixSystem().getGid();
        try (var pair = Sockets.socketPair(Family.UNIX, SocketType.DGRAM, 0)) {
            Credentials peer = pair.first().getOption(SockOpt.SO_PEERCRED);
            assertEquals(new Credentials((int) pid, uid, gid), peer);
            pair.second().setOption(SockOpt.SO_PASSCRED, true);
            assertTrue(pair.second().getOption(SockOpt.SO_PASSCRED));
            pair.first().send(new byte[] {1});
            Socket.Message m = pair.second().recvMsg(4, Sockets.cmsgSpace(Credentials.size()), 0);
            var item = m.ancillary().get(0);
            assertEquals(SOL_SOCKET, item.level());
            assertEquals(SCM_CREDENTIALS, item.type());
            assertEquals(new Credentials((int) pid, uid, gid), Credentials.of(item));
            // Sending our own credentials explicitly is allowed and arrives unchanged.
            pair.first().sendMsg(List.of(ByteBuffer.wrap(new byte[] {2})), List.of(peer.toAncillary()), 0, null);
            assertEquals(peer, Credentials.of(pair.second().recvMsg(4, Sockets.cmsgSpace(Credentials.size()), 0).ancillary().get(0)));
        }
    }

    /** macOS's form: LOCAL_PEERCRED's xucred (uid, effective gid, no pid) and LOCAL_PEERPID. */
    @Test
    void localPeercredEqualsThisProcess() throws Exception {
        assumeTrue(Sockets.hasConstant("LOCAL_PEERCRED"), "LOCAL_PEERCRED is macOS's (Linux has SO_PEERCRED)");
        int uid = (int) new com.sun.security.auth.module.UnixSystem().getUid();
        int gid = (int) new com.sun.security.auth.module.UnixSystem().getGid();
        try (var pair = Sockets.socketPair(Family.UNIX, SocketType.STREAM, 0)) {
            assertEquals(new Credentials(-1, uid, gid), pair.first().getOption(SockOpt.LOCAL_PEERCRED));
            assertEquals(ProcessHandle.current().pid(), (long) pair.first().getOption(SockOpt.LOCAL_PEERPID));
        }
    }
}
