package dev.weft.faults.selection;

import dev.weft.Sockets;

/** Run by SelectionTest in a child JVM: which provider weft chose, and one exchange through it. */
public final class OpenOne {
    private OpenOne() {}

    public static void main(String[] args) {
        try (var pair = Sockets.socketPair()) {
            pair.first().sendAll("ping".getBytes());
            System.out.println("provider " + Sockets.provider().name() + " got " + new String(pair.second().recv(16)).length() + " bytes");
        } catch (Throwable e) {
            System.out.println("error: " + e.getMessage());
        }
    }
}
