package dev.weft.linux;

import dev.weft.CanFilter;
import dev.weft.CanIsotp;
import dev.weft.Credentials;
import dev.weft.HciFilter;
import dev.weft.J1939Filter;
import dev.weft.PacketMembership;
import dev.weft.SockOpt;
import dev.weft.TcpInfo;
import dev.weft.common.OptionCodec;
import dev.weft.common.OptionCodecs;
import java.util.Map;

/** The option value layouts only Linux has, by the options that use them. */
final class LinuxOptions {
    private LinuxOptions() {}

    /** {@code struct ip_mreqn}: group, interface address, interface index (either may choose the interface). */
    static final OptionCodec<SockOpt.Membership> IP_MREQN = OptionCodec.of(SockOpt.Membership.class, m -> {
        OptionCodecs.requireIpv4(m);
        return OptionCodecs.buffer(12).put(m.group().getAddress()).put(OptionCodecs.interfaceAddress(m))
                .putInt(m.interfaceIndex()).array();
    }, null);

    /** {@code struct tcp_info}, read-only. */
    static final OptionCodec<TcpInfo> TCP_INFO = OptionCodec.of(TcpInfo.class, null, LinuxStructs::tcpInfo);

    /** {@code struct ucred}, read-only. */
    static final OptionCodec<Credentials> UCRED = OptionCodec.of(Credentials.class, null, LinuxStructs::ucred);

    /** {@code struct packet_mreq}: ifindex, type, address length, address[8]. */
    static final OptionCodec<PacketMembership> PACKET_MREQ = OptionCodec.of(PacketMembership.class, m -> {
        byte[] a = m.address();
        return OptionCodecs.buffer(16).putInt(m.interfaceIndex()).putShort((short) m.type()).putShort((short) a.length)
                .put(a).array();
    }, null);

    /** {@code struct can_filter[]}: {@code can_id}, {@code can_mask}, native order, 8 bytes each. */
    static final OptionCodec<CanFilter[]> CAN_FILTERS = OptionCodec.of(CanFilter[].class, fs -> {
        var b = OptionCodecs.buffer(8 * fs.length);
        for (CanFilter f : fs) {
            b.putInt(f.canId()).putInt(f.canMask());
        }
        return b.array();
    }, (v, n) -> {
        var b = java.nio.ByteBuffer.wrap(v, 0, n).order(java.nio.ByteOrder.nativeOrder());
        CanFilter[] fs = new CanFilter[n / 8];
        for (int i = 0; i < fs.length; i++) {
            fs[i] = new CanFilter(b.getInt(8 * i), b.getInt(8 * i + 4));
        }
        return fs;
    });

    /** A C {@code uint64_t} in native order (AF_VSOCK's buffer sizes). */
    static final OptionCodec<Long> U64 = OptionCodec.of(Long.class, v -> OptionCodecs.buffer(8).putLong(v).array(),
            (v, n) -> exactly(v, n, 8, "64-bit option value").getLong(0));

    /** {@code struct can_isotp_options}: flags, frame_txtime, then four bytes. */
    static final OptionCodec<CanIsotp.Options> ISOTP_OPTIONS = OptionCodec.of(CanIsotp.Options.class,
            o -> OptionCodecs.buffer(12).putInt(o.flags()).putInt(o.frameTxTime()).put((byte) o.extAddress())
                    .put((byte) o.txPadContent()).put((byte) o.rxPadContent()).put((byte) o.rxExtAddress()).array(),
            (v, n) -> {
                var b = exactly(v, n, 12, "can_isotp_options");
                return new CanIsotp.Options(b.getInt(0), b.getInt(4), b.get(8) & 0xFF, b.get(9) & 0xFF, b.get(10) & 0xFF, b.get(11) & 0xFF);
            });

    /** {@code struct can_isotp_fc_options}: bs, stmin, wftmax. */
    static final OptionCodec<CanIsotp.FlowControl> ISOTP_FLOW_CONTROL = OptionCodec.of(CanIsotp.FlowControl.class,
            f -> new byte[] {(byte) f.blockSize(), (byte) f.stMin(), (byte) f.wftMax()},
            (v, n) -> {
                exactly(v, n, 3, "can_isotp_fc_options");
                return new CanIsotp.FlowControl(v[0] & 0xFF, v[1] & 0xFF, v[2] & 0xFF);
            });

    /** {@code struct can_isotp_ll_options}: mtu, tx_dl, tx_flags. */
    static final OptionCodec<CanIsotp.LinkLayer> ISOTP_LINK_LAYER = OptionCodec.of(CanIsotp.LinkLayer.class,
            l -> new byte[] {(byte) l.mtu(), (byte) l.txDl(), (byte) l.txFlags()},
            (v, n) -> {
                exactly(v, n, 3, "can_isotp_ll_options");
                return new CanIsotp.LinkLayer(v[0] & 0xFF, v[1] & 0xFF, v[2] & 0xFF);
            });

    /** {@code struct j1939_filter[]}: name, name_mask, pgn, pgn_mask, addr, addr_mask, 6 bytes of padding; write-only. */
    static final OptionCodec<J1939Filter[]> J1939_FILTERS = OptionCodec.of(J1939Filter[].class, fs -> {
        var b = OptionCodecs.buffer(J1939Filter.SIZE * fs.length);
        for (J1939Filter f : fs) {
            b.putLong(f.name()).putLong(f.nameMask()).putInt(f.pgn()).putInt(f.pgnMask()).put((byte) f.addr())
                    .put((byte) f.addrMask()).put(new byte[6]);
        }
        return b.array();
    }, null);

    /** {@code struct hci_ufilter}: type_mask, event_mask[2], opcode (little-endian), 2 bytes of padding. */
    static final OptionCodec<HciFilter> HCI_UFILTER = OptionCodec.of(HciFilter.class,
            f -> OptionCodecs.buffer(HciFilter.SIZE).putInt(f.typeMask()).putInt((int) f.eventMask())
                    .putInt((int) (f.eventMask() >>> 32)).putShort(le16((short) f.opcode())).array(),
            (v, n) -> {
                // The kernel copies the 16 bytes but leaves optlen as the caller gave it (6.1's hci_sock_getsockopt).
                var b = exactly(v, Math.min(n, HciFilter.SIZE), HciFilter.SIZE, "hci_ufilter");
                return new HciFilter(b.getInt(0), (b.getInt(4) & 0xFFFF_FFFFL) | (long) b.getInt(8) << 32,
                        Short.toUnsignedInt(le16(b.getShort(12))));
            });

    /** A {@code __le16} to or from a native-order buffer's short. */
    private static short le16(short v) {
        return java.nio.ByteOrder.nativeOrder() == java.nio.ByteOrder.LITTLE_ENDIAN ? v : Short.reverseBytes(v);
    }

    private static java.nio.ByteBuffer exactly(byte[] v, int n, int size, String what) {
        if (n != size) {
            throw new IllegalArgumentException("a " + what + " of " + n + " bytes, not " + size);
        }
        return java.nio.ByteBuffer.wrap(v, 0, n).order(java.nio.ByteOrder.nativeOrder());
    }

    /** By option name, over the POSIX ones. */
    static final Map<String, OptionCodec<?>> NAMED = Map.ofEntries(
            Map.entry("CAN_ISOTP_OPTS", ISOTP_OPTIONS),
            Map.entry("CAN_ISOTP_RECV_FC", ISOTP_FLOW_CONTROL),
            Map.entry("CAN_ISOTP_LL_OPTS", ISOTP_LINK_LAYER),
            Map.entry("SO_J1939_FILTER", J1939_FILTERS),
            Map.entry("HCI_FILTER", HCI_UFILTER),
            Map.entry("IP_ADD_MEMBERSHIP", IP_MREQN),
            Map.entry("IP_DROP_MEMBERSHIP", IP_MREQN),
            Map.entry("TCP_INFO", TCP_INFO),
            Map.entry("SO_PEERCRED", UCRED),
            Map.entry("PACKET_ADD_MEMBERSHIP", PACKET_MREQ),
            Map.entry("PACKET_DROP_MEMBERSHIP", PACKET_MREQ),
            Map.entry("CAN_RAW_FILTER", CAN_FILTERS),
            Map.entry("SO_VM_SOCKETS_BUFFER_SIZE", U64),
            Map.entry("SO_VM_SOCKETS_BUFFER_MIN_SIZE", U64),
            Map.entry("SO_VM_SOCKETS_BUFFER_MAX_SIZE", U64));
}
