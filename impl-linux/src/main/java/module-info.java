/** weft's Linux provider: epoll, accept4, SOCK_NONBLOCK | SOCK_CLOEXEC, MSG_NOSIGNAL. */
module dev.weft.linux {
    requires dev.weft.posix;

    provides dev.weft.spi.SocketProvider with dev.weft.linux.LinuxProvider;
}
