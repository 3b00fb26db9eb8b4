package dev.weft.spi;

import dev.weft.Ancillary;
import dev.weft.SockAddr;
import java.util.List;

/**
 * What {@code recvmsg(2)} returns besides the byte count; a provider fills it in.
 * One per call, owned by the calling thread.
 */
public final class MsgResult {
    /** The control messages received, in order. */
    public List<Ancillary> ancillary = List.of();
    /** {@code msg_flags} ({@code MSG_TRUNC}, {@code MSG_CTRUNC}, {@code MSG_EOR}...). */
    public int flags;
    /** The sender, or null where the socket reports none. */
    public SockAddr address;
}
