package dev.weft;

import java.util.List;
import java.util.Objects;

/**
 * A host database entry: Python's {@code (hostname, aliaslist, ipaddrlist)} triple from
 * {@link Sockets#getHostByNameEx} and {@link Sockets#getHostByAddr}.
 *
 * <pre>{@code
 * HostEntry h = Sockets.getHostByAddr("127.0.0.1");
 * System.out.println(h.name() + " " + h.aliases() + " " + h.addresses()); // localhost [] [127.0.0.1]
 * }</pre>
 *
 * @param name      the primary (official) host name
 * @param aliases   other names of the host, in the database's order
 * @param addresses the addresses as text ({@code "127.0.0.1"}, {@code "::1"}), in the database's order
 */
public record HostEntry(String name, List<String> aliases, List<String> addresses) {
    /** Copies the lists, which may not hold nulls. */
    public HostEntry {
        Objects.requireNonNull(name, "name");
        aliases = List.copyOf(aliases);
        addresses = List.copyOf(addresses);
    }
}
