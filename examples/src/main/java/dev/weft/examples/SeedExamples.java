package dev.weft.examples;

import dev.weft.Family;
import dev.weft.SockAddr;
import dev.weft.Socket;
import dev.weft.SocketType;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Runs the seed's programs 1, 2 and 5 as shown, each server and its client on virtual
 * threads in this process, on a free port (the seed's 50007 may be taken).
 */
public final class SeedExamples {
    private SeedExamples() {}

    public static void main(String[] args) throws Exception {
        try (ExecutorService vt = Executors.newVirtualThreadPerTaskExecutor()) {
            System.out.println("== 1. IPv4 echo server and client");
            pair(vt, EchoServer::main, EchoClient::main, freePort(Family.INET, "127.0.0.1"));
            System.out.println("== 2. IPv4/IPv6 echo server and client via getaddrinfo");
            pair(vt, a -> check(DualStackEchoServer.run(a)), a -> {
                if (DualStackEchoClient.run(a) != 0) {
                    throw new java.net.ConnectException("not listening yet");
                }
            }, freePort(Family.INET6, "::"));
            System.out.println("== 5. SO_REUSEADDR and TIME_WAIT");
            ReuseAddr.main(new String[0]);
        }
        System.out.println("PASSED");
    }

    interface Main {
        void run(String[] args) throws Exception;
    }

    private static void pair(ExecutorService vt, Main server, Main client, int port) throws Exception {
        String[] a = {Integer.toString(port)};
        Future<?> s = vt.submit(() -> {
            server.run(a);
            return null;
        });
        Exception last = null;
        for (int i = 0; i < 100; i++) { // the server may not be listening yet
            try {
                client.run(a);
                last = null;
                break;
            } catch (java.net.ConnectException e) {
                last = e;
                Thread.sleep(20);
            }
        }
        if (last != null) {
            throw last;
        }
        s.get(10, TimeUnit.SECONDS);
    }

    private static void check(int status) {
        if (status != 0) {
            throw new IllegalStateException("exit status " + status);
        }
    }

    private static int freePort(Family family, String host) throws Exception {
        try (Socket s = Socket.open(family, SocketType.STREAM)) {
            s.bind(host, 0);
            SockAddr a = s.getSockName();
            return a instanceof SockAddr.Inet4 i4 ? i4.port() : ((SockAddr.Inet6) a).port();
        }
    }
}
