package dev.weft.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.Family;
import dev.weft.Sockets;
import java.io.File;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link RouteNetlink}'s link and address dump lists what iproute2's {@code ip -o link} and
 * {@code ip -o addr} list, on this machine and in a network namespace the test makes
 * (with a veth pair and an address it adds), so the parser is checked against another
 * reader of the same kernel answers.
 */
class RouteNetlinkTest {
    @BeforeEach
    void needsNetlinkAndIp() {
        Assumptions.assumeTrue(Sockets.provider().nativeFamily(Family.NETLINK) >= 0, "this OS has no AF_NETLINK");
        Assumptions.assumeTrue(Stream.of("/usr/sbin/ip", "/sbin/ip", "/usr/bin/ip").anyMatch(p -> new File(p).canExecute()),
                "iproute2's ip is not installed: nothing to compare with");
    }

    @Test
    void theDumpListsWhatIpListsOnThisMachine() throws Exception {
        List<String> weft = new ArrayList<>();
        RouteNetlink.links().forEach(l -> weft.add(l.toString()));
        RouteNetlink.addresses().forEach(a -> weft.add(a.toString()));
        String ip = sh("ip -o link; echo ---; ip -o addr");
        assertEquals(fromIp(ip), fromWeft(weft), "links and addresses, ip vs weft");
        assertTrue(RouteNetlink.links().stream().anyMatch(l -> l.name().equals("lo") && l.index() == 1), "lo is listed");
    }

    /** A fresh namespace made by {@code unshare -n}: lo up, a veth pair with an IPv4 address, weft in a child JVM inside. */
    @Test
    void theDumpListsWhatIpListsInAFreshNamespace() throws Exception {
        Assumptions.assumeTrue(sh("unshare -n true && echo ok").trim().equals("ok"), "cannot make a network namespace (unshare -n)");
        String cp = Stream.of("dev.weft.examples.RouteNetlink", "dev.weft.Socket", "dev.weft.common.Scratch", "dev.weft.posix.PosixProvider",
                        "dev.weft.linux.LinuxProvider", "com.sun.jna.Native")
                .map(RouteNetlinkTest::where).distinct().collect(Collectors.joining(File.pathSeparator));
        String java = ProcessHandle.current().info().command().orElse("java");
        // addr_gen_mode 1: the veths get no IPv6 link-local address, which the kernel adds a
        // moment after they come up, so ip's list and weft's could differ by when each ran.
        String out = sh("exec unshare -n sh -e -c 'echo 1 > /proc/sys/net/ipv6/conf/default/addr_gen_mode || true; ip link set lo up; "
                + "ip link add weftv0 type veth peer name weftv1; "
                + "ip addr add 10.77.0.1/24 dev weftv0; ip link set weftv0 up; ip link set weftv1 up; ip -o link; echo ---; ip -o addr; echo ===; "
                + "\"" + java + "\" --enable-native-access=ALL-UNNAMED -cp \"" + cp + "\" dev.weft.examples.RouteNetlink'");
        int cut = out.indexOf("===\n");
        assertTrue(cut > 0, out);
        Set<String> ip = fromIp(out.substring(0, cut));
        Set<String> weft = fromWeft(out.substring(cut + 4).lines().toList());
        assertEquals(ip, weft, "links and addresses in the namespace, ip vs weft");
        assertTrue(weft.stream().anyMatch(s -> s.endsWith("/10.77.0.1/24")), weft.toString());
        assertTrue(weft.stream().anyMatch(s -> s.contains(" weftv0 ")), weft.toString());
    }

    /** "link INDEX NAME FLAGS" and "addr INDEX /ADDRESS/PREFIX" from ip's one-line output. */
    private static Set<String> fromIp(String text) throws Exception {
        Set<String> out = new TreeSet<>();
        boolean addrs = false;
        for (String line : text.lines().toList()) {
            if (line.equals("---")) {
                addrs = true;
                continue;
            }
            String[] f = line.trim().split("\\s+");
            int index = Integer.parseInt(f[0].substring(0, f[0].length() - 1));
            if (!addrs) {
                String name = f[1].substring(0, f[1].length() - 1);
                name = name.contains("@") ? name.substring(0, name.indexOf('@')) : name;
                out.add("link " + index + " " + name + " " + flags(f[2], "NO-CARRIER", "M-DOWN"));
            } else if (f[2].equals("inet") || f[2].equals("inet6")) {
                String[] a = f[3].split("/");
                out.add("addr " + index + " " + InetAddress.getByName(a[0]) + "/" + a[1]);
            }
        }
        return out;
    }

    private static Set<String> fromWeft(List<String> lines) throws Exception {
        Set<String> out = new TreeSet<>();
        for (String line : lines) {
            String[] f = line.trim().split("\\s+");
            int index = Integer.parseInt(f[0].substring(0, f[0].length() - 1));
            if (f[1].equals("inet") || f[1].equals("inet6")) {
                String[] a = f[2].split("/");
                out.add("addr " + index + " " + InetAddress.getByName(a[0]) + "/" + a[1]);
            } else {
                // ip prints RUNNING only as the absence of NO-CARRIER
                out.add("link " + index + " " + f[1].substring(0, f[1].length() - 1) + " " + flags(f[2], "RUNNING"));
            }
        }
        return out;
    }

    private static String flags(String angle, String... drop) {
        Set<String> s = new TreeSet<>(Arrays.asList(angle.substring(1, angle.length() - 1).split(",")));
        s.removeAll(Arrays.asList(drop));
        s.remove("");
        return String.join(",", s);
    }

    private static String where(String className) {
        try {
            return Path.of(Class.forName(className).getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (Exception e) {
            throw new IllegalStateException(className, e);
        }
    }

    private static String sh(String script) throws Exception {
        Process p = new ProcessBuilder("sh", "-c", script).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "sh ends: " + script);
        return p.exitValue() == 0 ? out : "exit " + p.exitValue() + ": " + out;
    }
}
