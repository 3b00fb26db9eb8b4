/** weft's macOS provider (kqueue), on macOS aarch64 and x86_64; it declines elsewhere. */
module dev.weft.macos {
    requires dev.weft.posix;

    provides dev.weft.spi.SocketProvider with dev.weft.macos.MacProvider;
}
