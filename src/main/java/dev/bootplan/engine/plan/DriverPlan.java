package dev.bootplan.engine.plan;

import java.util.List;

/** A driver as the driver core sees it. */
public record DriverPlan(
        String name, ProbeType probeType, boolean asyncUnsafe, List<String> firmware, boolean giveUpOnDeferTimeout) {

    public DriverPlan {
        firmware = List.copyOf(firmware);
    }
}
