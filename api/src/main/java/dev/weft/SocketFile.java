package dev.weft;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.SocketTimeoutException;
import java.nio.charset.Charset;

/**
 * What {@link Socket#makeFile} returns: Python's file object over a socket, as the
 * {@code java.io} views its mode allows. It holds a reference on the socket: the descriptor
 * closes only when the socket and every file made from it are closed (CPython's rule).
 *
 * <pre>{@code
 * try (SocketFile f = s.makeFile("rw", -1, StandardCharsets.UTF_8)) {
 *     f.writer().write("HELLO\n");
 *     f.writer().flush();
 *     String line = f.reader().readLine();
 * }
 * }</pre>
 */
public final class SocketFile implements Closeable {
    private final String mode;
    private final InputStream in;
    private final OutputStream out;
    private final BufferedReader reader;
    private final Writer writer;
    private boolean closed;

    /** The largest buffer a Java array can hold (the JDK's own limit for growing arrays). */
    static final int MAX_BUFFERING = Integer.MAX_VALUE - 8;

    SocketFile(Socket socket, String mode, boolean reading, boolean writing, boolean binary, int buffering, Charset charset) {
        this.mode = mode;
        int size = buffering < 0 ? 8192 : buffering;
        SocketStreams.In socketIn = null;
        SocketStreams.Out socketOut = null;
        try {
            socketIn = reading ? new SocketStreams.In(socket) : null;
            socketOut = writing ? new SocketStreams.Out(socket) : null;
            InputStream rawIn = socketIn != null ? new TimeoutLatch(socketIn) : null;
            OutputStream rawOut = socketOut;
            if (rawIn != null && size > 0) {
                rawIn = new BufferedInputStream(rawIn, size);
            }
            if (rawOut != null && size > 0) {
                rawOut = new BufferedOutputStream(rawOut, size);
            }
            this.in = binary ? rawIn : null;
            this.out = binary ? rawOut : null;
            this.reader = !binary && rawIn != null ? new BufferedReader(new InputStreamReader(rawIn, charset)) : null;
            this.writer = !binary && rawOut != null ? new OutputStreamWriter(rawOut, charset) : null;
        } catch (RuntimeException | Error e) {
            // A buffer too large for the heap, a charset that fails: drop the references
            // taken, or the socket could never be closed.
            release(socketIn, e);
            release(socketOut, e);
            throw e;
        }
    }

    private static void release(Closeable fileView, Throwable failure) {
        if (fileView != null) {
            try {
                fileView.close(); // a file view only drops its reference
            } catch (IOException e) {
                failure.addSuppressed(e);
            }
        }
    }

    /**
     * CPython's {@code SocketIO} rule: once a read timed out, the buffered layers above may
     * hold part of what was read (a text reader's line so far), so every later read fails.
     */
    private static final class TimeoutLatch extends FilterInputStream {
        private volatile boolean timedOut;

        TimeoutLatch(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            byte[] b = new byte[1];
            int n = read(b, 0, 1);
            return n < 0 ? -1 : b[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (timedOut) {
                throw new IOException("cannot read from timed out object");
            }
            try {
                return in.read(b, off, len);
            } catch (SocketTimeoutException e) {
                timedOut = true;
                throw e;
            }
        }
    }

    /** The byte input of a binary file opened for reading ({@code "rb"}). */
    public InputStream inputStream() {
        return need(in, "rb");
    }

    /** The byte output of a binary file opened for writing ({@code "wb"}). */
    public OutputStream outputStream() {
        return need(out, "wb");
    }

    /** The text input of a text file opened for reading ({@code "r"}). */
    public BufferedReader reader() {
        return need(reader, "r");
    }

    /** The text output of a text file opened for writing ({@code "w"}). */
    public Writer writer() {
        return need(writer, "w");
    }

    private <T> T need(T view, String wanted) {
        if (view == null) {
            throw new IllegalStateException("file mode '" + mode + "' has no '" + wanted + "' view");
        }
        return view;
    }

    /**
     * Flushes what is buffered for writing and drops this file's references on the socket
     * (one per direction); the descriptor closes if the socket was closed and this was the last.
     */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (writer != null) {
                writer.close();
            } else if (out != null) {
                out.close();
            }
        } finally {
            if (reader != null) {
                reader.close();
            } else if (in != null) {
                in.close();
            }
        }
    }
}
