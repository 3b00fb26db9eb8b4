/** The POSIX layer Linux and macOS share: libc calls, sockaddr layouts, errno names. */
module dev.weft.posix {
    requires transitive dev.weft.common;
    requires transitive com.sun.jna;

    exports dev.weft.posix to dev.weft.linux, dev.weft.macos;

    provides dev.weft.common.NativeMemory.Allocator with dev.weft.posix.BindingMemory;
}
