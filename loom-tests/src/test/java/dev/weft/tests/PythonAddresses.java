package dev.weft.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.Family;
import dev.weft.OsError;
import dev.weft.SockAddr;
import dev.weft.Socket;
import dev.weft.SocketType;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * python3 as the reference for socket addresses: one python3 process that binds what it is
 * told and answers with what its {@code socket} module reads back, in one text form that
 * {@link #render} also writes for weft's records. So "weft and CPython agree" is an
 * equality of strings, for the kernel's bytes of the same address.
 *
 * <p>Two trips: {@link #bindBoth} binds the same address on a weft socket and on python3's
 * (one after the other) and compares what getsockname gives, or the errno each got;
 * {@link #exchange} has weft send a datagram to python3's socket, which reads weft's address
 * from {@code recvfrom} and answers, so weft reads python3's address from the same call.
 */
final class PythonAddresses implements AutoCloseable {
    /**
     * One command per line, evaluated; one answer per line: a normalised address, or
     * {@code err N}, or {@code exc Type: message} for a refusal before the kernel.
     */
    private static final String SCRIPT = """
            import socket, sys
            T = float(sys.argv[1])
            def norm(a):
                if isinstance(a, tuple):
                    return "(" + ", ".join(norm(x) for x in a) + ("," if len(a) == 1 else "") + ")"
                if isinstance(a, (bytes, bytearray)):
                    return "hex:" + bytes(a).hex()
                if isinstance(a, str):
                    return "'" + a + "'"
                return str(a)
            def named(fam, typ, proto, addr):
                with socket.socket(fam, typ, proto) as s:
                    s.bind(addr)
                    return norm(s.getsockname())
            waiting = []
            def peer(fam, typ, proto, addr):
                s = socket.socket(fam, typ, proto)
                s.settimeout(T)
                s.bind(addr)
                waiting.append(s)
                return norm(s.getsockname())
            def heard():
                with waiting.pop() as s:
                    data, addr = s.recvfrom(256)
                    s.sendto(data[::-1], addr)
                    return norm(addr)
            print("ready", flush=True)
            for line in sys.stdin:
                try:
                    out = eval(line)
                except OSError as e:
                    out = "err %d" % e.errno
                except Exception as e:
                    out = "exc %s: %s" % (type(e).__name__, str(e).replace("\\n", " "))
                print(out, flush=True)
            """;

    /**
     * One python3 side per test class: {@code @RegisterExtension static final
     * PythonAddresses.PerClass PYTHON = new PythonAddresses.PerClass();} starts it before the
     * class's tests (skipping them without python3, failing in the kernel lane) and stops it
     * after.
     */
    static final class PerClass implements org.junit.jupiter.api.extension.BeforeAllCallback,
            org.junit.jupiter.api.extension.AfterAllCallback {
        private PythonAddresses python;

        @Override
        public void beforeAll(org.junit.jupiter.api.extension.ExtensionContext context) throws Exception {
            if (!TestKit.hasPython3()) {
                KernelLane.absent("python3, the reference, is not installed");
            }
            python = start();
        }

        @Override
        public void afterAll(org.junit.jupiter.api.extension.ExtensionContext context) throws Exception {
            if (python != null) {
                python.close();
            }
        }

        /** The running python3 side. */
        PythonAddresses get() {
            return python;
        }
    }

    private final TestKit.Python py;
    private final OutputStream in;

    private PythonAddresses(TestKit.Python py) {
        this.py = py;
        this.in = py.process.getOutputStream();
    }

    /** Starts the python3 side; its socket waits are bounded by {@link KernelLane#scaled}. */
    static PythonAddresses start() throws IOException, InterruptedException {
        return new PythonAddresses(TestKit.python(SCRIPT, Long.toString(KernelLane.scaled(TestKit.BOUND).toSeconds())));
    }

    /** Sends one command, returns its answer. */
    String ask(String command) throws IOException {
        in.write((command + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
        String answer = py.nextLine();
        if (answer == null) {
            throw new AssertionError("python3 gave no answer to " + command + ": " + py.stderr());
        }
        return answer;
    }

    /**
     * Binds {@code a} on a weft socket, then the same address on python3's, and asserts both
     * read back the same name (or failed with the same errno). Returns true if the bind
     * succeeded, so that a property can insist that not every draw failed.
     */
    boolean bindBoth(Family family, SocketType type, int protocol, SockAddr a) throws IOException {
        String weft;
        try (Socket s = Socket.open(family, type, protocol)) {
            s.bind(a);
            weft = render(s.getSockName(), protocol);
        } catch (IOException e) {
            if (!(e instanceof OsError o)) {
                throw e;
            }
            weft = "err " + o.nativeErrno();
        }
        String python = ask("named(" + socketArgs(family, type, protocol) + ", " + literal(a, protocol) + ")");
        assertEquals(python, weft, () -> "bind(" + a + ") and getsockname, python3 and weft");
        return !weft.startsWith("err ");
    }

    /**
     * python3 binds {@code pythonBinds} and waits; weft, bound to {@code weftBinds}, sends it a
     * datagram to the address python3 read back ({@code destination} turns that text into
     * weft's record). python3's {@code recvfrom} must name weft's getsockname, and weft's
     * {@code recvFrom} of the answer must name python3's.
     */
    void exchange(Family family, SocketType type, int protocol, SockAddr pythonBinds, SockAddr weftBinds,
            java.util.function.Function<long[], SockAddr> destination) throws IOException {
        String pyName = ask("peer(" + socketArgs(family, type, protocol) + ", " + literal(pythonBinds, protocol) + ")");
        assertTrue(pyName.startsWith("("), () -> "python3 could not bind " + pythonBinds + ": " + pyName);
        try (Socket s = Socket.open(family, type, protocol)) {
            s.setTimeout(KernelLane.scaled(TestKit.BOUND));
            s.bind(weftBinds);
            String mine = render(s.getSockName(), protocol);
            in.write("heard()\n".getBytes(StandardCharsets.UTF_8));
            in.flush();
            s.sendTo("weft".getBytes(StandardCharsets.UTF_8), destination.apply(numbers(pyName)));
            String heard = py.nextLine();
            assertEquals(mine, heard, () -> "python3's recvfrom of weft's datagram, against weft's getsockname");
            Socket.Received back = s.recvFrom(64);
            assertEquals("tfew", new String(back.data(), StandardCharsets.UTF_8));
            assertEquals(pyName, render(back.address(), protocol), "weft's recvFrom of python3's answer, against python3's getsockname");
        }
    }

    /** The integers of a normalised tuple of integers, {@code "(3, 16777217, 1234, 0, 2)"}. */
    static long[] numbers(String tuple) {
        return Stream.of(tuple.replaceAll("[(),]", " ").trim().split("\\s+")).mapToLong(Long::parseLong).toArray();
    }

    private static String socketArgs(Family family, SocketType type, int protocol) {
        return "socket." + family.constantName() + ", socket.SOCK_" + type.name() + ", " + protocol;
    }

    private static final int CAN_ISOTP = 6;
    private static final int CAN_J1939 = 7;

    /**
     * CPython's {@code makesockaddr} for {@code a} on a socket of {@code protocol} (AF_CAN and
     * AF_BLUETOOTH pick their tuple by it), in the normalised form of the python3 side.
     */
    static String render(SockAddr a, int protocol) {
        return switch (a) {
            case SockAddr.Netlink n -> tuple(u(n.pid()), u(n.groups()));
            case SockAddr.Vsock v -> tuple(u(v.cid()), u(v.port()));
            case SockAddr.Qipcrtr q -> tuple(u(q.node()), u(q.port()));
            case SockAddr.Packet p -> tuple(str(p.ifname()), Integer.toString(p.proto()), Integer.toString(p.pkttype()),
                    Integer.toString(p.hatype()), "hex:" + HexFormat.of().formatHex(p.addr()));
            case SockAddr.Can c -> protocol == CAN_ISOTP ? tuple(str(c.ifname()), u(c.rxId()), u(c.txId()))
                    : protocol == CAN_J1939 ? tuple(str(c.ifname()), Long.toUnsignedString(c.name()), u(c.pgn()), Integer.toString(c.addr()))
                    : tuple(str(c.ifname()));
            // CPython repeats a name's instance where the kernel's third word is its domain (SockAddr.Tipc's Javadoc).
            case SockAddr.Tipc t -> tuple(Integer.toString(t.addrType()), u(t.v1()), u(t.v2()),
                    t.addrType() == SockAddr.Tipc.NAME ? u(t.v2()) : t.addrType() == SockAddr.Tipc.ID ? "0" : u(t.v3()),
                    Integer.toString(t.scope()));
            case SockAddr.Bluetooth b -> switch (b.protocol()) {
                case SockAddr.Bluetooth.HCI -> Integer.toString(b.port()); // CPython's HCI name is a bare int on Linux
                case SockAddr.Bluetooth.SCO -> str(b.bdaddr());
                default -> tuple(str(b.bdaddr()), Integer.toString(b.port()));
            };
            default -> throw new IllegalArgumentException("no CPython rendering here for " + a);
        };
    }

    /** {@code a} as the Python literal CPython's {@code bind} takes for a socket of {@code protocol}. */
    static String literal(SockAddr a, int protocol) {
        return switch (a) {
            case SockAddr.Packet p -> tuple(str(p.ifname()), Integer.toString(p.proto()), Integer.toString(p.pkttype()),
                    Integer.toString(p.hatype()), "bytes.fromhex('" + HexFormat.of().formatHex(p.addr()) + "')");
            case SockAddr.Tipc t -> tuple(Integer.toString(t.addrType()), u(t.v1()), u(t.v2()), u(t.v3()), Integer.toString(t.scope()));
            case SockAddr.Bluetooth b when b.protocol() == SockAddr.Bluetooth.HCI -> tuple(Integer.toString(b.port()));
            // CPython (3.11) takes an SCO address as bytes and gives it back as str.
            case SockAddr.Bluetooth b when b.protocol() == SockAddr.Bluetooth.SCO -> "b" + str(b.bdaddr());
            default -> render(a, protocol);
        };
    }

    private static String tuple(String... items) {
        return Stream.of(items).collect(Collectors.joining(", ", "(", items.length == 1 ? ",)" : ")"));
    }

    private static String str(String s) {
        return "'" + s + "'";
    }

    private static String u(int v) {
        return Integer.toUnsignedString(v);
    }

    @Override
    public void close() throws IOException, InterruptedException {
        py.close();
    }
}
