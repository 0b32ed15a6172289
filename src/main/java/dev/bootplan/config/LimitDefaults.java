package dev.bootplan.config;

/**
 * The defaults of {@code bootplan.limits.*}, in one place: {@link BootPlanProperties} names them in its
 * {@code @DefaultValue}s for the service, and the command line reads them as they are. Plain constants, so that the
 * command line reaches them without loading Spring.
 */
public final class LimitDefaults {

    public static final long MAX_BODY_BYTES = 8L << 20;
    public static final long MAX_IMPORT_BYTES = 64L << 20;
    public static final int MAX_DEVICES = 200_000;
    public static final int MAX_MODULES = 10_000;
    public static final int MAX_DRIVERS = 20_000;
    public static final int MAX_INITCALLS = 20_000;
    public static final long MAX_EVENTS = 20_000_000L;
    public static final long MAX_REPORT_SPANS = 2_000_000L;
    public static final long REQUEST_DEADLINE_SECONDS = 10;
    public static final int MAX_CONCURRENT_RUNS = 0;
    /** As long as a run may take: a pipeline would rather wait its turn than retry; the queue's bound refuses floods. */
    public static final long ADMISSION_WAIT_SECONDS = 10;
    /** 0: four waiting requests per simulation thread. */
    public static final int MAX_QUEUED_RUNS = 0;

    private LimitDefaults() {}
}
