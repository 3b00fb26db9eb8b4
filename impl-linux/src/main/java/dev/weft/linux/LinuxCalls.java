package dev.weft.linux;

/**
 * The Linux-only C library calls, implemented by JNA ({@link JnaLinuxCalls}) and by
 * java.lang.foreign ({@code FfmLinuxCalls}), chosen with the POSIX calls by
 * {@code dev.weft.posix.NativeBinding}; errno is read through {@code PosixLibc.errno()}
 * either way.
 */
interface LinuxCalls {
    int accept4(int fd, long addr, long lenPtr, int flags);

    int epoll_create1(int flags);

    int epoll_ctl(int epfd, int op, int fd, long event);

    int epoll_wait(int epfd, long events, int maxEvents, int timeout);

    int eventfd(int initval, int flags);

    long write(int fd, long buf, long count);

    int recvmmsg(int fd, long msgvec, int vlen, int flags, long timeout);

    int sendmmsg(int fd, long msgvec, int vlen, int flags);

    long sendfile(int outFd, int inFd, long offsetPtr, long count);
}
