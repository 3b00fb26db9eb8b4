package dev.weft;

import java.nio.channels.ByteChannel;
import java.nio.channels.GatheringByteChannel;
import java.nio.channels.ScatteringByteChannel;

/**
 * What {@link Socket#channel()} returns: the socket as a {@code java.nio} channel, for code
 * written against channels (an {@code SSLEngine} loop, {@code Channels.newInputStream},
 * {@code FileChannel.transferTo}). Reads return -1 at end of stream; a scattering read is
 * one {@code recvmsg}, a gathering write one {@code sendmsg}; every call follows the
 * socket's mode and timeout. In non-blocking mode ({@code Duration.ZERO}) a read that finds
 * nothing and a write that finds the send buffer full return 0, as {@code java.nio}'s
 * channels do, where the socket's own {@code recvInto} and {@code send} throw
 * {@link WouldBlockException} as Python's do.
 *
 * <p>java.net's rule: closing the channel closes the socket, closing the socket closes the
 * channel (a call blocked in it ends with
 * {@link java.nio.channels.AsynchronousCloseException}).
 *
 * <p>Deliberately not an {@link java.nio.channels.InterruptibleChannel}: that contract
 * closes the channel when a thread blocked in it is interrupted, while weft's rule keeps
 * the socket open and ends only the call, with {@link java.io.InterruptedIOException}
 * (interrupt status kept).
 *
 * <pre>{@code
 * SocketByteChannel ch = socket.channel();
 * ch.write(new ByteBuffer[] {header, body});   // one sendmsg
 * int n = ch.read(buffer);                     // -1 at end of stream
 * }</pre>
 */
public interface SocketByteChannel extends ByteChannel, ScatteringByteChannel, GatheringByteChannel {
    /** The socket this channel reads and writes. */
    Socket socket();
}
