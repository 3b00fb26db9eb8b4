/** weft's macOS provider (kqueue); declines to run until its poller lands. */
module dev.weft.macos {
    requires dev.weft.posix;

    provides dev.weft.spi.SocketProvider with dev.weft.macos.MacProvider;
}
