package dev.weft.examples;

import dev.weft.Socket;
import dev.weft.server.StreamServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A small HTTP/1.1 echo (keep-alive, pipelining; each answer's body is the request line)
 * on {@link StreamServer}, and its twin on the JDK's {@code ServerSocket} with a virtual
 * thread per connection, for load generators such as {@code wrk}. Both close a connection
 * idle for 60 s, as servers do: every read waits with that timeout.
 *
 * <pre>{@code
 * java ... dev.weft.examples.HttpEcho weft 8080     # or: jdk 8080
 * wrk -t2 -c64 -d5s http://127.0.0.1:8080/
 * }</pre>
 */
public final class HttpEcho {
    private HttpEcho() {}

    /** One connection's byte stream, whichever socket carries it. */
    interface Conn {
        /** Up to {@code len} bytes into {@code b} at {@code off}; 0 or -1 at end of stream. */
        int read(byte[] b, int off, int len) throws IOException;

        void write(byte[] b, int off, int len) throws IOException;
    }

    private static final byte[] HEAD = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: "
            .getBytes(StandardCharsets.US_ASCII);

    /** Answers requests on {@code c} until the client closes or asks to. */
    static void serve(Conn c) throws IOException {
        byte[] buf = new byte[16 * 1024];
        byte[] out = new byte[16 * 1024];
        int have = 0;
        for (;;) {
            int end;
            while ((end = headerEnd(buf, have)) < 0) {
                if (have == buf.length) {
                    throw new IOException("request header over " + buf.length + " bytes");
                }
                int n = c.read(buf, have, buf.length - have);
                if (n <= 0) {
                    return;
                }
                have += n;
            }
            // Answer every whole request in the buffer with one write (pipelined requests too).
            int used = 0;
            int outLen = 0;
            boolean close = false;
            do {
                int lineEnd = indexOf(buf, used, end, (byte) '\r');
                int bodyLen = contentLength(buf, used, end);
                if (end + bodyLen > have) {
                    break; // the body is not all here yet
                }
                String head = new String(buf, used, end - used, StandardCharsets.ISO_8859_1).toLowerCase();
                close |= head.contains("\r\nconnection: close");
                byte[] len = Integer.toString(lineEnd - used).getBytes(StandardCharsets.US_ASCII);
                int need = HEAD.length + len.length + 4 + (lineEnd - used);
                if (outLen + need > out.length) {
                    c.write(out, 0, outLen);
                    outLen = 0;
                }
                System.arraycopy(HEAD, 0, out, outLen, HEAD.length);
                outLen += HEAD.length;
                System.arraycopy(len, 0, out, outLen, len.length);
                outLen += len.length;
                out[outLen++] = '\r';
                out[outLen++] = '\n';
                out[outLen++] = '\r';
                out[outLen++] = '\n';
                System.arraycopy(buf, used, out, outLen, lineEnd - used);
                outLen += lineEnd - used;
                used = end + bodyLen;
                end = headerEnd(buf, used, have);
            } while (end >= 0 && !close);
            c.write(out, 0, outLen);
            if (close) {
                return;
            }
            System.arraycopy(buf, used, buf, 0, have - used);
            have -= used;
        }
    }

    /** The index just past the first header's blank line in {@code buf[0, have)}, or -1. */
    private static int headerEnd(byte[] buf, int have) {
        return headerEnd(buf, 0, have);
    }

    private static int headerEnd(byte[] buf, int from, int have) {
        for (int i = from; i + 3 < have; i++) {
            if (buf[i] == '\r' && buf[i + 1] == '\n' && buf[i + 2] == '\r' && buf[i + 3] == '\n') {
                return i + 4;
            }
        }
        return -1;
    }

    private static int indexOf(byte[] b, int from, int to, byte x) {
        for (int i = from; i < to; i++) {
            if (b[i] == x) {
                return i;
            }
        }
        return to;
    }

    private static int contentLength(byte[] buf, int from, int end) {
        String head = new String(buf, from, end - from, StandardCharsets.ISO_8859_1).toLowerCase();
        int i = head.indexOf("\r\ncontent-length:");
        if (i < 0) {
            return 0;
        }
        int j = head.indexOf('\r', i + 2);
        return Integer.parseInt(head.substring(i + 17, j).trim());
    }

    /** The echo on weft's {@link StreamServer}: call {@code start()} or {@code serveForever()}. */
    public static StreamServer<Socket> weft(String host, int port) throws IOException {
        return StreamServer.tcp(host, port).backlog(1024).connectionTimeout(Duration.ofSeconds(60))
                .build((conn, peer) -> {
                    conn.setOption(dev.weft.SockOpt.TCP_NODELAY, true); // as the twin
                    try {
                        serve(conn);
                    } catch (dev.weft.ConnectionResetException | dev.weft.BrokenPipeException e) {
                        // The client left with a request or an answer in flight (wrk does as it
                        // stops): its loss, not the server's error. Anything else is reported.
                    }
                });
    }

    private static void serve(Socket conn) throws IOException {
        serve(new Conn() {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return conn.recvInto(b, off, len);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                conn.sendAll(java.nio.ByteBuffer.wrap(b, off, len));
            }
        });
    }

    /** The JDK twin: a {@code ServerSocket} and a virtual thread per connection; close the socket to stop. */
    public static java.net.ServerSocket jdk(String host, int port) throws IOException {
        java.net.ServerSocket ss = new java.net.ServerSocket();
        ss.setReuseAddress(true);
        ss.bind(new java.net.InetSocketAddress(host, port), 1024);
        Thread.ofVirtual().name("jdk-http-echo").start(() -> {
            while (!ss.isClosed()) {
                try {
                    java.net.Socket s = ss.accept();
                    Thread.ofVirtual().start(() -> {
                        try (s) {
                            s.setTcpNoDelay(true);
                            s.setSoTimeout(60_000); // the same idle timeout as weft's connectionTimeout
                            InputStream in = s.getInputStream();
                            OutputStream out = s.getOutputStream();
                            serve(new Conn() {
                                @Override
                                public int read(byte[] b, int off, int len) throws IOException {
                                    return in.read(b, off, len);
                                }

                                @Override
                                public void write(byte[] b, int off, int len) throws IOException {
                                    out.write(b, off, len);
                                }
                            });
                        } catch (IOException e) {
                            // the client went away
                        }
                    });
                } catch (IOException e) {
                    // closed: the loop ends
                }
            }
        });
        return ss;
    }

    public static void main(String[] args) throws Exception {
        String which = args.length > 0 ? args[0] : "weft";
        int port = args.length > 1 ? Integer.parseInt(args[1]) : 8080;
        if (which.equals("jdk")) {
            try (var ss = jdk("127.0.0.1", port)) {
                System.out.println("jdk HTTP echo on " + ss.getLocalSocketAddress());
                Thread.sleep(Long.MAX_VALUE);
            }
        } else {
            try (var server = weft("127.0.0.1", port)) {
                System.out.println("weft HTTP echo on " + server.address());
                server.serveForever();
            }
        }
    }
}
