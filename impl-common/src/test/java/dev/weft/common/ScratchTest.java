package dev.weft.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * The per-call native areas: malloc'd per call, their views reused through a table keyed
 * by address. An area must belong to one holder at a time, whatever the table holds.
 */
class ScratchTest {
    @Test
    void areasHeldAtTheSameTimeNeverShareMemory() throws Exception {
        try (var exec = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> all = new ArrayList<>();
            for (int t = 0; t < 64; t++) {
                byte id = (byte) t;
                all.add(exec.submit(() -> {
                    for (int i = 0; i < 2_000; i++) {
                        Scratch s = ThreadLocalRandom.current().nextBoolean() ? Scratch.take() : Scratch.take(64);
                        try {
                            int n = Math.min(s.dataCapacity(), 256);
                            for (int k = 0; k < n; k++) {
                                s.view().put(s.dataOffset() + k, id);
                            }
                            Thread.yield(); // let other holders run while this one holds its area
                            for (int k = 0; k < n; k++) {
                                assertEquals(id, s.view().get(s.dataOffset() + k), "another holder wrote into this area");
                            }
                        } finally {
                            s.give();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : all) {
                f.get();
            }
        }
    }

    @Test
    void smallAreasFitSmallMessagesAndFullAreasTheDataSize() {
        Scratch small = Scratch.take(Scratch.SMALL_DATA);
        Scratch full = Scratch.take(Scratch.SMALL_DATA + 1);
        try {
            assertEquals(Scratch.SMALL_DATA, small.dataCapacity());
            assertEquals(Scratch.DATA_SIZE, full.dataCapacity());
            assertTrue(small.view().capacity() >= small.dataOffset() + small.dataCapacity());
            assertEquals(full.addr() + Scratch.AUX_OFFSET, full.aux());
            assertThrows(IllegalStateException.class, small::aux);
        } finally {
            small.give();
            full.give();
        }
    }
}
