package dev.bootplan.advice;

import dev.bootplan.report.Milestones;
import java.util.function.Function;

/** The milestone the advice makes as early as it can, once no device is bound fewer than in the plan as written. */
public enum Goal {
    allDevicesSettled(m -> m.allDevicesSettledUs()),
    udevSettled(Milestones::udevSettledUs),
    rootMounted(Milestones::rootMountedUs),
    initStart(Milestones::initStartUs),
    initcallsDone(m -> m.initcallsDoneUs());

    private final Function<Milestones, Long> read;

    Goal(Function<Milestones, Long> read) {
        this.read = read;
    }

    /** The milestone's time, or {@link Long#MAX_VALUE} when the boot never reaches it. */
    public long of(Milestones m) {
        Long t = read.apply(m);
        return t == null ? Long.MAX_VALUE : t;
    }
}
