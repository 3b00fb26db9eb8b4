package dev.weft.tests;

import dev.weft.Family;
import dev.weft.OsError;
import dev.weft.Socket;
import dev.weft.SocketType;
import dev.weft.Sockets;
import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Run by {@link DescriptorExhaustionTest} in a child JVM with a low {@code ulimit -n}: uses
 * up every descriptor before weft is first touched, tries weft, frees them, tries again.
 * Prints one line per step. With {@code exhaust=false} it only tries twice (for a JNA that
 * cannot initialise at all).
 */
public final class DescriptorExhaustionMain {
    private DescriptorExhaustionMain() {}

    public static void main(String[] args) throws Exception {
        boolean exhaust = !(args.length > 0 && args[0].equals("exhaust=false"));
        preload();
        List<FileInputStream> held = new ArrayList<>();
        if (exhaust) {
            try {
                for (;;) {
                    held.add(new FileInputStream("/dev/null"));
                }
            } catch (IOException e) {
                System.out.println("exhausted " + held.size() + ": " + e.getMessage());
            }
        }
        attempt("first");
        try {
            System.out.println("capabilities: ok " + Sockets.capabilities().size());
        } catch (UncheckedIOException e) {
            System.out.println("capabilities: " + describe(e.getCause()));
        }
        for (FileInputStream f : held) {
            f.close();
        }
        attempt("after");
    }

    private static void attempt(String step) {
        try (Sockets.SocketPair pair = Sockets.socketPair();
             Socket tcp = Socket.open(Family.INET, SocketType.STREAM)) {
            pair.first().sendAll(new byte[] {42});
            System.out.println(step + ": ok " + pair.second().recv(1)[0]);
        } catch (IOException e) {
            System.out.println(step + ": " + describe(e));
        } catch (Throwable t) {
            System.out.println(step + ": unexpected " + t);
            t.printStackTrace(System.out);
        }
    }

    private static String describe(Throwable e) {
        String errno = e instanceof OsError o ? o.errno().name() : "no errno";
        return e.getClass().getSimpleName() + " " + errno + " " + e.getMessage();
    }

    /**
     * Loads (without initialising) every class weft may need, so that their jars or
     * directories are read now: with no descriptor free, the class loader could not open
     * them later, and that, not weft, would fail.
     */
    private static void preload() throws Exception {
        ClassLoader cl = DescriptorExhaustionMain.class.getClassLoader();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path p = Path.of(entry);
            List<String> names = new ArrayList<>();
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.walk(p)) {
                    s.map(f -> p.relativize(f).toString().replace(File.separatorChar, '/')).forEach(names::add);
                }
            } else if (entry.endsWith(".jar") && Files.exists(p)) {
                try (JarFile j = new JarFile(p.toFile())) {
                    j.stream().map(e -> e.getName()).forEach(names::add);
                }
            }
            for (String n : names) {
                if (n.endsWith(".class") && (n.startsWith("dev/weft/") && !n.startsWith("dev/weft/tests/")
                        || n.startsWith("com/sun/jna/") && !n.contains("/platform/"))) {
                    try {
                        Class.forName(n.substring(0, n.length() - 6).replace('/', '.'), false, cl);
                    } catch (LinkageError | ClassNotFoundException skipped) {
                        // a class for another OS or an optional dependency
                    }
                }
            }
        }
    }
}
