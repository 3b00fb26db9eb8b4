package dev.weft;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.GatheringByteChannel;
import java.nio.channels.ScatteringByteChannel;
import java.util.Objects;

/**
 * The {@code java.io}/{@code java.nio} views of a socket. Each holds one reference on the
 * socket (released by its {@code close()}), so the descriptor outlives {@link Socket#close()}
 * while a view is open, as CPython's {@code makefile} does. Reads and writes follow the
 * socket's mode and timeout.
 */
final class SocketStreams {
    private SocketStreams() {}

    /** A view that holds a reference until closed. */
    private abstract static class Ref {
        final Socket socket;
        private volatile boolean open = true;

        Ref(Socket socket) {
            this.socket = socket;
            socket.acquireIoRef();
        }

        boolean isViewOpen() {
            return open;
        }

        void checkOpen() throws IOException {
            if (!open) {
                throw new ClosedChannelException();
            }
        }

        void release() {
            if (open) {
                open = false;
                socket.releaseIoRef();
            }
        }
    }

    /** Reads with {@code recv}; -1 at end of stream. */
    static final class In extends InputStream {
        private final Ref ref;

        In(Socket socket) {
            this.ref = new Ref(socket) {};
        }

        @Override
        public int read() throws IOException {
            byte[] b = new byte[1];
            int n = read(b, 0, 1);
            return n < 0 ? -1 : b[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            Objects.checkFromIndexSize(off, len, b.length);
            ref.checkOpen();
            if (len == 0) {
                return 0;
            }
            int n = ref.socket.recvInto(b, off, len);
            return n == 0 ? -1 : n;
        }

        @Override
        public void close() {
            ref.release();
        }
    }

    /** Writes with {@code sendall}. */
    static final class Out extends OutputStream {
        private final Ref ref;

        Out(Socket socket) {
            this.ref = new Ref(socket) {};
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            Objects.checkFromIndexSize(off, len, b.length);
            ref.checkOpen();
            ref.socket.sendAll(ByteBuffer.wrap(b, off, len));
        }

        @Override
        public void close() {
            ref.release();
        }
    }

    /** A channel: {@code read} is {@code recv_into} (-1 at end of stream), {@code write} is {@code send}. */
    static final class Channel extends Ref implements ByteChannel, ScatteringByteChannel, GatheringByteChannel {
        Channel(Socket socket) {
            super(socket);
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            checkOpen();
            if (!dst.hasRemaining()) {
                return 0;
            }
            int n = socket.recvInto(dst);
            return n == 0 ? -1 : n;
        }

        @Override
        public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
            checkOpen();
            Objects.checkFromIndexSize(offset, length, dsts.length);
            var list = java.util.Arrays.asList(dsts).subList(offset, offset + length);
            long want = 0;
            for (ByteBuffer b : list) {
                want += b.remaining();
            }
            if (want == 0) {
                return 0;
            }
            int n = socket.recvMsgInto(list, 0, 0).nbytes();
            return n == 0 ? -1 : n;
        }

        @Override
        public long read(ByteBuffer[] dsts) throws IOException {
            return read(dsts, 0, dsts.length);
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            checkOpen();
            return socket.send(src);
        }

        @Override
        public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
            checkOpen();
            Objects.checkFromIndexSize(offset, length, srcs.length);
            return socket.sendMsg(java.util.Arrays.asList(srcs).subList(offset, offset + length), java.util.List.of(), 0, null);
        }

        @Override
        public long write(ByteBuffer[] srcs) throws IOException {
            return write(srcs, 0, srcs.length);
        }

        @Override
        public boolean isOpen() {
            return isViewOpen() && socket.isOpen();
        }

        @Override
        public void close() {
            release();
        }
    }
}
