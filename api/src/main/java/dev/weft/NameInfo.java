package dev.weft;

import java.util.Objects;

/**
 * Python's {@code (host, port)} pair from {@link Sockets#getNameInfo}: the host as a name or
 * numeric text, and the port as a service name or a number in text.
 *
 * <pre>{@code
 * NameInfo n = Sockets.getNameInfo(SockAddr.inet("127.0.0.1", 80), 0); // ("localhost", "http")
 * }</pre>
 *
 * @param host    a host name, or numeric text (with {@code NI_NUMERICHOST}, or when no name is known)
 * @param service a service name, or the port number as text
 */
public record NameInfo(String host, String service) {
    /** Both parts are required. */
    public NameInfo {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(service, "service");
    }
}
