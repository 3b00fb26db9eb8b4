/**
 * What every provider shares whatever its OS: native scratch memory for one call, the
 * {@code sockaddr} registry ({@code SockAddrCodec}, {@code SockAddrLayout}) with the
 * codecs of the families POSIX and Winsock have in common (INET, INET6, UNIX), the option
 * value codecs, and (as it moves here) the poller's OS-neutral scheduling. Not an API:
 * exported only to weft's providers.
 */
module dev.weft.common {
    requires transitive dev.weft;
    requires transitive com.sun.jna;

    exports dev.weft.common to dev.weft.posix, dev.weft.linux, dev.weft.macos, dev.weft.windows;
    exports dev.weft.common.poll to dev.weft.linux, dev.weft.macos, dev.weft.windows;

    uses dev.weft.common.NativeMemory.Allocator;
}
