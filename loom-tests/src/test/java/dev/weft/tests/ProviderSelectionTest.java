package dev.weft.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.Sockets;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** ServiceLoader picks the OS's provider; a missing or misnamed one is one clear message. */
class ProviderSelectionTest {
    /** Run by a child JVM: open a socket and print what happened. */
    public static final class OpenOne {
        public static void main(String[] args) {
            try (dev.weft.Socket s = dev.weft.Socket.open()) {
                System.out.println("opened with " + Sockets.provider().name());
            } catch (Throwable e) {
                System.out.println("error: " + e.getMessage());
            }
        }
    }

    /** Run by a child JVM: print whether abstract names are supported. */
    public static final class PrintAbstract {
        public static void main(String[] args) {
            System.out.println("UNIX_ABSTRACT=" + Sockets.supports(dev.weft.Capability.UNIX_ABSTRACT));
        }
    }

    @Test
    void aCapabilityCanBeSwitchedOffByProperty() throws Exception {
        assertTrue(Sockets.supports(dev.weft.Capability.UNIX_ABSTRACT), "this kernel has abstract names");
        List<String> cmd = List.of(ProcessHandle.current().info().command().orElse("java"), "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), "-Dweft.capability.UNIX_ABSTRACT=false", PrintAbstract.class.getName());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertTrue(out.contains("UNIX_ABSTRACT=false"), out);
    }

    private static String where(Class<?> c) throws Exception {
        return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }

    private static String run(String classPath, String... props) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "--enable-native-access=ALL-UNNAMED", "-cp", classPath));
        cmd.addAll(List.of(props));
        cmd.add(OpenOne.class.getName());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return out.trim();
    }

    @Test
    void theLinuxProviderIsChosenHere() {
        assertEquals("linux", Sockets.provider().name());
    }

    @Test
    void withoutAnyProviderTheErrorNamesTheModuleToAdd() throws Exception {
        String cp = where(dev.weft.Socket.class) + File.pathSeparator + where(ProviderSelectionTest.class);
        String out = run(cp);
        assertTrue(out.contains("no socket provider supports Linux") && out.contains("add dev.weft:weft-impl-linux"), out);
    }

    @Test
    void aForcedProviderThatDoesNotExistIsNamedInTheError() throws Exception {
        String out = run(System.getProperty("java.class.path"), "-Dweft.provider=solaris");
        assertTrue(out.contains("-Dweft.provider=solaris names no provider") && out.contains("linux"), out);
    }

    @Test
    void aForcedProviderIsUsed() throws Exception {
        String out = run(System.getProperty("java.class.path"), "-Dweft.provider=linux");
        assertEquals("opened with linux", out.lines().filter(l -> !l.startsWith("WARNING")).findFirst().orElse(out));
    }
}
