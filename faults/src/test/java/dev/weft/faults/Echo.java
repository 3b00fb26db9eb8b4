package dev.weft.faults;

import dev.weft.Family;
import dev.weft.SockAddr;
import dev.weft.Socket;
import dev.weft.SocketType;
import dev.weft.Sockets;
import dev.weft.spi.SocketProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** A correct stream echo (recv loops, sendAll, shutdown at the end) between two sockets of one provider. */
final class Echo {
    private Echo() {}

    record Outcome(byte[] sent, byte[] echoed, List<Throwable> failures) {}

    static byte[] data(long seed, int size) {
        byte[] b = new byte[size];
        new SplittableRandom(seed).nextBytes(b);
        return b;
    }

    /** Echoes {@code data} over TCP on loopback ({@code unix} false) or an AF_UNIX stream pair. */
    static Outcome run(SocketProvider p, byte[] data, boolean unix) throws Exception {
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        List<Socket> opened = Collections.synchronizedList(new ArrayList<>());
        ByteArrayOutputStream echoed = new ByteArrayOutputStream();
        try (var vt = Executors.newVirtualThreadPerTaskExecutor()) {
            Socket client;
            Future<?> server;
            if (unix) {
                var pair = Sockets.socketPair(p, Family.UNIX, SocketType.STREAM, 0);
                opened.add(pair.first());
                opened.add(pair.second());
                client = pair.first();
                server = vt.submit(guard(failures, opened, () -> echo(pair.second())));
            } else {
                Socket l = Socket.open(p, Family.INET, SocketType.STREAM, 0);
                opened.add(l);
                l.bind(SockAddr.inet("127.0.0.1", 0));
                l.listen(4);
                l.setTimeout(Duration.ofSeconds(20));
                server = vt.submit(guard(failures, opened, () -> {
                    Socket.Accepted a = acceptRetrying(l);
                    opened.add(a.socket());
                    echo(a.socket());
                }));
                client = Socket.open(p, Family.INET, SocketType.STREAM, 0);
                opened.add(client);
                client.setTimeout(Duration.ofSeconds(20));
                try {
                    client.connect(l.getSockName());
                } catch (IOException e) {
                    failures.add(e);
                    closeAll(opened);
                    server.get(30, TimeUnit.SECONDS);
                    failures.removeIf(t -> t instanceof dev.weft.SocketClosedException); // the listener closed under accept
                    return new Outcome(data, new byte[0], failures);
                }
            }
            client.setTimeout(Duration.ofSeconds(20));
            Socket c = client;
            Future<?> writer = vt.submit(guard(failures, opened, () -> {
                int at = 0;
                SplittableRandom r = new SplittableRandom(data.length);
                while (at < data.length) {
                    int n = Math.min(data.length - at, 1 + r.nextInt(16 << 10));
                    c.sendAll(java.nio.ByteBuffer.wrap(data, at, n));
                    at += n;
                }
                c.shutdown(Socket.SHUT_WR);
            }));
            Future<?> reader = vt.submit(guard(failures, opened, () -> {
                byte[] buf = new byte[7919];
                for (int n; (n = c.recvInto(buf, 0, buf.length)) > 0; ) {
                    synchronized (echoed) {
                        echoed.write(buf, 0, n);
                    }
                }
            }));
            for (Future<?> f : List.of(server, writer, reader)) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            closeAll(opened);
        }
        failures.removeIf(t -> t instanceof dev.weft.SocketClosedException); // a consequence of another failure
        return new Outcome(data, echoed.toByteArray(), failures);
    }

    /** What a server must do: an accept that fails with EMFILE or ECONNABORTED is tried again. */
    static Socket.Accepted acceptRetrying(Socket l) throws IOException {
        for (int i = 0; ; i++) {
            try {
                return l.accept();
            } catch (dev.weft.SocketClosedException | dev.weft.WeftTimeoutException e) {
                throw e;
            } catch (IOException e) {
                if (i > 1000) {
                    throw e;
                }
            }
        }
    }

    private static void echo(Socket s) throws IOException {
        s.setTimeout(Duration.ofSeconds(20));
        byte[] buf = new byte[1 + (int) (System.identityHashCode(s) % 9000)];
        for (int n; (n = s.recvInto(buf, 0, buf.length)) > 0; ) {
            s.sendAll(java.nio.ByteBuffer.wrap(buf, 0, n));
        }
        s.shutdown(Socket.SHUT_WR);
    }

    interface Body {
        void run() throws Exception;
    }

    private static Runnable guard(List<Throwable> failures, List<Socket> opened, Body b) {
        return () -> {
            try {
                b.run();
            } catch (Exception e) {
                failures.add(e);
                closeAll(opened);
            }
        };
    }

    static void closeAll(List<Socket> opened) {
        synchronized (opened) {
            for (Socket s : opened) {
                try {
                    s.close();
                } catch (IOException ignored) {
                    // idempotent; nothing to add
                }
            }
        }
    }
}
