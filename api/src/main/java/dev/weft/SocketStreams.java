package dev.weft;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.ClosedChannelException;
import java.util.Objects;

/**
 * The {@code java.io}/{@code java.nio} views of a socket, under one of two rules:
 * <ul>
 * <li>{@link Rule#FILE}, CPython's {@code makefile}: each view holds a reference on the
 *     socket (released by its {@code close()}), so the descriptor outlives
 *     {@link Socket#close()} while a view is open. {@link SocketFile} uses it.
 * <li>{@link Rule#JAVA_NET}, {@code java.net.Socket}'s: the view holds nothing; closing it
 *     closes the socket, and closing the socket ends it (threads blocked in it wake with
 *     the socket's close). {@link Socket#inputStream()}, {@link Socket#outputStream()} and
 *     {@link Socket#channel()} use it.
 * </ul>
 * Reads and writes follow the socket's mode and timeout.
 */
final class SocketStreams {
    private SocketStreams() {}

    enum Rule { FILE, JAVA_NET }

    /** A view's link to its socket: the open flag, and what closing it does. */
    private static class Link {
        final Socket socket;
        private final Rule rule;
        private volatile boolean open = true;

        Link(Socket socket, Rule rule) {
            this.socket = socket;
            this.rule = rule;
            if (rule == Rule.FILE) {
                socket.acquireIoRef();
            }
        }

        boolean isViewOpen() {
            return open && (rule == Rule.FILE || socket.isOpen());
        }

        /** Streams say "Socket closed" as java.net's do; channels use {@code java.nio}'s exception. */
        void checkOpen(boolean channel) throws IOException {
            if (!isViewOpen()) {
                throw channel ? new ClosedChannelException() : Errors.closed();
            }
        }

        public void close() throws IOException {
            if (rule == Rule.FILE) {
                if (open) {
                    open = false;
                    socket.releaseIoRef();
                }
            } else {
                open = false;
                socket.close();
            }
        }
    }

    /** The three java.net-rule views of one socket, made together on its first request. */
    static final class Views {
        final In in;
        final Out out;
        final Channel channel;

        Views(Socket socket) {
            in = new In(socket, Rule.JAVA_NET);
            out = new Out(socket, Rule.JAVA_NET);
            channel = new Channel(socket, Rule.JAVA_NET);
        }
    }

    /** Reads with {@code recv}; -1 at end of stream. */
    static final class In extends InputStream {
        private final Link link;

        /** A {@link Rule#FILE} view. */
        In(Socket socket) {
            this(socket, Rule.FILE);
        }

        In(Socket socket, Rule rule) {
            this.link = new Link(socket, rule);
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
            link.checkOpen(false);
            if (len == 0) {
                return 0;
            }
            int n = link.socket.recvInto(b, off, len);
            return n == 0 ? -1 : n;
        }

        @Override
        public void close() throws IOException {
            link.close();
        }
    }

    /** Writes with {@code sendall}. */
    static final class Out extends OutputStream {
        private final Link link;

        /** A {@link Rule#FILE} view. */
        Out(Socket socket) {
            this(socket, Rule.FILE);
        }

        Out(Socket socket, Rule rule) {
            this.link = new Link(socket, rule);
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            Objects.checkFromIndexSize(off, len, b.length);
            link.checkOpen(false);
            link.socket.sendAll(ByteBuffer.wrap(b, off, len));
        }

        @Override
        public void close() throws IOException {
            link.close();
        }
    }

    /**
     * A channel: {@code read} is {@code recv_into} (-1 at end of stream), {@code write} is
     * {@code send}. A call the socket's close ends throws {@link AsynchronousCloseException},
     * as {@code java.nio}'s channels do.
     */
    static final class Channel extends Link implements SocketByteChannel {
        Channel(Socket socket, Rule rule) {
            super(socket, rule);
        }

        @Override
        public Socket socket() {
            return socket;
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            checkOpen(true);
            if (!dst.hasRemaining()) {
                return 0;
            }
            try {
                long n = socket.channelRead(dst);
                return n == Socket.WOULD_BLOCK ? 0 : n == 0 ? -1 : (int) n;
            } catch (SocketClosedException e) {
                throw closedDuring(e);
            }
        }

        @Override
        public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
            checkOpen(true);
            Objects.checkFromIndexSize(offset, length, dsts.length);
            var list = java.util.Arrays.asList(dsts).subList(offset, offset + length);
            long want = 0;
            for (ByteBuffer b : list) {
                want += b.remaining();
            }
            if (want == 0) {
                return 0;
            }
            try {
                int n = socket.recvMsgInto(list, 0, 0).nbytes();
                return n == 0 ? -1 : n;
            } catch (WouldBlockException e) {
                return 0; // non-blocking and nothing there: java.nio's 0, as the single-buffer read
            } catch (SocketClosedException e) {
                throw closedDuring(e);
            }
        }

        @Override
        public long read(ByteBuffer[] dsts) throws IOException {
            return read(dsts, 0, dsts.length);
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            checkOpen(true);
            try {
                return socket.channelWrite(src);
            } catch (SocketClosedException e) {
                throw closedDuring(e);
            }
        }

        @Override
        public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
            checkOpen(true);
            Objects.checkFromIndexSize(offset, length, srcs.length);
            try {
                return socket.sendMsg(java.util.Arrays.asList(srcs).subList(offset, offset + length), java.util.List.of(), 0, null);
            } catch (WouldBlockException e) {
                return 0; // non-blocking and the send buffer full: java.nio's 0
            } catch (SocketClosedException e) {
                throw closedDuring(e);
            }
        }

        @Override
        public long write(ByteBuffer[] srcs) throws IOException {
            return write(srcs, 0, srcs.length);
        }

        @Override
        public boolean isOpen() {
            return isViewOpen() && socket.isOpen();
        }

        private static IOException closedDuring(SocketClosedException e) {
            IOException x = new AsynchronousCloseException();
            x.initCause(e);
            return x;
        }
    }
}
