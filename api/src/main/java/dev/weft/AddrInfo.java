package dev.weft;

/**
 * One result of {@link Sockets#getAddrInfo}: Python's
 * {@code (family, type, proto, canonname, sockaddr)}.
 *
 * <pre>{@code
 * for (AddrInfo ai : Sockets.getAddrInfo("localhost", 80, Family.UNSPEC, SocketType.STREAM)) {
 *     try (Socket s = Socket.open(ai.family(), ai.type(), ai.proto())) { s.connect(ai.address()); }
 * }
 * }</pre>
 *
 * @param canonName the canonical name when {@code AI_CANONNAME} asked for it, else {@code ""}
 */
public record AddrInfo(Family family, SocketType type, int proto, String canonName, SockAddr address) {}
