package dev.weft.windows;

import dev.weft.common.poll.PollScheduler;
import dev.weft.spi.Poller;
import java.io.IOException;

/**
 * The shared {@link PollScheduler} over {@link WsaPollMechanism}, plus the one thing a
 * level-triggered call needs of the core's protocol: {@link #arm}, called before every
 * park, re-arms the socket's reported direction (see WsaPollMechanism's class comment),
 * which the scheduler, written for edge-triggered mechanisms, never asks for.
 */
final class WsaPoller implements Poller {
    private final PollScheduler scheduler;
    private final WsaPollMechanism mechanism;

    private record Key(long fd, Object inner) {}

    WsaPoller(PollScheduler scheduler, WsaPollMechanism mechanism) {
        this.scheduler = scheduler;
        this.mechanism = mechanism;
    }

    WsaPollMechanism mechanism() {
        return mechanism;
    }

    /**
     * A SOCKET is a kernel handle, pointer-sized; the scheduler indexes its table by the
     * handle's value, which Windows keeps small (handle tables are dense, values multiples
     * of 4), so one past 31 bits is refused rather than truncated.
     */
    @Override
    public Object register(long fd, ReadyListener listener) throws IOException {
        if (fd < 0 || fd > Integer.MAX_VALUE) {
            throw new IOException("weft: SOCKET handle " + Long.toUnsignedString(fd) + " does not fit the poller's table");
        }
        return new Key(fd, scheduler.register(fd, listener));
    }

    @Override
    public void arm(Object key, int events) throws IOException {
        Key k = (Key) key;
        scheduler.arm(k.inner, events);
        mechanism.rearm(k.fd, events);
    }

    @Override
    public void disarm(Object key, int events) {
        scheduler.disarm(((Key) key).inner, events);
    }

    @Override
    public void deregister(Object key) {
        scheduler.deregister(((Key) key).inner);
    }

    @Override
    public boolean reportsEveryArrival() {
        return scheduler.reportsEveryArrival();
    }

    @Override
    public boolean starved() {
        return scheduler.starved();
    }

    @Override
    public void beforePark() {
        scheduler.beforePark();
    }
}
