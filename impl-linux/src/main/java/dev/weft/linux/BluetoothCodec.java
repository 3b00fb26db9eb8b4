package dev.weft.linux;

import dev.weft.Family;
import dev.weft.SockAddr;
import dev.weft.common.FamilyCodec;
import java.nio.ByteBuffer;

/**
 * {@code struct sockaddr_l2} (psm little-endian, bdaddr, cid, bdaddr_type: 14 bytes),
 * {@code sockaddr_rc} (bdaddr, channel: 10), {@code sockaddr_hci} (dev, channel: 6) and
 * {@code sockaddr_sco} (bdaddr: 8). The bdaddr_t bytes are the written address reversed.
 * Decoding picks the form by length, as the kernel returns each struct's exact size.
 */
final class BluetoothCodec extends FamilyCodec<SockAddr.Bluetooth> {
    static final BluetoothCodec INSTANCE = new BluetoothCodec();

    private BluetoothCodec() {
        super(Family.BLUETOOTH, SockAddr.Bluetooth.class);
    }

    @Override
    public int encode(SockAddr.Bluetooth a, ByteBuffer b, int off) {
        switch (a.protocol()) {
            case SockAddr.Bluetooth.L2CAP -> {
                putShortLe(b, off + 2, a.port());
                putBdaddr(b, off + 4, a);
                return 14;
            }
            case SockAddr.Bluetooth.RFCOMM -> {
                putBdaddr(b, off + 2, a);
                b.put(off + 8, (byte) a.port());
                return 10;
            }
            case SockAddr.Bluetooth.HCI -> {
                b.putShort(off + 2, (short) a.port()); // hci_dev is host order
                return 6;
            }
            default -> {
                putBdaddr(b, off + 2, a);
                return 8;
            }
        }
    }

    @Override
    public SockAddr decode(ByteBuffer b, int off, int len, int nativeFamily) {
        return switch (len) {
            case 14 -> SockAddr.Bluetooth.l2cap(bdaddr(b, off + 4), (b.get(off + 2) & 0xFF) | (b.get(off + 3) & 0xFF) << 8);
            case 10 -> SockAddr.Bluetooth.rfcomm(bdaddr(b, off + 2), b.get(off + 8) & 0xFF);
            case 6 -> SockAddr.Bluetooth.hci(Short.toUnsignedInt(b.getShort(off + 2)));
            case 8 -> SockAddr.Bluetooth.sco(bdaddr(b, off + 2));
            default -> null;
        };
    }

    // l2_psm is __le16 whatever the host's order (htobs in BlueZ).
    private static void putShortLe(ByteBuffer b, int at, int v) {
        b.put(at, (byte) v).put(at + 1, (byte) (v >> 8));
    }

    private static void putBdaddr(ByteBuffer b, int at, SockAddr.Bluetooth a) {
        byte[] written = a.bdaddrBytes();
        for (int i = 0; i < 6; i++) {
            b.put(at + i, written[5 - i]);
        }
    }

    private static String bdaddr(ByteBuffer b, int at) {
        StringBuilder s = new StringBuilder(17);
        for (int i = 5; i >= 0; i--) {
            s.append(String.format("%02X", b.get(at + i) & 0xFF)).append(i == 0 ? "" : ":");
        }
        return s.toString();
    }
}
