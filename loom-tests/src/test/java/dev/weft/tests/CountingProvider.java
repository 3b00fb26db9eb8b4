package dev.weft.tests;

import dev.weft.Capability;
import dev.weft.spi.ForwardingSocketProvider;
import dev.weft.spi.Poller;
import dev.weft.spi.SocketProvider;
import java.util.Comparator;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * This OS's provider, counting the calls that start a poller, probe capabilities or open a
 * socket. Chosen only with {@code -Dweft.provider=counting}, in a child JVM (its service
 * file is a test resource that {@link ConstantsLoadTest} puts on the child's class path).
 */
public final class CountingProvider extends ForwardingSocketProvider {
    static final AtomicInteger POLLER = new AtomicInteger();
    static final AtomicInteger CAPABILITIES = new AtomicInteger();
    static final AtomicInteger SOCKETS = new AtomicInteger();

    /** Called by ServiceLoader: wraps the provider weft would choose without this one. */
    public CountingProvider() {
        super(ServiceLoader.load(SocketProvider.class).stream().filter(p -> p.type() != CountingProvider.class)
                .map(ServiceLoader.Provider::get).filter(SocketProvider::isSupported)
                .max(Comparator.comparingInt(SocketProvider::priority))
                .orElseThrow(() -> new IllegalStateException("no provider supports this OS")));
    }

    @Override
    public String name() {
        return "counting";
    }

    @Override
    public int priority() {
        return -1000; // never chosen unless forced
    }

    @Override
    public Poller poller() {
        POLLER.incrementAndGet();
        return super.poller();
    }

    @Override
    public Set<Capability> capabilities() {
        CAPABILITIES.incrementAndGet();
        return super.capabilities();
    }

    @Override
    public long socket(int family, int type, int protocol) {
        SOCKETS.incrementAndGet();
        return super.socket(family, type, protocol);
    }

    @Override
    public int socketPair(int family, int type, int protocol, long[] fds) {
        SOCKETS.incrementAndGet();
        return super.socketPair(family, type, protocol, fds);
    }
}
