package dev.weft;

/**
 * The value of {@link SockOpt#HCI_FILTER} on a Bluetooth HCI raw socket, the kernel's
 * {@code struct hci_ufilter} (16 bytes): which packet types (bits of {@code type_mask}), which
 * events (bits of the two {@code event_mask} words, here one {@code long}) and, if not 0,
 * which command's events ({@code opcode}) the socket receives. CPython has no typed form; its
 * users pack {@code "<IIIH2x"}.
 *
 * <pre>{@code
 * hci.setOption(SockOpt.HCI_FILTER, HciFilter.NONE.withPacketType(HciFilter.EVENT_PKT)
 *         .withEvent(HciFilter.EVT_CMD_COMPLETE).withEvent(HciFilter.EVT_CMD_STATUS));
 * }</pre>
 *
 * @param typeMask  bit {@code n} passes packets of type {@code n} ({@link #EVENT_PKT}...)
 * @param eventMask bit {@code n} passes event code {@code n} (0-63)
 * @param opcode    only events about this command (0: any), 0-0xFFFF
 */
public record HciFilter(int typeMask, long eventMask, int opcode) {
    /** {@code HCI_COMMAND_PKT}. */
    public static final int COMMAND_PKT = 0x01;
    /** {@code HCI_ACLDATA_PKT}. */
    public static final int ACLDATA_PKT = 0x02;
    /** {@code HCI_EVENT_PKT}. */
    public static final int EVENT_PKT = 0x04;
    /** {@code EVT_CMD_COMPLETE}. */
    public static final int EVT_CMD_COMPLETE = 0x0E;
    /** {@code EVT_CMD_STATUS}. */
    public static final int EVT_CMD_STATUS = 0x0F;
    /** Passes nothing: a start for {@link #withPacketType} and {@link #withEvent}. */
    public static final HciFilter NONE = new HciFilter(0, 0, 0);
    /** Passes every packet type and event. */
    public static final HciFilter ALL = new HciFilter(-1, -1L, 0);
    /** {@code sizeof(struct hci_ufilter)}. */
    public static final int SIZE = 16;

    /** Checks the opcode. */
    public HciFilter {
        if (opcode < 0 || opcode > 0xFFFF) {
            throw new IllegalArgumentException("an HCI opcode is 0-0xffff, got " + opcode);
        }
    }

    /** This filter also passing packets of type {@code type} (0-31). */
    public HciFilter withPacketType(int type) {
        if (type < 0 || type > 31) {
            throw new IllegalArgumentException("an HCI packet type bit is 0-31, got " + type);
        }
        return new HciFilter(typeMask | 1 << type, eventMask, opcode);
    }

    /** This filter also passing event code {@code event} (0-63). */
    public HciFilter withEvent(int event) {
        if (event < 0 || event > 63) {
            throw new IllegalArgumentException("an HCI event bit is 0-63, got " + event);
        }
        return new HciFilter(typeMask, eventMask | 1L << event, opcode);
    }
}
