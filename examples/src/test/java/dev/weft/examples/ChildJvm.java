package dev.weft.examples;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** A JVM running an example on the class path with weft, its Linux provider and the fault provider. */
final class ChildJvm {
    private ChildJvm() {}

    private static String where(String className) {
        try {
            return Path.of(Class.forName(className).getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (Exception e) {
            throw new IllegalStateException(className, e);
        }
    }

    static String classPath() {
        return Stream.of("dev.weft.examples.Demo", "dev.weft.examples.UnderFaultsMain", "dev.weft.Socket", "dev.weft.faults.FaultProvider",
                        "dev.weft.common.Scratch", "dev.weft.posix.PosixProvider", "dev.weft.linux.LinuxProvider", "com.sun.jna.Native")
                .map(ChildJvm::where).distinct().collect(Collectors.joining(File.pathSeparator));
    }

    static Process start(List<String> props, String main, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "--enable-native-access=ALL-UNNAMED", "-cp", classPath()));
        cmd.addAll(props);
        cmd.add(main);
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectErrorStream(true).start();
    }

    /** The process's output, once it ended (within a minute). */
    static String output(Process p) throws Exception {
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("still running after a minute:\n" + out);
        }
        return out;
    }
}
