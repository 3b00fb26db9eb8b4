package dev.weft.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.Errno;
import dev.weft.faults.FaultPlan.Knob;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plans, faults and log lines are data: each prints as text that reads back to itself, and bad text is a clear error. */
class PlanTest {
    @Test
    void everyProfileRoundTripsThroughItsLine() {
        for (String name : FaultPlan.profiles()) {
            FaultPlan p = FaultPlan.profile(name).withSeed(-1234567890123L);
            assertEquals(p, FaultPlan.parse(p.toString()), name);
        }
        FaultPlan tuned = FaultPlan.profile("short-reads").with(Knob.SHORT_READ, "0").with(Knob.DGRAM_DROP, "0.25");
        assertEquals(tuned, FaultPlan.parse(tuned.toString()), "a profile setting put back to its default stays so");
        assertTrue(FaultPlan.none().isEmpty());
        assertFalse(FaultPlan.profile("slow-dns").isEmpty());
        assertEquals(FaultPlan.profile("flaky-lan").withSeed(5), FaultPlan.parse("# a comment\nseed=5\nprofile=flaky-lan  # the LAN\n"));
    }

    @Test
    void everyFaultAndEventRoundTrips() {
        List<Fault> all = List.of(new Fault.Fail(Errno.EMFILE), new Fault.Delay(1500), new Fault.Short(3), new Fault.Drop(),
                new Fault.Duplicate(), new Fault.Reorder(), new Fault.Truncate(0.123456789), new Fault.Hang(2000),
                new Fault.Reset(77), new Fault.HalfClose(0), new Fault.Gai("EAI_AGAIN"));
        for (Fault f : all) {
            assertEquals(f, Fault.parse(f.toString()));
            FaultEvent e = new FaultEvent("s12a3", Call.RECVMSG, 42, f);
            assertEquals(e, FaultEvent.parse(e.toString()));
        }
        assertEquals("s1 recv#0 short 5", new FaultEvent("s1", Call.RECV, 0, new Fault.Short(5)).toString());
    }

    @Test
    void badTextNamesWhatIsWrong() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> FaultPlan.profile("flaky-wan")).getMessage().contains("flaky-lan"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> FaultPlan.parse("short-read=1.5")).getMessage().contains("[0, 1]"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> FaultPlan.parse("shortread=0.5")).getMessage().contains("short-read"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> FaultPlan.parse("delay-us=9-3")).getMessage().contains("MIN-MAX"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> FaultPlan.parse("seed=x")).getMessage().contains("bad seed"));
        assertThrows(IllegalArgumentException.class, () -> FaultEvent.parse("s1 recv short 5"));
        assertThrows(IllegalArgumentException.class, () -> Fault.parse("delay 15"));
    }

    @Test
    void decisionsDependOnlyOnSeedSocketAndOperation() {
        FaultPlan p = FaultPlan.profile("chaos").withSeed(99);
        SeededSource a = new SeededSource(p);
        SeededSource b = new SeededSource(FaultPlan.parse(p.toString()));
        SocketInfo tcp = new SocketInfo("s3", dev.weft.SocketType.STREAM, dev.weft.Family.INET);
        int differ = 0;
        for (long seq = 0; seq < 500; seq++) {
            for (Call c : List.of(Call.RECV, Call.SEND, Call.ACCEPT, Call.RECVMSG)) {
                assertEquals(a.decide(tcp, c, seq, 1000), b.decide(tcp, c, seq, 1000));
                assertEquals(a.decide(tcp, c, seq, 1000), a.decide(tcp, c, seq, 1000), "asked again, the same answer");
            }
            SeededSource other = new SeededSource(p.withSeed(100));
            differ += java.util.Objects.equals(a.decide(tcp, Call.RECV, seq, 1000), other.decide(tcp, Call.RECV, seq, 1000)) ? 0 : 1;
        }
        assertTrue(differ > 0, "another seed, other faults");
        assertFalse(FaultPlan.random(new SplittableRandom(1)).isEmpty());
    }

    @Test
    void aLogFileReadsBackAsItsPlanAndItsEvents(@TempDir Path dir) throws Exception {
        FaultLog log = new FaultLog(FaultPlan.profile("short-reads").withSeed(8).toString());
        log.add(new FaultEvent("s1", Call.RECV, 2, new Fault.Short(4)));
        log.add(new FaultEvent("s0a0", Call.SEND, 0, new Fault.Delay(10)));
        Path f = dir.resolve("faults.log");
        log.writeTo(f);
        assertEquals(FaultPlan.profile("short-reads").withSeed(8), FaultPlan.read(f));
        assertEquals(log.events(), FaultLog.readEvents(f));
        assertEquals(List.of("s0a0", "s1"), log.events().stream().map(FaultEvent::socket).toList(), "canonical order: by socket");
        assertTrue(Files.readString(f).startsWith(FaultLog.PLAN_PREFIX));
    }
}
