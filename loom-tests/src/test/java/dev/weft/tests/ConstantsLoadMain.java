package dev.weft.tests;

import dev.weft.Socket;
import dev.weft.SocketConstants;
import dev.weft.Sockets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Run by {@link ConstantsLoadTest} in a fresh JVM: reads a constant, then reports which
 * threads and descriptors appeared meanwhile; then opens a socket and reports again, which
 * shows the two reports can see a poller and a socket when there is one.
 */
public final class ConstantsLoadMain {
    private ConstantsLoadMain() {}

    public static void main(String[] args) throws Exception {
        Set<String> threads = threads();
        Set<String> fds = fds();
        int value = SocketConstants.SO_REUSEADDR;
        boolean has = Sockets.hasConstant("TCP_NODELAY");
        System.out.println("VALUE " + value + " " + has + " " + Sockets.provider().name());
        System.out.println("THREADS " + added(threads, threads()));
        System.out.println("FDS " + added(fds, fds()));
        System.out.println("COUNTS poller=" + CountingProvider.POLLER + " capabilities=" + CountingProvider.CAPABILITIES
                + " sockets=" + CountingProvider.SOCKETS);
        try (Socket s = Socket.open()) {
            System.out.println("OPEN_THREADS " + added(threads, threads()));
            System.out.println("OPEN_FDS " + added(fds, fds()));
        }
    }

    private static Set<String> added(Set<String> before, Set<String> after) {
        Set<String> d = new TreeSet<>(after);
        d.removeAll(before);
        return d;
    }

    /** Every live platform thread's name; a started virtual thread shows as its carrier. */
    private static Set<String> threads() {
        Set<String> names = new TreeSet<>();
        Thread.getAllStackTraces().keySet().forEach(t -> names.add(t.getName()));
        return names;
    }

    /**
     * Every open descriptor that is not a file: sockets, {@code anon_inode:[eventpoll]} and
     * the like, pipes. (Files are the class loader's: it opens each jar it searches.)
     */
    private static Set<String> fds() throws IOException {
        Path dir = Path.of(Files.isDirectory(Path.of("/proc/self/fd")) ? "/proc/self/fd" : "/dev/fd");
        Set<String> out = new TreeSet<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                try {
                    String target = Files.readSymbolicLink(p).toString();
                    if (!target.startsWith("/")) {
                        out.add(p.getFileName() + "=" + target);
                    }
                } catch (IOException gone) {
                    // the listing's own descriptor, closed meanwhile
                }
            }
        }
        return out;
    }
}
