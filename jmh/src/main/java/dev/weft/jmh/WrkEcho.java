package dev.weft.jmh;

import dev.weft.SockAddr;
import dev.weft.examples.HttpEcho;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Debian's {@code wrk} against the examples' HTTP echo, on weft's {@code StreamServer} or on
 * its twin (the JDK's {@code ServerSocket}, a virtual thread per connection), in this JVM:
 *
 * <pre>{@code
 * java --enable-native-access=ALL-UNNAMED -cp jmh/target/benchmarks.jar dev.weft.jmh.WrkEcho weft 50 5
 * }</pre>
 *
 * <p>Arguments: {@code weft|jdk}, connections, seconds. wrk runs with 2 threads on loopback
 * after a 1 s warm-up run. Prints {@code RESULT wrk impl=... requests_per_s=...
 * cpu_us_per_request=...} (this JVM's CPU only; wrk's own is not counted) for bench/summary.py.
 */
public final class WrkEcho {
    private WrkEcho() {}

    public static void main(String[] args) throws Exception {
        String impl = args.length > 0 ? args[0] : "weft";
        int connections = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        AutoCloseable server;
        int port;
        if (impl.equals("jdk")) {
            var ss = HttpEcho.jdk("127.0.0.1", 0);
            server = ss;
            port = ss.getLocalPort();
        } else {
            var s = HttpEcho.weft("127.0.0.1", 0);
            s.start();
            server = () -> s.shutdown(Duration.ofSeconds(5));
            port = ((SockAddr.Inet4) s.address()).port();
        }
        try (server) {
            String url = "http://127.0.0.1:" + port + "/echo";
            wrk(url, connections, 1); // warm-up: JIT, connection setup
            var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            long cpu0 = os.getProcessCpuTime();
            String out = wrk(url, connections, seconds);
            long cpu = os.getProcessCpuTime() - cpu0;
            System.out.print(out);
            long requests = group(out, "(\\d+) requests in");
            double rate = Double.parseDouble(find(out, "Requests/sec:\\s+([\\d.]+)"));
            String errors = out.contains("Socket errors") ? find(out, "Socket errors: ([^\\n]+)").replace(" ", "") : "0";
            String lat = find(out, "Latency\\s+(\\S+)");
            String p99 = find(out, "\\n\\s+99%\\s+(\\S+)"); // wrk --latency's distribution
            System.out.printf("RESULT wrk impl=%s connections=%d seconds=%d requests=%d requests_per_s=%.0f latency_avg=%s "
                    + "latency_p99=%s errors=%s non2xx=%s cpu_us_per_request=%.2f%n", impl, connections, seconds, requests, rate, lat,
                    p99, errors,
                    out.contains("Non-2xx") ? find(out, "Non-2xx or 3xx responses: (\\d+)") : "0",
                    cpu / 1000.0 / Math.max(1, requests));
        }
    }

    private static String wrk(String url, int connections, int seconds) throws Exception {
        Process p = new ProcessBuilder("wrk", "-t2", "-c" + connections, "-d" + seconds + "s", "--timeout", "5s", "--latency", url)
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(seconds + 30L, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("wrk failed: " + out);
        }
        return out;
    }

    private static String find(String s, String regex) {
        Matcher m = Pattern.compile(regex).matcher(s);
        if (!m.find()) {
            throw new IllegalStateException("no " + regex + " in wrk's output:\n" + s);
        }
        return m.group(1);
    }

    private static long group(String s, String regex) {
        return Long.parseLong(find(s, regex));
    }
}
