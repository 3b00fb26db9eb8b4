/**
 * weft's Windows provider (Winsock 2 through {@code ws2_32}, a WSAPoll poller under the
 * shared scheduler), on Windows x64 and arm64; it declines elsewhere.
 */
module dev.weft.windows {
    requires dev.weft.common;

    provides dev.weft.spi.SocketProvider with dev.weft.windows.WindowsProvider;
}
