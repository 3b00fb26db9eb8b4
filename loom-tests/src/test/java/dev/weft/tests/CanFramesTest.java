package dev.weft.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weft.CanBcmMessage;
import dev.weft.CanFdFrame;
import dev.weft.CanFrame;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The typed CAN records lay out their bytes as python3's {@code struct} does with the formats
 * CPython's documentation and test_socket use: {@code "=IB3x8s"} ({@code can_frame}),
 * {@code "=IBB2x64s"} ({@code canfd_frame}), {@code "@3I4l2I"} ({@code bcm_msg_head}), and
 * read them back; no kernel needed, so this runs everywhere python3 does.
 */
class CanFramesTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void framesAndTheBcmHeadArePythonsStructLayouts() throws Exception {
        Assumptions.assumeTrue(TestKit.hasPython3(), "no python3");
        String script = """
                import struct
                print(struct.pack("=IB3x8s", 0x80000123, 3, b"\\x01\\x02\\x03").hex(),
                      struct.pack("=IBB2x64s", 0x7ff, 12, 1, bytes(range(12))).hex(),
                      (struct.pack("@3I4l2I", 1, 3, 2, 0, 10000, 1, 500, 0x333, 1)
                       + struct.pack("=IB3x8s", 0x333, 1, b"\\x03")).hex(), flush=True)
                """;
        CanFrame f = CanFrame.extended(0x123, new byte[] {1, 2, 3});
        CanFdFrame fd = new CanFdFrame(0x7ff, CanFdFrame.BRS, java.util.stream.IntStream.range(0, 12)
                .collect(java.io.ByteArrayOutputStream::new, (o, i) -> o.write(i), (a, b) -> { }).toByteArray());
        CanBcmMessage bcm = new CanBcmMessage(CanBcmMessage.TX_SETUP, CanBcmMessage.SETTIMER | CanBcmMessage.STARTTIMER, 2,
                Duration.ofMillis(10), Duration.ofSeconds(1, 500_000), 0x333, List.of(CanFrame.standard(0x333, new byte[] {3})));
        try (TestKit.Python py = TestKit.python(script)) {
            String[] want = py.firstLine.split(" ");
            assertEquals(want[0], HEX.formatHex(f.toBytes()), "can_frame");
            assertEquals(want[1], HEX.formatHex(fd.toBytes()), "canfd_frame");
            assertEquals(want[2], HEX.formatHex(bcm.toBytes()), "bcm_msg_head and its frame");
            assertEquals(f, CanFrame.of(HEX.parseHex(want[0])));
            assertEquals(fd, CanFdFrame.of(HEX.parseHex(want[1])));
            assertEquals(bcm, CanBcmMessage.of(HEX.parseHex(want[2])));
        }
        assertEquals(0x123, f.id());
        assertEquals(true, f.isExtended());
        assertThrows(IllegalArgumentException.class, () -> CanFrame.of(new byte[15]), "not 16 bytes");
        assertThrows(IllegalArgumentException.class, () -> CanBcmMessage.of(new byte[57]), "nframes does not fit");
    }
}
