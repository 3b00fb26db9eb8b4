package dev.weft.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.weft.Capability;
import dev.weft.Sockets;
import dev.weft.spi.SocketProvider;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;
import java.util.Set;
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

    /** Run by a child JVM: print whether the capability named by the argument is supported. */
    public static final class PrintCapability {
        public static void main(String[] args) {
            System.out.println(args[0] + "=" + Sockets.supports(dev.weft.Capability.valueOf(args[0])));
        }
    }

    @Test
    void aCapabilityCanBeSwitchedOffByProperty() throws Exception {
        // Any capability this OS has will do; abstract names where there are some (Linux).
        Set<Capability> here = Sockets.capabilities();
        assumeTrue(!here.isEmpty(), Sockets.provider().name() + " reports no capability to switch off");
        Capability c = here.contains(Capability.UNIX_ABSTRACT) ? Capability.UNIX_ABSTRACT : here.iterator().next();
        List<String> cmd = List.of(ProcessHandle.current().info().command().orElse("java"), "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), "-Dweft.capability." + c + "=false", PrintCapability.class.getName(),
                c.name());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertTrue(out.contains(c + "=false"), out);
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

    private static boolean onLinux() {
        return System.getProperty("os.name").toLowerCase(Locale.ROOT).startsWith("linux");
    }

    @Test
    void theSupportedProviderOfHighestPriorityIsChosen() {
        SocketProvider best = ServiceLoader.load(SocketProvider.class).stream().map(ServiceLoader.Provider::get)
                .filter(SocketProvider::isSupported).max(Comparator.comparingInt(SocketProvider::priority)).orElseThrow();
        assertEquals(best.name(), Sockets.provider().name());
    }

    @Test
    void theLinuxProviderIsChosenOnLinux() {
        assumeTrue(onLinux(), "the Linux provider supports only Linux");
        assertEquals("linux", Sockets.provider().name());
    }

    @Test
    void withoutAnyProviderTheErrorNamesTheModuleToAdd() throws Exception {
        String cp = where(dev.weft.Socket.class) + File.pathSeparator + where(ProviderSelectionTest.class);
        String out = run(cp);
        assertTrue(out.contains("no socket provider supports " + System.getProperty("os.name")), out);
        if (onLinux()) {
            assertTrue(out.contains("add dev.weft:weft-impl-linux"), out);
        }
    }

    @Test
    void aForcedProviderThatDoesNotExistIsNamedInTheError() throws Exception {
        String out = run(System.getProperty("java.class.path"), "-Dweft.provider=solaris");
        assertTrue(out.contains("-Dweft.provider=solaris names no provider") && out.contains("linux"), out);
    }

    /**
     * Forcing the provider of another OS ({@code -Dweft.provider=macos} on Linux) fails in one
     * line naming it, before any native call with that OS's numbers: never a JNA crash.
     */
    @Test
    void aForcedProviderOfAnotherOsFailsInOneClearLine() throws Exception {
        List<String> others = new ArrayList<>();
        for (SocketProvider p : ServiceLoader.load(SocketProvider.class)) {
            // The OS providers only: a forwarding one (faults) is chosen by forcing it, by design.
            if (!p.isSupported() && List.of("linux", "macos", "windows").contains(p.name())) {
                others.add(p.name());
            }
        }
        assumeTrue(!others.isEmpty(), "every provider on the class path supports this OS");
        for (String name : others) {
            String out = run(System.getProperty("java.class.path"), "-Dweft.provider=" + name);
            List<String> lines = out.lines().filter(l -> !l.startsWith("WARNING")).toList();
            assertEquals(1, lines.size(), name + ": " + out);
            assertTrue(lines.get(0).startsWith("error: ") && lines.get(0).toLowerCase(Locale.ROOT).contains(name), name + ": " + out);
        }
    }

    @Test
    void aForcedProviderIsUsed() throws Exception {
        String name = Sockets.provider().name();
        String out = run(System.getProperty("java.class.path"), "-Dweft.provider=" + name);
        assertEquals("opened with " + name, out.lines().filter(l -> !l.startsWith("WARNING")).findFirst().orElse(out));
    }
}
