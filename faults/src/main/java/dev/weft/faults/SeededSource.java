package dev.weft.faults;

import dev.weft.Errno;
import dev.weft.faults.FaultPlan.Knob;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A {@link FaultPlan}'s decisions: a pure function of the plan's seed, the socket's label,
 * the direction and the operation's number, so the same program under the same plan sees
 * the same faults however its threads interleave with the OS (an operation the OS answers
 * with EAGAIN is asked again with the same number and gets the same answer).
 */
final class SeededSource implements FaultSource {
    private final FaultPlan plan;
    private final double eintr;
    private final double spurious;
    private final double shortRead;
    private final double shortWrite;
    private final long shortMax;
    private final double readDelay;
    private final double writeDelay;
    private final long[] delayUs;
    private final double acceptEmfile;
    private final double acceptAborted;
    private final double acceptDelay;
    private final long[] acceptDelayUs;
    private final double connectRefused;
    private final double connectHang;
    private final long connectHangMs;
    private final double connectSlow;
    private final long[] connectSlowUs;
    private final double reset;
    private final double halfClose;
    private final long[] resetBytes;
    private final double drop;
    private final double duplicate;
    private final double reorder;
    private final double truncate;
    private final double dnsAgain;
    private final double dnsDelay;
    private final long[] dnsDelayUs;
    private final List<String> dnsNames;
    private final List<String> dnsNoname;
    private final boolean quiet;

    SeededSource(FaultPlan plan) {
        this.plan = plan;
        eintr = plan.probability(Knob.EINTR);
        spurious = plan.probability(Knob.SPURIOUS);
        shortRead = plan.probability(Knob.SHORT_READ);
        shortWrite = plan.probability(Knob.SHORT_WRITE);
        shortMax = Long.parseLong(plan.get(Knob.SHORT_MAX));
        readDelay = plan.probability(Knob.READ_DELAY);
        writeDelay = plan.probability(Knob.WRITE_DELAY);
        delayUs = plan.range(Knob.DELAY_US);
        acceptEmfile = plan.probability(Knob.ACCEPT_EMFILE);
        acceptAborted = plan.probability(Knob.ACCEPT_ECONNABORTED);
        acceptDelay = plan.probability(Knob.ACCEPT_DELAY);
        acceptDelayUs = plan.range(Knob.ACCEPT_DELAY_US);
        connectRefused = plan.probability(Knob.CONNECT_REFUSED);
        connectHang = plan.probability(Knob.CONNECT_HANG);
        connectHangMs = Long.parseLong(plan.get(Knob.CONNECT_HANG_MS));
        connectSlow = plan.probability(Knob.CONNECT_SLOW);
        connectSlowUs = plan.range(Knob.CONNECT_SLOW_US);
        reset = plan.probability(Knob.RESET);
        halfClose = plan.probability(Knob.HALF_CLOSE);
        resetBytes = plan.range(Knob.RESET_BYTES);
        drop = plan.probability(Knob.DGRAM_DROP);
        duplicate = plan.probability(Knob.DGRAM_DUPLICATE);
        reorder = plan.probability(Knob.DGRAM_REORDER);
        truncate = plan.probability(Knob.DGRAM_TRUNCATE);
        dnsAgain = plan.probability(Knob.DNS_AGAIN);
        dnsDelay = plan.probability(Knob.DNS_DELAY);
        dnsDelayUs = plan.range(Knob.DNS_DELAY_US);
        dnsNames = plan.names(Knob.DNS_NAMES);
        dnsNoname = plan.names(Knob.DNS_NONAME);
        quiet = plan.isEmpty();
    }

    FaultPlan plan() {
        return plan;
    }

    @Override
    public boolean isQuiet() {
        return quiet;
    }

    /** Walks the probabilities in order with one uniform draw: the first one hit wins. */
    private static final class Pick {
        double u;

        Pick(SplittableRandom r) {
            u = r.nextDouble();
        }

        boolean hit(double p) {
            if (u < p) {
                return true;
            }
            u -= p;
            return false;
        }
    }

    @Override
    public Fault decide(SocketInfo s, Call call, long seq, long want) {
        Call dir = call.direction();
        if (dir == Call.CONNECT && seq > 0) {
            return null; // one decision per connect: the core asks connect(2) again for the outcome
        }
        if (dir == Call.RESOLVE) {
            String host = s.label().substring("dns:".length());
            if (dnsNoname.contains(host)) {
                return new Fault.Gai("EAI_NONAME");
            }
            if (!dnsNames.isEmpty() && !dnsNames.contains(host)) {
                return null;
            }
        }
        SplittableRandom r = plan.random(s.label(), dir, seq);
        Pick p = new Pick(r);
        switch (dir) {
            case CONNECT -> {
                if (!s.isConnectionOriented()) {
                    return null;
                }
                if (p.hit(connectRefused)) {
                    return new Fault.Fail(Errno.ECONNREFUSED);
                }
                if (p.hit(connectHang)) {
                    return new Fault.Hang(connectHangMs);
                }
                if (p.hit(connectSlow)) {
                    return new Fault.Delay(uniform(r, connectSlowUs));
                }
                if (p.hit(eintr)) {
                    return new Fault.Fail(Errno.EINTR);
                }
                return null;
            }
            case ACCEPT -> {
                if (p.hit(acceptEmfile)) {
                    return new Fault.Fail(Errno.EMFILE);
                }
                if (p.hit(acceptAborted)) {
                    return new Fault.Fail(Errno.ECONNABORTED);
                }
                if (p.hit(acceptDelay)) {
                    return new Fault.Delay(uniform(r, acceptDelayUs));
                }
                return common(p);
            }
            case RECV -> {
                if (p.hit(readDelay)) {
                    return new Fault.Delay(uniform(r, delayUs));
                }
                if (s.isStream() && p.hit(shortRead)) {
                    return new Fault.Short(shortLength(r));
                }
                if (s.isUdp() && call == Call.RECV && p.hit(truncate)) {
                    return new Fault.Truncate(r.nextDouble());
                }
                return common(p);
            }
            case SEND -> {
                if (p.hit(writeDelay)) {
                    return new Fault.Delay(uniform(r, delayUs));
                }
                if (s.isStream() && p.hit(shortWrite)) {
                    return new Fault.Short(shortLength(r));
                }
                if (s.isUdp() && call == Call.SEND) {
                    if (p.hit(drop)) {
                        return new Fault.Drop();
                    }
                    if (p.hit(duplicate)) {
                        return new Fault.Duplicate();
                    }
                    if (p.hit(reorder)) {
                        return new Fault.Reorder();
                    }
                }
                return common(p);
            }
            case CONNECTION -> {
                if (!s.isStream()) {
                    return null;
                }
                if (p.hit(reset)) {
                    return new Fault.Reset(uniform(r, resetBytes));
                }
                if (p.hit(halfClose)) {
                    return new Fault.HalfClose(uniform(r, resetBytes));
                }
                return null;
            }
            case RESOLVE -> {
                if (p.hit(dnsAgain)) {
                    return new Fault.Gai("EAI_AGAIN");
                }
                if (p.hit(dnsDelay)) {
                    return new Fault.Delay(uniform(r, dnsDelayUs));
                }
                return null;
            }
            default -> {
                return null;
            }
        }
    }

    private Fault common(Pick p) {
        if (p.hit(spurious)) {
            return new Fault.Fail(Errno.EAGAIN);
        }
        if (p.hit(eintr)) {
            return new Fault.Fail(Errno.EINTR);
        }
        return null;
    }

    /** Log-uniform in [1, short-max]: mostly small, now and then large; independent of what was asked, so timing cannot change it. */
    private int shortLength(SplittableRandom r) {
        return (int) Math.max(1, Math.min(shortMax, (long) Math.pow(shortMax, r.nextDouble())));
    }

    private static long uniform(SplittableRandom r, long[] range) {
        return range[0] == range[1] ? range[0] : r.nextLong(range[0], range[1] + 1);
    }
}
