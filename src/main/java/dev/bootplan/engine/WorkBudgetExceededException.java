package dev.bootplan.engine;

/** A simulation would process more events than the configured budget allows; it is refused, not left to run. */
public final class WorkBudgetExceededException extends RuntimeException {

    private final long budget;

    public WorkBudgetExceededException(long budget, String what) {
        super("the simulation needs more than " + budget + " events (" + what + "); raise bootplan.limits.max-events or simplify the plan");
        this.budget = budget;
    }

    public long budget() {
        return budget;
    }
}
