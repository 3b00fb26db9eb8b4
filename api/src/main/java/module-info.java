/**
 * weft's API: {@link dev.weft.Socket}, {@link dev.weft.Sockets}, addresses, errors, and the
 * provider interface {@link dev.weft.spi.SocketProvider} that each OS module implements.
 */
module dev.weft {
    exports dev.weft;
    exports dev.weft.spi;

    uses dev.weft.spi.SocketProvider;
}
