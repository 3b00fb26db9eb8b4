package dev.weft.faults;

import dev.weft.Sockets;
import dev.weft.spi.SocketProvider;

/** The OS provider: this module's tests run with -Dweft.provider=faults, as a user's would. */
final class Real {
    private Real() {}

    static SocketProvider provider() {
        return Sockets.provider() instanceof FaultProvider f ? f.wrapped() : Sockets.provider();
    }
}
