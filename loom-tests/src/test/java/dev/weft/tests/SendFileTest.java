package dev.weft.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.SockAddr;
import dev.weft.Socket;
import dev.weft.SocketType;
import dev.weft.Family;
import dev.weft.Sockets;
import dev.weft.WeftTimeoutException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** sendfile: byte-exact over loopback, CPython's offset/count rules, progress on timeout. */
class SendFileTest {
    @TempDir
    Path tmp;

    /** A sparse file of {@code size} bytes with random 64 KiB islands, so order errors show. */
    private Path sparse(long size) throws Exception {
        Path f = tmp.resolve("sparse.bin");
        Random rnd = new Random(42);
        try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
            raf.setLength(size);
            for (long at : new long[] {0, size / 3, size / 2 + 12345, size - 65536}) {
                byte[] island = new byte[65536];
                rnd.nextBytes(island);
                raf.seek(at);
                raf.write(island);
            }
        }
        return f;
    }

    private static long crc(Path f, long offset, long count) throws Exception {
        CRC32 c = new CRC32();
        try (FileChannel ch = FileChannel.open(f)) {
            ByteBuffer b = ByteBuffer.allocateDirect(1 << 20);
            long pos = offset;
            long end = offset + count;
            while (pos < end) {
                b.clear().limit((int) Math.min(b.capacity(), end - pos));
                int n = ch.read(b, pos);
                if (n <= 0) {
                    break;
                }
                b.flip();
                c.update(b);
                pos += n;
            }
        }
        return c.getValue();
    }

    /** Receives everything until end of stream: (byte count, CRC32). */
    private static long[] drain(Socket s) throws Exception {
        CRC32 c = new CRC32();
        ByteBuffer b = ByteBuffer.allocateDirect(1 << 20);
        long total = 0;
        for (int n; (n = s.recvInto(b.clear())) > 0; ) {
            b.flip();
            c.update(b);
            total += n;
        }
        return new long[] {total, c.getValue()};
    }

    @Test
    void oneGibibyteSparseFileArrivesByteExact() throws Exception {
        long size = 1L << 30;
        Path f = sparse(size);
        try (Socket server = Sockets.createServer(SockAddr.inet("127.0.0.1", 0));
             var vt = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<long[]> got = vt.submit(() -> {
                try (var conn = server.accept()) {
                    return drain(conn.socket());
                }
            });
            long sent;
            try (Socket c = Socket.open(Family.INET, SocketType.STREAM)) {
                c.connect(server.getSockName());
                sent = c.sendFile(f, 0, -1);
            }
            assertEquals(size, sent);
            long[] r = got.get();
            assertEquals(size, r[0]);
            assertEquals(crc(f, 0, size), r[1]);
        }
    }

    @Test
    void offsetAndCountSelectTheRangeForPathAndChannel() throws Exception {
        Path f = sparse(3 << 20);
        for (boolean channel : new boolean[] {false, true}) {
            try (var pair = Sockets.socketPair(); var vt = Executors.newVirtualThreadPerTaskExecutor()) {
                Future<long[]> got = vt.submit(() -> drain(pair.second()));
                long sent;
                if (channel) {
                    try (FileChannel ch = FileChannel.open(f)) {
                        sent = pair.first().sendFile(ch, 1000, 2_000_000);
                        assertEquals(1000 + 2_000_000, ch.position(), "position after the last byte sent");
                    }
                } else {
                    sent = pair.first().sendFile(f, 1000, 2_000_000);
                }
                pair.first().shutdown(Socket.SHUT_WR);
                assertEquals(2_000_000, sent);
                long[] r = got.get();
                assertEquals(2_000_000, r[0]);
                assertEquals(crc(f, 1000, 2_000_000), r[1]);
            }
        }
    }

    @Test
    void timeoutMidTransferReportsTheBytesThatWent() throws Exception {
        Path f = sparse(64L << 20);
        try (var pair = Sockets.socketPair()) {
            pair.first().setTimeout(Duration.ofMillis(300));
            WeftTimeoutException e = assertThrows(WeftTimeoutException.class, () -> pair.first().sendFile(f, 0, -1));
            assertTrue(e.bytesTransferred > 0, "some bytes went before the peer's buffer filled");
            pair.first().shutdown(Socket.SHUT_WR);
            long[] r = drain(pair.second());
            assertEquals(e.bytesTransferred, r[0], "the peer got exactly what was reported");
            assertEquals(crc(f, 0, r[0]), r[1]);
        }
    }

    @Test
    void refusedOnDatagramAndNonBlockingSocketsAsPythonDoes() throws Exception {
        Path f = Files.writeString(tmp.resolve("x"), "x");
        try (var dgram = Sockets.socketPair(Family.UNIX, SocketType.DGRAM, 0); var stream = Sockets.socketPair()) {
            assertThrows(IllegalArgumentException.class, () -> dgram.first().sendFile(f, 0, -1));
            stream.first().setBlocking(false);
            assertThrows(IllegalArgumentException.class, () -> stream.first().sendFile(f, 0, -1));
            stream.first().setBlocking(true);
            assertThrows(IllegalArgumentException.class, () -> stream.first().sendFile(f, -1, -1));
        }
    }
}
