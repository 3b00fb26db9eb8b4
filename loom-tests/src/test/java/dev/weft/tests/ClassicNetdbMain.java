package dev.weft.tests;

import dev.weft.HostException;
import dev.weft.Sockets;

/**
 * Prints the answers of the lookups that have a reentrant ({@code _r}) and a classic form,
 * one per line, for {@link ClassicNetdbTest} to compare between the two paths.
 */
public final class ClassicNetdbMain {
    private ClassicNetdbMain() {}

    public static void main(String[] args) throws Exception {
        System.out.println("byname " + Sockets.getHostByNameEx("localhost"));
        System.out.println("byaddr " + Sockets.getHostByAddr("127.0.0.1"));
        System.out.println("serv " + Sockets.getServByName("http", "tcp") + " " + Sockets.getServByPort(80, "tcp"));
        System.out.println("proto " + Sockets.getProtoByName("udp"));
        try {
            Sockets.getHostByNameEx("no-such-host.invalid");
            System.out.println("missing: found");
        } catch (HostException | dev.weft.GaiException e) {
            System.out.println("missing: " + e.getClass().getSimpleName());
        }
        try { // no name for a documentation address: the failure's h_errno, HOST_NOT_FOUND or TRY_AGAIN
            System.out.println("nameless: found " + Sockets.getHostByAddr("192.0.2.55"));
        } catch (HostException e) {
            System.out.println("nameless: " + e.getMessage());
        }
        try {
            Sockets.getServByName("no-such-service", "tcp");
            System.out.println("noserv: found");
        } catch (java.io.IOException e) {
            System.out.println("noserv: " + e.getMessage());
        }
    }
}
