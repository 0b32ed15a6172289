package dev.bootplan.engine.plan;

import java.util.List;

/**
 * A driver as the driver core sees it. {@code probeLock}: the CPU part of its probes holds a lock all its devices share
 * (e1000's e1000_eeprom_lock around every EEPROM word), so concurrent probes of it take turns computing.
 */
public record DriverPlan(
        String name, ProbeType probeType, boolean asyncUnsafe, List<String> firmware, boolean giveUpOnDeferTimeout,
        boolean probeLock) {

    public DriverPlan {
        firmware = List.copyOf(firmware);
    }

    /** A driver whose probes lock nothing their siblings need. */
    public DriverPlan(String name, ProbeType probeType, boolean asyncUnsafe, List<String> firmware, boolean giveUpOnDeferTimeout) {
        this(name, probeType, asyncUnsafe, firmware, giveUpOnDeferTimeout, false);
    }
}
