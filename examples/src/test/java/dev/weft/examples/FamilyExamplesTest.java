package dev.weft.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.Family;
import dev.weft.Socket;
import dev.weft.SocketType;
import dev.weft.Sockets;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The seed's programs 3 (the raw-socket sniffer, Linux form) and 4 (CAN echo, where the kernel
 * has CAN). Tagged for the kernel lane, which runs program 4 on its {@code vcan0}; inside the
 * lane ({@code WEFT_KERNEL_LANE=1}) a missing AF_CAN fails instead of skipping.
 */
@Tag("kernel-lane")
class FamilyExamplesTest {
    private static void absent(String reason) {
        if ("1".equals(System.getenv("WEFT_KERNEL_LANE"))) {
            org.junit.jupiter.api.Assertions.fail("the kernel lane's guest must have it: " + reason);
        }
        Assumptions.abort(reason);
    }

    private static String run(String[] args, Main m) throws Exception {
        PrintStream old = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            m.main(args);
        } finally {
            System.setOut(old);
        }
        String s = out.toString(StandardCharsets.UTF_8);
        old.print(s);
        return s;
    }

    interface Main {
        void main(String[] args) throws Exception;
    }

    @Test
    void theSnifferPrintsTheFramesAnotherThreadSendsOverLoopback() throws Exception {
        Assumptions.assumeTrue(Sockets.provider().nativeFamily(Family.PACKET) >= 0, "this OS has no AF_PACKET");
        try (Socket s = Socket.open(Family.PACKET, SocketType.RAW, 0)) {
            // we may open packet sockets
        } catch (IOException e) {
            Assumptions.abort("the sniffer needs CAP_NET_RAW: " + e.getMessage());
        }
        String out = run(new String[] {"lo", "3"}, RawSniffer::main);
        assertTrue(out.contains(", ('lo', 2048, "), "the address tuple names lo and ETH_P_IP: " + out);
        assertTrue(out.contains("IPv4 127.0.0.1 -> 127.0.0.1 proto 17 (UDP)"), out);
        assertTrue(out.contains("captured 3 frames on lo"), out);
        assertTrue(out.trim().endsWith("PASSED"), out);
    }

    /** The seed's packing, checked without a CAN bus: "=IB3x8s" is 16 bytes, dlc then 3 pad bytes, data padded to 8. */
    @Test
    void canFramesPackAndUnpackAsTheSeedsStructFormat() {
        byte[] f = CanEcho.buildCanFrame(0x01, new byte[] {1, 2, 3});
        assertEquals(16, f.length);
        assertEquals(3, f[4]);
        assertArrayEquals(new byte[] {0, 0, 0}, java.util.Arrays.copyOfRange(f, 5, 8));
        CanEcho.Dissected d = CanEcho.dissectCanFrame(f);
        assertEquals("can_id=1, can_dlc=3, data=b'\\x01\\x02\\x03'", d.toString());
        assertThrows(IllegalArgumentException.class, () -> CanEcho.buildCanFrame(1, new byte[9]), "more than 8 bytes");
    }

    @Test
    void canEchoRunsWhereTheKernelHasCan() throws Exception {
        try (Socket s = Socket.open(Family.CAN, SocketType.RAW, Sockets.constant("CAN_RAW", 1))) {
            if (Sockets.ifNameToIndex("vcan0") <= 0) {
                absent("no vcan0 here: program 4 runs in the kernel lane");
            }
        } catch (IOException e) {
            absent("this kernel has no AF_CAN (" + e.getMessage() + "): program 4 runs in the kernel lane");
        }
        // A second socket sends a frame; the echo answers with it and with 0x01 [1, 2, 3].
        try (Socket t = Socket.open(Family.CAN, SocketType.RAW, Sockets.constant("CAN_RAW", 1))) {
            t.bind(CanEcho.canAddress("vcan0"));
            t.setTimeout(java.time.Duration.ofSeconds(60));
            java.util.concurrent.CompletableFuture<String> echo = new java.util.concurrent.CompletableFuture<>();
            Thread.ofVirtual().start(() -> {
                try {
                    echo.complete(run(new String[] {"vcan0", "1"}, CanEcho::main));
                } catch (Throwable x) {
                    echo.completeExceptionally(x);
                }
            });
            byte[] sent = CanEcho.buildCanFrame(0x123, new byte[] {9, 8});
            t.setTimeout(java.time.Duration.ofSeconds(2));
            byte[] first = null;
            for (int i = 0; i < 30 && !java.util.Arrays.equals(first, sent); i++) { // until the echo socket is bound and answers
                if (first == null) {
                    t.send(sent);
                }
                try {
                    first = t.recv(CanEcho.CAN_FRAME_SIZE);
                } catch (java.net.SocketTimeoutException e) {
                    first = null;
                }
            }
            assertArrayEquals(sent, first, "the echo of our frame");
            assertEquals("can_id=1, can_dlc=3, data=b'\\x01\\x02\\x03'", CanEcho.dissectCanFrame(t.recv(16)).toString());
            assertTrue(echo.get(60, java.util.concurrent.TimeUnit.SECONDS).contains("Received: can_id=123, can_dlc=2"));
        }
    }

    @Test
    void theBcmVariantSendsThreeTimesAndSeesTxExpired() throws Exception {
        try (Socket s = Socket.open(Family.CAN, SocketType.RAW, Sockets.constant("CAN_RAW", 1))) {
            if (Sockets.ifNameToIndex("vcan0") <= 0) {
                absent("no vcan0 here: program 4 runs in the kernel lane");
            }
        } catch (IOException e) {
            absent("this kernel has no AF_CAN (" + e.getMessage() + "): program 4 runs in the kernel lane");
        }
        try (Socket t = Socket.open(Family.CAN, SocketType.RAW, Sockets.constant("CAN_RAW", 1))) {
            t.bind(CanEcho.canAddress("vcan0"));
            t.setTimeout(java.time.Duration.ofSeconds(60));
            String out = run(new String[] {"vcan0", "0", "bcm"}, CanEcho::main);
            for (int i = 0; i < 3; i++) {
                assertEquals(dev.weft.CanFrame.standard(0x123, new byte[] {0x11, 0x22, 0x33}),
                        dev.weft.CanFrame.of(t.recv(CanEcho.CAN_FRAME_SIZE)), "frame " + (i + 1) + " of TX_SETUP's three");
            }
            assertTrue(out.contains("TX_EXPIRED: sent three times"), out);
        }
    }
}
