package dev.weft.server;

import dev.weft.SockAddr;
import dev.weft.Socket;
import dev.weft.SocketType;
import dev.weft.Sockets;
import dev.weft.tls.TlsSocket;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import javax.net.ssl.SSLContext;

/**
 * A stream server on virtual threads: Python's {@code TCPServer} and
 * {@code UnixStreamServer} with {@code ThreadingMixIn}, over any stream family, plain or
 * TLS. Each accepted connection gets its own virtual thread running the
 * {@link StreamHandler}; the connection is closed when the handler returns or throws.
 * {@link Builder#maxConnections} caps how many are served at once: at the cap the server
 * stops accepting (new clients wait in the listen backlog) until a handler returns.
 *
 * <pre>{@code
 * try (StreamServer<Socket> server = StreamServer.tcp("127.0.0.1", 50007)
 *         .maxConnections(10_000)
 *         .build((conn, peer) -> {
 *             for (byte[] data; (data = conn.recv(1024)).length > 0; ) conn.sendAll(data);
 *         })) {
 *     server.serveForever();
 * }
 * }</pre>
 *
 * @param <C> {@link Socket}, or {@link TlsSocket} for a server built with {@link Builder#tls}
 */
public final class StreamServer<C extends AutoCloseable> extends Server {
    private final StreamHandler<C> handler;
    private final Opener<C> opener;
    private final Duration connectionTimeout;

    private StreamServer(Socket listening, boolean ownsPath, Builder<C> b, StreamHandler<C> handler) throws IOException {
        super(listening, ownsPath, b.maxConnections, b.errors);
        this.handler = handler;
        this.opener = b.opener;
        this.connectionTimeout = b.connectionTimeout;
    }

    /** Turns an accepted socket into the handler's connection (for TLS: wraps it and runs the handshake). */
    @FunctionalInterface
    private interface Opener<C> {
        C open(Socket accepted) throws IOException;
    }

    /** A server for any stream address: TCP v4 or v6, an AF_UNIX path or abstract name, VSOCK ... */
    public static Builder<Socket> builder(SockAddr address) {
        return new Builder<>(Objects.requireNonNull(address, "address"), null);
    }

    /** Python's {@code TCPServer((host, port))}: {@code ""} for every IPv4 interface, port 0 for any. */
    public static Builder<Socket> tcp(String host, int port) throws IOException {
        return builder(SockAddr.inet(host, port));
    }

    /** Python's {@code UnixStreamServer(path)}; the path is removed at shutdown. */
    public static Builder<Socket> unix(Path path) {
        return builder(SockAddr.unix(path));
    }

    /** A server on a socket you made, bound and listening (any options, any provider); the server owns it from here. */
    public static Builder<Socket> on(Socket listening) {
        Objects.requireNonNull(listening, "listening");
        if (listening.type() != SocketType.STREAM) {
            throw new IllegalArgumentException("a stream server needs a stream socket, not " + listening.type());
        }
        return new Builder<>(null, listening);
    }

    @Override
    boolean serveOne() throws IOException {
        Socket.Accepted a = socket.accept();
        Socket conn = a.socket();
        SockAddr peer = a.address();
        if (connectionTimeout != null) {
            conn.setTimeout(connectionTimeout);
        }
        spawn(conn, peer, () -> {
            C c = opener.open(conn);
            try (c) {
                closeWith(c);
                handler.handle(c, peer);
            }
        });
        return true;
    }

    /** Builds a {@link StreamServer}: the settings, then {@link #build} binds and listens. */
    public static final class Builder<C extends AutoCloseable> {
        private final SockAddr address;
        private final Socket listening;
        private int backlog = -1;
        private int maxConnections = Integer.MAX_VALUE;
        private ErrorHandler errors = ErrorHandler.STDERR;
        private Duration connectionTimeout;
        private boolean reusePort;
        private boolean dualStack;
        private Opener<C> opener;

        @SuppressWarnings("unchecked")
        private Builder(SockAddr address, Socket listening) {
            this.address = address;
            this.listening = listening;
            this.opener = s -> (C) s;
        }

        private Builder(Builder<?> b, Opener<C> opener) {
            this.address = b.address;
            this.listening = b.listening;
            this.backlog = b.backlog;
            this.maxConnections = b.maxConnections;
            this.errors = b.errors;
            this.connectionTimeout = b.connectionTimeout;
            this.reusePort = b.reusePort;
            this.dualStack = b.dualStack;
            this.opener = opener;
        }

        /** The listen backlog (Python's {@code request_queue_size}); the default is weft's {@code listen()} default. */
        public Builder<C> backlog(int backlog) {
            this.backlog = backlog;
            return this;
        }

        /** At most {@code n} connections served at once (default: no limit). */
        public Builder<C> maxConnections(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("maxConnections must be positive: " + n);
            }
            this.maxConnections = n;
            return this;
        }

        /** Where handler failures and accept errors go (default {@link ErrorHandler#STDERR}). */
        public Builder<C> errorHandler(ErrorHandler errors) {
            this.errors = Objects.requireNonNull(errors, "errors");
            return this;
        }

        /** The timeout each accepted connection starts with (and a TLS handshake runs in); default: the socket default. */
        public Builder<C> connectionTimeout(Duration timeout) {
            this.connectionTimeout = timeout;
            return this;
        }

        /** Sets {@code SO_REUSEPORT} before binding, so several servers can share the port. */
        public Builder<C> reusePort(boolean on) {
            this.reusePort = on;
            return this;
        }

        /** For an IPv6 address: accept IPv4 clients too ({@code IPV6_V6ONLY} off). */
        public Builder<C> dualStack(boolean on) {
            this.dualStack = on;
            return this;
        }

        /**
         * Serves TLS: each connection is wrapped with {@link TlsSocket#server} and its
         * handshake runs on the connection's thread, within {@link #connectionTimeout},
         * before the handler is called; a failed handshake is reported to the
         * {@link ErrorHandler} and the connection closed. Needs {@code weft-tls}.
         */
        public Builder<TlsSocket> tls(SSLContext context) {
            Objects.requireNonNull(context, "context");
            return new Builder<>(this, s -> {
                TlsSocket t = TlsSocket.server(s, context);
                try {
                    t.handshake();
                } catch (IOException | RuntimeException e) {
                    t.close();
                    throw e;
                }
                return t;
            });
        }

        /** Binds and listens (or takes the socket given to {@link StreamServer#on}); {@code serveForever()} or {@code start()} serves. */
        public StreamServer<C> build(StreamHandler<C> handler) throws IOException {
            Objects.requireNonNull(handler, "handler");
            Socket s = listening != null ? listening : Sockets.createServer(address, backlog, reusePort, dualStack);
            try {
                return new StreamServer<>(s, listening == null, this, handler);
            } catch (IOException | RuntimeException e) {
                if (listening == null) {
                    s.close();
                }
                throw e;
            }
        }
    }
}
