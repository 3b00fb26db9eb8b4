package dev.weft.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.Errno;
import dev.weft.Family;
import dev.weft.OsError;
import dev.weft.SocketType;
import dev.weft.Sockets;
import dev.weft.common.poll.PollMechanism;
import dev.weft.common.poll.PollScheduler;
import dev.weft.spi.ForwardingSocketProvider;
import dev.weft.spi.Poller;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * When {@code epoll_wait} fails in the drainer, a thread blocked in {@code recv} on that
 * poller ends with an exception naming the errno instead of hanging with nothing said, and
 * no new socket can be opened on it (issue 23, item 13). The failure is injected through a
 * mechanism that is epoll in all but its waits.
 */
class PollerFailureTest {
    /** epoll, except that once {@link #failWith} is set every wait fails with it. */
    static final class FailingEpoll implements PollMechanism {
        final EpollMechanism epoll;
        volatile int failWith;

        FailingEpoll(EpollMechanism epoll) {
            this.epoll = epoll;
        }

        @Override
        public int wait(long instance, long address, ByteBuffer view, int offset, int max, int timeoutMillis) {
            int n = epoll.wait(instance, address, view, offset, max, timeoutMillis);
            int f = failWith;
            return f != 0 ? -f : n;
        }

        @Override public String name() { return epoll.name(); }
        @Override public int eventSize() { return epoll.eventSize(); }
        @Override public long open() throws IOException { return epoll.open(); }
        @Override public void close(long instance) { epoll.close(instance); }
        @Override public int add(long i, long fd, long data, int interest) { return epoll.add(i, fd, data, interest); }
        @Override public int modify(long i, long fd, long data, int interest) { return epoll.modify(i, fd, data, interest); }
        @Override public int delete(long i, long fd) { return epoll.delete(i, fd); }
        @Override public long data(ByteBuffer view, int offset) { return epoll.data(view, offset); }
        @Override public int ready(ByteBuffer view, int offset) { return epoll.ready(view, offset); }
        @Override public boolean canNest() { return epoll.canNest(); }
        @Override public boolean reportsEveryArrival() { return epoll.reportsEveryArrival(); }
        @Override public IOException error(int errno, Op op, String detail) { return epoll.error(errno, op, detail); }
    }

    @Test
    void aReaderBlockedOnAPollerWhoseWaitFailsGetsTheErrnoInsteadOfHanging() throws Exception {
        LinuxProvider linux = (LinuxProvider) Sockets.provider();
        FailingEpoll mech = new FailingEpoll(new EpollMechanism(linux));
        Poller poller = new PollScheduler(mech, new PollScheduler.Settings(true, 2, 0, 1_000_000, true, 50_000));
        var p = new ForwardingSocketProvider(linux) {
            @Override
            public Poller poller() {
                return poller;
            }
        };
        try (var pair = Sockets.socketPair(p, Family.UNIX, SocketType.STREAM, 0);
                var trigger = Sockets.socketPair(p, Family.UNIX, SocketType.STREAM, 0)) {
            CompletableFuture<Throwable> outcome = new CompletableFuture<>();
            Thread reader = Thread.ofVirtual().start(() -> {
                try {
                    pair.first().recv(16);
                    outcome.complete(null);
                } catch (Throwable e) {
                    outcome.complete(e);
                }
            });
            while (reader.getState() != Thread.State.WAITING) {
                Thread.sleep(1);
            }
            int ebadf = linux.nativeErrno(Errno.EBADF);
            mech.failWith = ebadf;
            // An event sends the drainer polling; its wait fails.
            trigger.second().sendAll(new byte[] {1});
            Throwable e = outcome.get(60, TimeUnit.SECONDS);
            assertInstanceOf(IOException.class, e, "recv returned instead of failing");
            assertEquals(Errno.EBADF, ((OsError) e).errno());
            assertTrue(e.getMessage().contains("epoll_wait") && e.getMessage().contains("poller stopped"), e.getMessage());
            IOException next = assertThrows(IOException.class, () -> Sockets.socketPair(p, Family.UNIX, SocketType.STREAM, 0));
            assertTrue(next.getMessage().contains("epoll_wait"), next.getMessage());
        }
    }
}
