/**
 * What every provider shares whatever its OS: native scratch memory for one call, and (as
 * they move here) the poller's OS-neutral scheduling and the address codecs whose layout
 * POSIX and Winsock have in common. Not an API: exported only to weft's providers.
 */
module dev.weft.common {
    requires transitive dev.weft;
    requires transitive com.sun.jna;

    exports dev.weft.common to dev.weft.posix, dev.weft.linux, dev.weft.macos, dev.weft.windows;
    exports dev.weft.common.poll to dev.weft.linux, dev.weft.macos, dev.weft.windows;
}
