package dev.bootplan.engine.mode;

import dev.bootplan.engine.plan.Plan;
import java.util.List;

/** What a mode may read to decide its policy: the plan, the knobs as this kernel reads them, the hazards found. */
public interface PolicyInputs {

    Plan plan();

    /** Whether the kernel has asynchronous probing at all (v4.2+). */
    boolean asyncProbingExists();

    /** driver_async_probe= asks for this driver, as this kernel version reads it. */
    boolean driverRequestedOnCmdline(int driver);

    /** The module's async_probe_requested, as this kernel version reads its options and the command line. */
    boolean moduleRequested(int module);

    /** async_probe_requested of every module, as declared (indexed like the plan's modules). */
    default boolean[] modulesRequested() {
        boolean[] requested = new boolean[plan().modules().size()];
        for (int m = 0; m < requested.length; m++) {
            requested[m] = moduleRequested(m);
        }
        return requested;
    }

    /** The module registering the driver, or -1 for a built-in (its owner is NULL). */
    int ownerModule(int driver);

    /** Drivers that are hazardous to probe asynchronously, and why. */
    List<Hazard> hazards();

    /**
     * drivers/base/dd.c: driver_allows_async_probing(), for a given probe type: PREFER_ASYNC → async,
     * FORCE_SYNC → sync, otherwise the command line, then the owning module's async_probe_requested.
     */
    default boolean allowsAsync(int driver, dev.bootplan.engine.plan.ProbeType type, boolean[] moduleRequested) {
        if (!asyncProbingExists()) {
            return false;
        }
        return switch (type) {
            case PREFER_ASYNC -> true;
            case FORCE_SYNC -> false;
            case DEFAULT -> driverRequestedOnCmdline(driver)
                    || (ownerModule(driver) >= 0 && moduleRequested[ownerModule(driver)]);
        };
    }

    /** A driver and the reason it is unsafe to probe asynchronously. */
    record Hazard(int driver, String reason) {}
}
