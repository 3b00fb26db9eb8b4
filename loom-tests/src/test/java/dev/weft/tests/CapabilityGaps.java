package dev.weft.tests;

import dev.weft.Capability;
import dev.weft.Sockets;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.opentest4j.TestAbortedException;

/**
 * The kit's one capability check for {@code socketpair(2)}, which most tests use as the
 * quickest connected pair: where the provider says it has none ({@link Capability#SOCKETPAIR}
 * absent, Winsock), the provider's {@code UnsupportedOperationException} from
 * {@code Sockets.socketPair} ends the test as skipped, with the provider's reason, instead of
 * failing it. Anything else, and the same exception where the capability is offered, still
 * fails. Registered for every test by {@code META-INF/services} (JUnit's extension
 * auto-detection, switched on in junit-platform.properties).
 */
public final class CapabilityGaps implements TestExecutionExceptionHandler, LifecycleMethodExecutionExceptionHandler {
    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable t) throws Throwable {
        throw translate(t, offered());
    }

    @Override
    public void handleBeforeAllMethodExecutionException(ExtensionContext context, Throwable t) throws Throwable {
        throw translate(t, offered());
    }

    @Override
    public void handleBeforeEachMethodExecutionException(ExtensionContext context, Throwable t) throws Throwable {
        throw translate(t, offered());
    }

    /** The skip for a missing socketpair, or {@code t} itself. */
    static Throwable translate(Throwable t, boolean socketPairOffered) {
        if (t instanceof UnsupportedOperationException && !socketPairOffered && fromSocketPair(t)) {
            return new TestAbortedException("socketpair is not offered by the " + Sockets.provider().name()
                    + " provider (no Capability.SOCKETPAIR): " + t.getMessage(), t);
        }
        return t;
    }

    private static boolean offered() {
        try {
            return Sockets.supports(Capability.SOCKETPAIR);
        } catch (RuntimeException noProvider) {
            return true; // no verdict: let the original failure stand
        }
    }

    private static boolean fromSocketPair(Throwable t) {
        for (StackTraceElement e : t.getStackTrace()) {
            if (e.getClassName().equals("dev.weft.Sockets") && e.getMethodName().equals("socketPair")) {
                return true;
            }
        }
        return false;
    }
}
