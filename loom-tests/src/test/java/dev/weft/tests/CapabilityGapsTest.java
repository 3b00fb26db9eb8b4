package dev.weft.tests;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/** CapabilityGaps skips only a socketpair the provider says it lacks; every other failure stays one. */
class CapabilityGapsTest {
    private static <T extends Throwable> T thrownIn(T t, String className, String method) {
        t.setStackTrace(new StackTraceElement[] {new StackTraceElement(className, method, null, 1),
                new StackTraceElement("dev.weft.tests.SomeTest", "aTest", null, 1)});
        return t;
    }

    @Test
    void aMissingSocketPairIsASkipWithTheProvidersReason() {
        var e = thrownIn(new UnsupportedOperationException("weft: Winsock has no socketpair()"), "dev.weft.Sockets", "socketPair");
        Throwable t = CapabilityGaps.translate(e, false);
        assertInstanceOf(TestAbortedException.class, t);
        assertTrue(t.getMessage().contains("Capability.SOCKETPAIR") && t.getMessage().contains("Winsock has no socketpair()"),
                t.getMessage());
    }

    @Test
    void everythingElseStillFails() {
        var fromPair = thrownIn(new UnsupportedOperationException("x"), "dev.weft.Sockets", "socketPair");
        assertSame(fromPair, CapabilityGaps.translate(fromPair, true), "offered: an exception is a bug");
        var elsewhere = thrownIn(new UnsupportedOperationException("x"), "dev.weft.Socket", "open");
        assertSame(elsewhere, CapabilityGaps.translate(elsewhere, false), "not from socketPair");
        var io = thrownIn(new IOException("x"), "dev.weft.Sockets", "socketPair");
        assertSame(io, CapabilityGaps.translate(io, false), "an OS error is not a missing capability");
    }
}
