package dev.weft;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * The value of {@link SockOpt#PACKET_ADD_MEMBERSHIP} and {@link SockOpt#PACKET_DROP_MEMBERSHIP}
 * on an {@code AF_PACKET} socket: which interface, what to join (a {@code PACKET_MR_*}
 * number from the provider's constants) and, for {@code PACKET_MR_MULTICAST}, the link-layer
 * group address. CPython has no typed form (its users pack {@code struct packet_mreq} by hand).
 *
 * <pre>{@code
 * int promisc = Sockets.constant("PACKET_MR_PROMISC", -1);
 * s.setOption(SockOpt.PACKET_ADD_MEMBERSHIP, PacketMembership.of(Sockets.ifNameToIndex("veth0"), promisc));
 * }</pre>
 *
 * @param interfaceIndex the interface's index ({@link Sockets#ifNameToIndex}), positive
 * @param type           {@code PACKET_MR_MULTICAST}, {@code PACKET_MR_PROMISC}, {@code PACKET_MR_ALLMULTI}...
 * @param address        the hardware address, at most 8 bytes (empty when the type needs none)
 */
public record PacketMembership(int interfaceIndex, int type, byte[] address) {
    /** Checks the ranges, so a bad value fails before any native call; copies the address. */
    public PacketMembership {
        if (interfaceIndex <= 0) {
            throw new IllegalArgumentException("interface index must be positive: " + interfaceIndex);
        }
        if (type < 0 || type > 0xffff) {
            throw new IllegalArgumentException("membership type out of range: " + type);
        }
        address = address == null ? new byte[0] : address.clone();
        if (address.length > 8) {
            throw new IllegalArgumentException("a packet_mreq address holds at most 8 bytes, not " + address.length);
        }
    }

    /** A membership that needs no address ({@code PACKET_MR_PROMISC}, {@code PACKET_MR_ALLMULTI}). */
    public static PacketMembership of(int interfaceIndex, int type) {
        return new PacketMembership(interfaceIndex, type, new byte[0]);
    }

    /** The hardware address, a copy. */
    @Override
    public byte[] address() {
        return address.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PacketMembership m && m.interfaceIndex == interfaceIndex && m.type == type
                && Arrays.equals(m.address, address);
    }

    @Override
    public int hashCode() {
        return (interfaceIndex * 31 + type) * 31 + Arrays.hashCode(address);
    }

    @Override
    public String toString() {
        return "PacketMembership[interfaceIndex=" + interfaceIndex + ", type=" + type + ", address="
                + HexFormat.of().formatHex(address) + "]";
    }
}
