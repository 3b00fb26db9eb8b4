package dev.weft.server;

import dev.weft.Family;
import dev.weft.SockAddr;
import dev.weft.Socket;
import dev.weft.SocketType;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

/**
 * A datagram server on virtual threads: Python's {@code UDPServer} and
 * {@code UnixDatagramServer} with {@code ThreadingMixIn}. Each datagram gets its own
 * virtual thread running the {@link DatagramHandler}, which replies through the server's
 * socket. {@link Builder#maxConcurrent} caps the handlers running at once: at the cap the
 * server stops receiving, and datagrams wait in (or overflow) the socket's buffer.
 *
 * <pre>{@code
 * try (DatagramServer server = DatagramServer.udp("127.0.0.1", 9999)
 *         .build((data, from, socket) -> socket.sendTo(data, from))) {
 *     server.serveForever();
 * }
 * }</pre>
 */
public final class DatagramServer extends Server {
    private final DatagramHandler handler;
    private final int maxPacketSize;
    /** Under the serving thread only. */
    private ByteBuffer buffer;

    private DatagramServer(Socket socket, boolean ownsPath, Builder b, DatagramHandler handler) throws IOException {
        super(socket, ownsPath, b.maxConcurrent, b.errors);
        this.handler = handler;
        this.maxPacketSize = b.maxPacketSize;
    }

    /** A server for any datagram address: UDP v4 or v6, an AF_UNIX path or abstract name ... */
    public static Builder builder(SockAddr address) {
        return new Builder(Objects.requireNonNull(address, "address"), null);
    }

    /** Python's {@code UDPServer((host, port))}. */
    public static Builder udp(String host, int port) throws IOException {
        return builder(SockAddr.inet(host, port));
    }

    /** Python's {@code UnixDatagramServer(path)}; the path is removed at shutdown. */
    public static Builder unix(Path path) {
        return builder(SockAddr.unix(path));
    }

    /** A server on a bound datagram socket you made; the server owns it from here. */
    public static Builder on(Socket bound) {
        Objects.requireNonNull(bound, "bound");
        if (bound.type() != SocketType.DGRAM) {
            throw new IllegalArgumentException("a datagram server needs a datagram socket, not " + bound.type());
        }
        return new Builder(null, bound);
    }

    @Override
    boolean serveOne() throws IOException {
        // One buffer for every receive (only the serving thread receives); each handler gets its datagram's bytes.
        if (buffer == null) {
            buffer = ByteBuffer.allocate(maxPacketSize);
        }
        Socket.ReceivedInto r = socket.recvFromInto(buffer.clear());
        byte[] data = Arrays.copyOf(buffer.array(), Math.min(r.nbytes(), maxPacketSize));
        SockAddr from = r.address();
        spawn(null, from, () -> handler.handle(data, from, socket));
        return true;
    }

    /** Builds a {@link DatagramServer}; {@link #build} binds. */
    public static final class Builder {
        private final SockAddr address;
        private final Socket bound;
        private int maxConcurrent = Integer.MAX_VALUE;
        private int maxPacketSize = 65_535;
        private ErrorHandler errors = ErrorHandler.STDERR;

        private Builder(SockAddr address, Socket bound) {
            this.address = address;
            this.bound = bound;
        }

        /** At most {@code n} handlers at once (default: no limit). */
        public Builder maxConcurrent(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("maxConcurrent must be positive: " + n);
            }
            this.maxConcurrent = n;
            return this;
        }

        /** The largest datagram read whole (Python's {@code max_packet_size}, 8192 there); longer ones are cut. Default 65,535. */
        public Builder maxPacketSize(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("maxPacketSize must be positive: " + n);
            }
            this.maxPacketSize = n;
            return this;
        }

        /** Where handler failures and receive errors go (default {@link ErrorHandler#STDERR}). */
        public Builder errorHandler(ErrorHandler errors) {
            this.errors = Objects.requireNonNull(errors, "errors");
            return this;
        }

        /** Binds (or takes the socket given to {@link DatagramServer#on}). */
        public DatagramServer build(DatagramHandler handler) throws IOException {
            Objects.requireNonNull(handler, "handler");
            Socket s = bound;
            if (s == null) {
                s = Socket.open(address.family(), SocketType.DGRAM);
                try {
                    if (address.family() == Family.INET || address.family() == Family.INET6) {
                        s.setOption(dev.weft.SockOpt.SO_REUSEADDR, true);
                    }
                    s.bind(address);
                } catch (IOException | RuntimeException e) {
                    s.close();
                    throw e;
                }
            }
            try {
                return new DatagramServer(s, bound == null, this, handler);
            } catch (IOException | RuntimeException e) {
                if (bound == null) {
                    s.close();
                }
                throw e;
            }
        }
    }
}
