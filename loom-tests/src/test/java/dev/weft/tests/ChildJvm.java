package dev.weft.tests;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

/** The command line for a child JVM on this test run's class path, with native access granted and this run's binding. */
final class ChildJvm {
    private ChildJvm() {}

    static List<String> command(Class<?> main, List<String> jvmOptions, List<String> args) {
        return command(main, List.of(), jvmOptions, args);
    }

    /** {@code extraClassPath} entries come first. */
    static List<String> command(Class<?> main, List<String> extraClassPath, List<String> jvmOptions, List<String> args) {
        String java = ProcessHandle.current().info().command()
                .orElse(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
        List<String> cp = new ArrayList<>(extraClassPath);
        cp.add(System.getProperty("java.class.path"));
        List<String> c = new ArrayList<>();
        c.add(java);
        c.add("--enable-native-access=ALL-UNNAMED");
        String binding = System.getProperty("weft.native");
        if (binding != null) {
            c.add("-Dweft.native=" + binding); // the kit's JNA run keeps its children on JNA too
        }
        c.addAll(jvmOptions);
        c.add("-cp");
        c.add(String.join(File.pathSeparator, cp));
        c.add(main.getName());
        c.addAll(args);
        return c;
    }
}
