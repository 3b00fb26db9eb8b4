package dev.weft.examples;

import dev.weft.Family;
import dev.weft.SockAddr;
import dev.weft.Socket;
import dev.weft.SocketType;
import dev.weft.Sockets;
import dev.weft.WeftTimeoutException;
import dev.weft.faults.Call;
import dev.weft.faults.Fault;
import dev.weft.faults.FaultEvent;
import dev.weft.faults.FaultLog;
import dev.weft.faults.FaultProvider;
import dev.weft.faults.FaultSession;
import dev.weft.faults.Faults;
import java.time.Duration;
import java.util.concurrent.Executors;

/**
 * Run by ProfilesRunTest in a JVM started with {@code -Dweft.provider=faults
 * -Dweft.faults.profile=P}: the seed's echo server and client, a UDP echo whose losses it
 * checks against the provider's log, then the demo, all unchanged.
 */
public final class UnderFaultsMain {
    private UnderFaultsMain() {}

    public static void main(String[] args) throws Exception {
        int port;
        try (Socket probe = Socket.open(Family.INET, SocketType.STREAM)) {
            probe.bind(SockAddr.inet("0.0.0.0", 0)); // a port free now, for the seed's server that wants one given
            port = ((SockAddr.Inet4) probe.getSockName()).port();
        }
        String portText = Integer.toString(port);
        try (var vt = Executors.newVirtualThreadPerTaskExecutor()) {
            vt.submit(() -> {
                try {
                    EchoServer.main(new String[] {portText});
                } catch (Exception e) {
                    // The seed's client closes after one recv: under short reads part of the echo is unread, and the server may see a reset.
                    System.out.println("echo server: " + e);
                }
                return null;
            });
            for (int i = 0; ; i++) {
                try {
                    EchoClient.main(new String[] {portText});
                    break;
                } catch (java.net.ConnectException notYet) {
                    if (i == 200) {
                        throw notYet;
                    }
                    Thread.sleep(5); // the server is still starting
                }
            }
        }
        udpEcho();
        Demo.main(new String[] {"100", "3"});
    }

    /**
     * 200 datagrams to a UDP echo, in a session of their own so that the server is s0 and
     * the client s1: the replies are the requests, less those lost and plus those doubled
     * on the way there, less and plus the same on the way back, as the log lists them.
     */
    private static void udpEcho() throws Exception {
        int n = 200;
        FaultProvider p = (FaultProvider) Sockets.provider();
        // The executor closes last, after the sockets: the server's thread ends when its socket closes.
        try (var vt = Executors.newVirtualThreadPerTaskExecutor(); FaultSession session = Faults.session(p.session().plan());
             Socket server = Socket.open(Family.INET, SocketType.DGRAM); Socket client = Socket.open(Family.INET, SocketType.DGRAM)) {
            server.bind(SockAddr.inet("127.0.0.1", 0));
            vt.submit(() -> {
                try {
                    for (;;) {
                        Socket.Received r = server.recvFrom(2048);
                        server.sendTo(r.data(), r.address());
                    }
                } catch (java.io.IOException closed) {
                    return null;
                }
            });
            client.connect(server.getSockName());
            int replies = 0;
            for (int i = 0; i < n; i++) {
                client.setTimeout(Duration.ofSeconds(5)); // a send may wait out injected latency
                client.send(new byte[64]);
                // Wait a little for the reply before the next request: with a burst the kernel
                // itself would drop datagrams on a loaded machine, and the counts would not be the provider's.
                client.setTimeout(Duration.ofMillis(50));
                replies += drain(client, false, 1);
                replies += drain(client, true, Integer.MAX_VALUE);
            }
            client.setTimeout(Duration.ofMillis(300));
            replies += drain(client, false, Integer.MAX_VALUE);
            server.close();
            FaultLog log = session.log();
            long[] there = leg(log, "s1");
            long[] back = leg(log, "s0");
            long expected = n - there[0] + there[1] - back[0] + back[1];
            System.out.println("udp: " + n + " sent, " + replies + " echoed; requests lost " + there[0] + ", duplicated " + there[1]
                    + "; replies lost " + back[0] + ", duplicated " + back[1] + "; counts " + log.counts()
                    + (expected == replies ? "; accounting matches" : "; ACCOUNTING DIFFERS: expected " + expected + "\n" + log));
        }
    }

    /** Datagrams {@code socket} sent that were lost, and that were doubled. */
    private static long[] leg(FaultLog log, String socket) {
        long[] r = new long[2];
        for (FaultEvent e : log.events()) {
            if (e.socket().equals(socket) && e.call() == Call.SEND) {
                r[0] += e.fault() instanceof Fault.Drop ? 1 : 0;
                r[1] += e.fault() instanceof Fault.Duplicate ? 1 : 0;
            }
        }
        return r;
    }

    /** Receives up to {@code max} datagrams that have come ({@code now}) or come within the socket's timeout. */
    private static int drain(Socket client, boolean now, int max) throws java.io.IOException {
        int got = 0;
        while (got < max) {
            try {
                client.recv(2048, now ? dev.weft.SocketConstants.MSG_DONTWAIT : 0);
                got++;
            } catch (WeftTimeoutException | dev.weft.WouldBlockException e) {
                break;
            }
        }
        return got;
    }
}
