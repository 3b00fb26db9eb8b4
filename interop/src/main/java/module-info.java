/**
 * weft where Java code already lives: {@link java.net.Socket} and {@link java.net.ServerSocket}
 * backed by weft sockets, and {@code javax.net} socket factories (TCP, and AF_UNIX paths for
 * JDBC drivers). See {@link dev.weft.interop.WeftSockets}.
 */
module dev.weft.interop {
    requires transitive dev.weft;

    exports dev.weft.interop;
}
