package dev.bootplan.engine;

/**
 * A simulation would exceed one of its configured budgets (events and work, or report size); it is refused, not
 * left to run. {@link #property()} names the setting that applies.
 */
public final class WorkBudgetExceededException extends RuntimeException {

    static final String EVENTS = "bootplan.limits.max-events";
    static final String REPORT_SPANS = "bootplan.limits.max-report-spans";

    private final long budget;
    private final String property;

    public WorkBudgetExceededException(long budget, String what) {
        this(EVENTS, budget, "the simulation needs more than " + budget + " events (" + what + "); raise " + EVENTS
                + " or simplify the plan");
    }

    WorkBudgetExceededException(String property, long budget, String message) {
        super(message);
        this.budget = budget;
        this.property = property;
    }

    /** The report would hold more than {@code limit} spans or log lines. */
    static WorkBudgetExceededException reportTooLarge(long limit, long atUs) {
        return new WorkBudgetExceededException(REPORT_SPANS, limit, "the report would hold more than " + limit
                + " timeline spans or log lines (stopped at simulated time " + atUs + " us); raise " + REPORT_SPANS
                + " or simplify the plan");
    }

    public long budget() {
        return budget;
    }

    public String property() {
        return property;
    }
}
