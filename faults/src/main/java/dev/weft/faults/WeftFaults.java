package dev.weft.faults;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs each test of a class, or one test, under a fault plan: every socket weft opens
 * during the test (in the test's own code or the code it calls) goes through the fault
 * provider. When the test fails, the failure carries the seed, the plan and the log of
 * injected faults, and one system property replays it:
 * {@code -Dweft.faults.seed=N} (it overrides the annotation's seed for every test, so
 * run the one test: {@code -Dtest=MyTest#myCase}).
 *
 * <pre>{@code
 * @WeftFaults(profile = "short-reads")
 * class MyClientTest {
 *     @Test
 *     void readsWholeReplies(FaultSession faults) throws IOException {   // the parameter is optional
 *         assertEquals("hello", MyClient.fetch(server));
 *     }
 * }
 * }</pre>
 *
 * The provider is installed as weft's provider for the JVM ({@link Faults#installed()}),
 * so weft must not have been used in the test JVM before the first such test, unless it
 * runs with {@code -Dweft.provider=faults}. Between tests it injects nothing.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(WeftFaultsExtension.class)
public @interface WeftFaults {
    /** {@link #seed()}'s default: a fresh seed per test, printed if it fails. */
    long RANDOM = Long.MIN_VALUE;

    /** The profile ({@link FaultPlan#profiles()}). */
    String profile() default "flaky-lan";

    /** The seed; {@link #RANDOM} for a new one each run. */
    long seed() default RANDOM;

    /** Settings over the profile's, as {@link FaultPlan#parse} reads them ({@code "dgram-drop=0.5 short-max=8"}). */
    String settings() default "";
}
