package dev.bootplan.advice;

/**
 * What the caller asks of the advice.
 *
 * @param goal the milestone to make early
 * @param headroomPercent how much slower than the plan's probe times every device must still fit under a recommended
 *     timeout (50: probes may take 1.5 × as long)
 * @param minGainUs the least a milestone must move for a line to count as helping (smaller moves are ties)
 * @param maxEvaluations the most simulations the search may run (it stops early and says so when they run out)
 * @param maxEvents the most simulated events all those simulations together may process
 */
public record AdviceOptions(Goal goal, int headroomPercent, long minGainUs, int maxEvaluations, long maxEvents) {

    public static final int DEFAULT_HEADROOM_PERCENT = 50;
    public static final long DEFAULT_MIN_GAIN_US = 1_000;
    public static final int DEFAULT_MAX_EVALUATIONS = 200;
    /** The most a request may ask for: a search's cost grows with it, and every face refuses more alike. */
    public static final int MAX_EVALUATIONS = 2000;
    public static final int MAX_HEADROOM_PERCENT = 1000;

    public AdviceOptions {
        if (goal == null || headroomPercent < 0 || minGainUs < 1 || maxEvaluations < 1 || maxEvents < 1) {
            throw new IllegalArgumentException("advice options out of range");
        }
    }

    /** The defaults: every device bound and settled as early as possible, 50 % headroom, 1 ms, 200 simulations. */
    public static AdviceOptions defaults(long maxEvents) {
        return new AdviceOptions(Goal.allDevicesSettled, DEFAULT_HEADROOM_PERCENT, DEFAULT_MIN_GAIN_US,
                DEFAULT_MAX_EVALUATIONS, maxEvents);
    }
}
