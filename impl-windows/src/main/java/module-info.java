/** weft's Windows provider (Winsock 2); declines to run until it is implemented. */
module dev.weft.windows {
    requires dev.weft;

    provides dev.weft.spi.SocketProvider with dev.weft.windows.WindowsProvider;
}
