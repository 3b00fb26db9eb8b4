package dev.weft.faults;

import java.lang.reflect.AnnotatedElement;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * {@link WeftFaults}'s extension: a {@link FaultSession} around each test, its seed and log
 * added to a failure, and the session (or its {@link FaultLog}) as a test parameter.
 */
public final class WeftFaultsExtension implements BeforeEachCallback, AfterEachCallback, TestExecutionExceptionHandler,
        ParameterResolver {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(WeftFaultsExtension.class);

    /** A failure's companion: what the fault provider did, and how to do it again. */
    public static final class FaultReport extends RuntimeException {
        private static final long serialVersionUID = 1L;

        FaultReport(String message) {
            super(message, null, false, false);
        }
    }

    /** The plan for a test: the nearest annotation, with {@code -Dweft.faults.seed} over its seed. */
    static FaultPlan plan(ExtensionContext context) {
        WeftFaults a = find(context.getElement()).or(() -> context.getTestClass().flatMap(c -> find(c)))
                .orElseThrow(() -> new IllegalStateException("no @WeftFaults on " + context.getDisplayName()));
        FaultPlan p = FaultPlan.profile(a.profile());
        if (!a.settings().isBlank()) {
            p = FaultPlan.parse("profile=" + a.profile() + " " + a.settings());
        }
        String forced = System.getProperty("weft.faults.seed");
        long seed = forced != null ? FaultPlan.parseSeed(forced)
                : a.seed() != WeftFaults.RANDOM ? a.seed()
                : FaultPlan.mix(System.nanoTime() ^ context.getUniqueId().hashCode());
        return p.withSeed(seed);
    }

    private static Optional<WeftFaults> find(Optional<? extends AnnotatedElement> e) {
        return e.flatMap(WeftFaultsExtension::find);
    }

    private static Optional<WeftFaults> find(AnnotatedElement e) {
        return Optional.ofNullable(e.getAnnotation(WeftFaults.class));
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        FaultPlan plan = plan(context);
        context.getStore(NS).put(FaultSession.class, Faults.session(plan));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        FaultSession s = context.getStore(NS).remove(FaultSession.class, FaultSession.class);
        if (s != null) {
            s.close();
        }
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        FaultSession s = context.getStore(NS).get(FaultSession.class, FaultSession.class);
        if (s != null && s.plan() != null) {
            FaultPlan p = s.plan();
            String report = "weft.faults: this test ran under " + p + "\n"
                    + "replay: -Dweft.faults.seed=" + p.seed() + " (run this test alone)\n" + s.log();
            System.err.println(report);
            failure.addSuppressed(new FaultReport(report));
        }
        throw failure;
    }

    @Override
    public boolean supportsParameter(ParameterContext pc, ExtensionContext ec) {
        Class<?> t = pc.getParameter().getType();
        return t == FaultSession.class || t == FaultLog.class || t == FaultPlan.class;
    }

    @Override
    public Object resolveParameter(ParameterContext pc, ExtensionContext ec) {
        FaultSession s = ec.getStore(NS).get(FaultSession.class, FaultSession.class);
        Class<?> t = pc.getParameter().getType();
        return t == FaultSession.class ? s : t == FaultLog.class ? s.log() : s.plan();
    }
}
