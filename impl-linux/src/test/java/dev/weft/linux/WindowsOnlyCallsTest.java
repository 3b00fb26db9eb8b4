package dev.weft.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.Family;
import dev.weft.Socket;
import dev.weft.SocketType;
import dev.weft.Sockets;
import org.junit.jupiter.api.Test;

/**
 * CPython has {@code sock.ioctl}, {@code sock.share} and {@code socket.fromshare} on Windows
 * only; on Linux weft declines them the same way: an UnsupportedOperationException that says
 * so, before any system call, and the socket stays usable.
 */
class WindowsOnlyCallsTest {
    @Test
    void ioctlShareAndFromShareAreWindowsOnlyAsInCpython() throws Exception {
        try (Socket s = Socket.open(Family.INET, SocketType.STREAM)) {
            UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                    () -> s.ioctl(0x98000001, 1));
            assertEquals("linux has no socket ioctl(): CPython's sock.ioctl() (WSAIoctl) exists only on Windows", e.getMessage());
            e = assertThrows(UnsupportedOperationException.class, () -> s.share((int) ProcessHandle.current().pid()));
            assertTrue(e.getMessage().startsWith("linux has no share(): "), e.getMessage());
            e = assertThrows(UnsupportedOperationException.class, () -> Sockets.fromShare(new byte[628]));
            assertTrue(e.getMessage().startsWith("linux has no fromshare(): "), e.getMessage());
            s.bind("127.0.0.1", 0); // still open and usable
        }
    }
}
