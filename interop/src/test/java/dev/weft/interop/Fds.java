package dev.weft.interop;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Descriptor counts from /proc/self/fd (Linux), for leak checks. */
final class Fds {
    private Fds() {}

    static boolean available() {
        return Files.isDirectory(Path.of("/proc/self/fd"));
    }

    static int open() throws IOException {
        try (Stream<Path> s = Files.list(Path.of("/proc/self/fd"))) {
            return (int) s.count();
        }
    }
}
