package dev.weft.faults;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.Family;
import dev.weft.SockAddr;
import dev.weft.Socket;
import dev.weft.SocketType;
import dev.weft.Sockets;
import dev.weft.WeftTimeoutException;
import dev.weft.faults.FaultPlan.Knob;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Over UDP the provider loses, duplicates, reorders and truncates datagrams, and its log's
 * counts say exactly what the receiver saw: received = sent - dropped + duplicated, the ids
 * missing are the dropped ones, those seen twice the duplicated ones, each inversion of
 * order a reordered one, and the datagrams cut short the truncated ones.
 */
class DatagramAccountingTest {
    private static final int N = 400;

    /** Datagram {@code id}: 8 bytes of id, then a pattern of it, 16 to 527 bytes in all. */
    private static byte[] datagram(int id) {
        byte[] b = new byte[16 + (id * 37) % 512];
        ByteBuffer.wrap(b).putLong(id);
        for (int i = 8; i < b.length; i++) {
            b[i] = (byte) (id * 31 + i);
        }
        return b;
    }

    private static List<byte[]> exchange(FaultProvider p, boolean connected) throws Exception {
        try (Socket rx = Socket.open(p, Family.INET, SocketType.DGRAM, 0);
             Socket tx = Socket.open(p, Family.INET, SocketType.DGRAM, 0)) {
            rx.bind(SockAddr.inet("127.0.0.1", 0));
            rx.setOption(dev.weft.SockOpt.SO_RCVBUF, 1 << 20);
            SockAddr to = rx.getSockName();
            if (connected) {
                tx.connect(to);
            }
            List<byte[]> got = new ArrayList<>();
            for (int id = 0; id < N; id++) {
                byte[] d = datagram(id);
                int n = connected ? tx.send(d) : tx.sendTo(d, to);
                assertEquals(d.length, n, "a datagram goes whole or not at all");
                if (id % 50 == 49) {
                    drain(rx, got, Duration.ofMillis(1)); // keep the receive buffer from overflowing for real
                }
            }
            tx.close(); // releases a datagram still held for reordering
            drain(rx, got, Duration.ofMillis(200));
            return got;
        }
    }

    private static void drain(Socket rx, List<byte[]> got, Duration quiet) throws Exception {
        rx.setTimeout(quiet);
        for (;;) {
            try {
                got.add(rx.recv(2048));
            } catch (WeftTimeoutException e) {
                return;
            }
        }
    }

    @Test
    void lostDuplicatedAndReorderedDatagramsAreAccountedFor() throws Exception {
        for (boolean connected : List.of(false, true)) {
            FaultPlan plan = FaultPlan.none().withSeed(connected ? 11 : 12)
                    .with(Knob.DGRAM_DROP, "0.1").with(Knob.DGRAM_DUPLICATE, "0.05").with(Knob.DGRAM_REORDER, "0.1");
            FaultProvider p = Faults.wrap(Real.provider(), plan);
            List<byte[]> got = exchange(p, connected);
            FaultLog log = p.session().log();
            String what = plan + "\n" + log.counts();
            int[] seen = new int[N];
            int inversions = 0;
            long highest = -1;
            for (byte[] d : got) {
                int id = (int) ByteBuffer.wrap(d).getLong();
                assertArrayEquals(datagram(id), d, what);
                seen[id]++;
                if (id < highest) {
                    inversions++;
                }
                highest = Math.max(highest, id);
            }
            long dropped = log.count(FaultLog.DROPPED);
            long duplicated = log.count(FaultLog.DUPLICATED);
            assertTrue(dropped > 0 && duplicated > 0 && log.count(FaultLog.REORDERED) > 0, what);
            assertEquals(N - dropped + duplicated, got.size(), what);
            assertEquals(dropped, Arrays.stream(seen).filter(c -> c == 0).count(), what);
            assertEquals(duplicated, Arrays.stream(seen).filter(c -> c == 2).count(), what);
            assertEquals(0, Arrays.stream(seen).filter(c -> c > 2).count(), what);
            assertEquals(log.count(FaultLog.REORDERED), inversions, what);
        }
    }

    @Test
    void truncatedDatagramsArePrefixesAndCounted() throws Exception {
        FaultPlan plan = FaultPlan.none().withSeed(3).with(Knob.DGRAM_TRUNCATE, "0.3");
        FaultProvider p = Faults.wrap(Real.provider(), plan);
        List<byte[]> got = exchange(p, false);
        assertEquals(N, got.size());
        int cut = 0;
        for (int id = 0; id < N; id++) {
            byte[] whole = datagram(id);
            byte[] d = got.get(id);
            assertTrue(d.length <= whole.length);
            assertArrayEquals(Arrays.copyOf(whole, d.length), d, "a truncated datagram is its beginning");
            cut += d.length < whole.length ? 1 : 0;
        }
        assertTrue(cut > 0);
        assertEquals(p.session().log().count(FaultLog.TRUNCATED), cut);
    }

    @Test
    void theSameSeedLosesTheSameDatagrams() throws Exception {
        FaultPlan plan = FaultPlan.profile("lossy-wifi").withSeed(77).with(Knob.DGRAM_DROP, "0.2").with(Knob.READ_DELAY, "0");
        List<String> a = idsOf(exchange(Faults.wrap(Real.provider(), plan), true));
        List<String> b = idsOf(exchange(Faults.wrap(Real.provider(), plan), true));
        assertEquals(a, b, "the same datagrams arrive");
        assertThrows(IllegalArgumentException.class, () -> plan.with(Knob.DGRAM_DROP, "-0.1"));
    }

    private static List<String> idsOf(List<byte[]> got) {
        return got.stream().map(d -> Long.toString(ByteBuffer.wrap(d).getLong())).sorted().toList();
    }
}
