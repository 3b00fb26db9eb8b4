package dev.weft;

/**
 * The option values of a {@code CAN_ISOTP} socket (Linux's {@code linux/can/isotp.h}), typed
 * so nobody packs {@code "=IIBBBB"} by hand: {@link Options} ({@code CAN_ISOTP_OPTS}),
 * {@link FlowControl} ({@code CAN_ISOTP_RECV_FC}) and {@link LinkLayer}
 * ({@code CAN_ISOTP_LL_OPTS}); the two separation times are plain {@code Integer} options.
 * Set them before {@code bind}: the kernel refuses most of them on a bound socket.
 *
 * <pre>{@code
 * try (Socket tp = Socket.open(Family.CAN, SocketType.DGRAM, Sockets.constant("CAN_ISOTP", 6))) {
 *     // pad every frame to 8 bytes with 0xCC, as many ECUs expect
 *     tp.setOption(SockOpt.CAN_ISOTP_OPTS, CanIsotp.Options.DEFAULT.withTxPadding(0xCC));
 *     tp.bind(SockAddr.Can.isotp("vcan0", 0x7E8, 0x7E0));
 *     tp.send(new byte[] {0x02, 0x10, 0x03});
 * }
 * }</pre>
 */
public final class CanIsotp {
    private CanIsotp() {}

    /** {@code CAN_ISOTP_LISTEN_MODE}: listen only, send no flow control. */
    public static final int LISTEN_MODE = 0x001;
    /** {@code CAN_ISOTP_EXTEND_ADDR}: the first data byte is {@link Options#extAddress}. */
    public static final int EXTEND_ADDR = 0x002;
    /** {@code CAN_ISOTP_TX_PADDING}: pad sent frames with {@link Options#txPadContent}. */
    public static final int TX_PADDING = 0x004;
    /** {@code CAN_ISOTP_RX_PADDING}: expect received frames padded with {@link Options#rxPadContent}. */
    public static final int RX_PADDING = 0x008;
    /** {@code CAN_ISOTP_CHK_PAD_LEN}: check the padding's length. */
    public static final int CHK_PAD_LEN = 0x010;
    /** {@code CAN_ISOTP_CHK_PAD_DATA}: check the padding's content. */
    public static final int CHK_PAD_DATA = 0x020;
    /** {@code CAN_ISOTP_HALF_DUPLEX}: one direction at a time. */
    public static final int HALF_DUPLEX = 0x040;
    /** {@code CAN_ISOTP_FORCE_TXSTMIN}: ignore the peer's separation time, use {@code CAN_ISOTP_TX_STMIN}. */
    public static final int FORCE_TXSTMIN = 0x080;
    /** {@code CAN_ISOTP_FORCE_RXSTMIN}: drop frames arriving faster than {@code CAN_ISOTP_RX_STMIN}. */
    public static final int FORCE_RXSTMIN = 0x100;
    /** {@code CAN_ISOTP_RX_EXT_ADDR}: receive with {@link Options#rxExtAddress}. */
    public static final int RX_EXT_ADDR = 0x200;

    private static int u8(String what, int v) {
        if (v < 0 || v > 0xFF) {
            throw new IllegalArgumentException(what + " is one byte, 0-255, got " + v);
        }
        return v;
    }

    /**
     * {@code struct can_isotp_options} (12 bytes).
     *
     * @param flags        {@code CAN_ISOTP_*} bits ({@link #TX_PADDING}...), unsigned 32-bit
     * @param frameTxTime  nanoseconds between two consecutive frames: 0 sets the kernel's default
     *                     (50,000), {@code 0xFFFFFFFF} ({@code CAN_ISOTP_FRAME_TXTIME_ZERO}) none
     * @param extAddress   the extended address sent with {@link #EXTEND_ADDR}, 0-255
     * @param txPadContent the byte sent frames are padded with, 0-255
     * @param rxPadContent the padding byte checked in received frames, 0-255
     * @param rxExtAddress the extended address received with {@link #RX_EXT_ADDR}, 0-255
     */
    public record Options(int flags, int frameTxTime, int extAddress, int txPadContent, int rxPadContent, int rxExtAddress) {
        /** The kernel's defaults: no flags, 50 µs between frames, padding byte 0xCC both ways. */
        public static final Options DEFAULT = new Options(0, 50_000, 0, 0xCC, 0xCC, 0);

        /** Checks the one-byte fields. */
        public Options {
            u8("extAddress", extAddress);
            u8("txPadContent", txPadContent);
            u8("rxPadContent", rxPadContent);
            u8("rxExtAddress", rxExtAddress);
        }

        /** These options with {@link #TX_PADDING} set and {@code content} as the padding byte. */
        public Options withTxPadding(int content) {
            return new Options(flags | TX_PADDING, frameTxTime, extAddress, content, rxPadContent, rxExtAddress);
        }
    }

    /**
     * {@code struct can_isotp_fc_options}: the flow control this socket sends when it receives.
     *
     * @param blockSize the frames the sender may send before the next flow control, 0 for all (0-255)
     * @param stMin     the separation time the sender must keep: 0-0x7F ms, 0xF1-0xF9 for 100-900 µs
     * @param wftMax    the wait frames this socket accepts before aborting, 0-255
     */
    public record FlowControl(int blockSize, int stMin, int wftMax) {
        /** Checks the one-byte fields. */
        public FlowControl {
            u8("blockSize", blockSize);
            u8("stMin", stMin);
            u8("wftMax", wftMax);
        }
    }

    /**
     * {@code struct can_isotp_ll_options}: the link layer, classic CAN or CAN FD.
     *
     * @param mtu     {@code CAN_MTU} (16) for classic frames, {@code CANFD_MTU} (72) for FD
     * @param txDl    the data length of sent frames: 8, or for FD 12, 16, 20, 24, 32, 48 or 64
     * @param txFlags the {@code canfd_frame.flags} of sent FD frames ({@code CANFD_BRS}...), 0-255
     */
    public record LinkLayer(int mtu, int txDl, int txFlags) {
        /** Classic CAN: 16-byte frames with 8 data bytes. */
        public static final LinkLayer CLASSIC = new LinkLayer(CanFrame.SIZE, CanFrame.MAX_DATA, 0);

        /** Checks the one-byte fields (the kernel checks their combinations). */
        public LinkLayer {
            u8("mtu", mtu);
            u8("txDl", txDl);
            u8("txFlags", txFlags);
        }
    }
}
