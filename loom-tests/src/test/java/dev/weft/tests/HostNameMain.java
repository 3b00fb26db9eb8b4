package dev.weft.tests;

import dev.weft.OsError;
import dev.weft.Sockets;
import java.io.IOException;

/**
 * Child JVM of {@link ModuleFunctionsTest}, always run in its own UTS namespace
 * ({@code unshare -u}), so that whatever it does the machine's host name stays as it is:
 * sets the name given and prints what {@code getHostName} reads back, or the errno.
 */
public final class HostNameMain {
    public static void main(String[] args) throws IOException {
        try {
            Sockets.setHostName(args[0]);
            System.out.println("SET " + Sockets.getHostName());
        } catch (IOException e) {
            System.out.println("FAILED " + (e instanceof OsError os ? os.errno() : e.toString()));
        }
    }
}
