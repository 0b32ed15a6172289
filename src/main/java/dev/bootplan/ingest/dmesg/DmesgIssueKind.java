package dev.bootplan.ingest.dmesg;

import dev.bootplan.ingest.IssueKind;
import dev.bootplan.ingest.IssueSeverity;

/** What the dmesg importer skipped or doubted, one constant per kind of place in a log. */
public enum DmesgIssueKind implements IssueKind {
    /** Nothing in the input is an initcall_debug line: there is no boot to import. */
    NO_INITCALLS("no-initcalls", IssueSeverity.error),
    /** "calling" lines, but no "initcall … returned" line pairs with any: no initcall has a time, nothing to replay. */
    NO_INITCALL_RETURNED("no-initcall-returned", IssueSeverity.error),
    /** More stamps go back than forward (a log printed newest first): no span in it can be read. */
    TIME_RUNS_BACKWARDS("time-runs-backwards", IssueSeverity.error),
    /** The first kept line is not at the start of the boot: the ring buffer dropped what came before. */
    TRUNCATED_START("truncated-start", IssueSeverity.info),
    /** A "calling" line that belongs to a device (a PCI quirk), not to init/main.c. */
    NOT_AN_INITCALL("not-an-initcall", IssueSeverity.info),
    /** An initcall_debug line without a [seconds.micros] stamp: its time is unknown, so it is not used. */
    NO_TIMESTAMP("no-timestamp", IssueSeverity.warning),
    /** A [ … ] prefix that is not seconds.micros. */
    BAD_TIMESTAMP("bad-timestamp", IssueSeverity.warning),
    /** A stamp earlier than the line before it (printk from another CPU); kept as printed. */
    TIME_WENT_BACKWARDS("time-went-backwards", IssueSeverity.info),
    /** Starts like an initcall_debug line but does not fit its format. */
    MALFORMED_LINE("malformed-line", IssueSeverity.warning),
    /** One initcall_debug line split over two physical lines; joined. */
    WRAPPED_LINE("wrapped-line", IssueSeverity.info),
    /** A second stamped message inside a line; split and both read. */
    INTERLEAVED_LINE("interleaved-line", IssueSeverity.info),
    /** A line longer than the importer reads; the rest is ignored. */
    LINE_TOO_LONG("line-too-long", IssueSeverity.warning),
    /** "initcall … returned" with no open "calling" for it (its start was lost): skipped. */
    UNMATCHED_RETURN("unmatched-return", IssueSeverity.warning),
    /** A "calling" never followed by its "returned" (the log ends, or the line was lost): kept as unfinished. */
    UNFINISHED_INITCALL("unfinished-initcall", IssueSeverity.warning),
    /** A probe line with no initcall or module load around it (async probe, retry, or lost context). */
    UNATTRIBUTED_PROBE("unattributed-probe", IssueSeverity.info),
    /** A probe line inside more than one open module load, with no caller id to choose: left unattributed. */
    AMBIGUOUS_PROBE("ambiguous-probe", IssueSeverity.warning),
    /** An initcall's reported duration disagrees with its stamps (coarse clock before the clocksource switch). */
    DURATION_MISMATCH("duration-mismatch", IssueSeverity.info),
    /** A probe return code read by a convention the log does not confirm (kernel version unknown). */
    PROBE_CONVENTION_ASSUMED("probe-convention-assumed", IssueSeverity.info),
    /** An initcall seen before any "entering initcall level:" line; its level is not in the log. */
    LEVEL_UNKNOWN("level-unknown", IssueSeverity.info),

    // Building a plan from the log: what the plan could not hold as the log shows it, and what it inferred.
    /** Initcalls without a level in the log are placed at the level before the first one it enters. */
    LEVEL_ASSUMED("level-assumed", IssueSeverity.info),
    /** A log without level lines: a built-in initcall whose level the kernel's source fixes places it and those after it. */
    LEVEL_FROM_SOURCE("level-from-source", IssueSeverity.info),
    /** The log prints no kernel version and the request gave none. */
    VERSION_ASSUMED("version-assumed", IssueSeverity.warning),
    /** A deferred device's supplier is not in the log; the first device bound after the deferral stands in. */
    SUPPLIER_INFERRED("supplier-inferred", IssueSeverity.info),
    /** A device bound outside every initcall after a deferral: its driver probes asynchronously. */
    ASYNC_INFERRED("async-inferred", IssueSeverity.info),
    /** A probe the plan cannot hold as a device (failed, never bound, bound elsewhere): its time stays in its call's own time. */
    PROBE_TIME_KEPT("probe-time-kept", IssueSeverity.info),
    /** A call's probes add up to more than its span (concurrent probes): its own time is 0. */
    OWN_TIME_NEGATIVE("own-time-negative", IssueSeverity.warning),
    /** The plan's userspace startup times, read off /init, the root mount and the first module inits. */
    USERSPACE_INFERRED("userspace-inferred", IssueSeverity.info),
    /** Something the log shows that the evaluator's validation refuses in a plan: left out, at its line. */
    NOT_PLACED("not-placed", IssueSeverity.warning),
    /** Why a driver dd.c shows probing asynchronously is async: its own probe type, or a knob on the command line. */
    PROBE_TYPE_FROM_LOG("probe-type-from-log", IssueSeverity.info),
    /** A device that appeared after its driver was registered: found by work its parent's probe started. */
    DEVICE_DISCOVERED("device-discovered", IssueSeverity.info),
    /** Whether work a probe started is waited for (the async domain) or not (a work queue), read off when it ended. */
    WORK_QUEUE_ASSUMED("work-queue-assumed", IssueSeverity.info),
    /** "Waiting for root device": rootwait, and the plan's root device is the one bound last before the root mount. */
    ROOT_DEVICE_INFERRED("root-device-inferred", IssueSeverity.info),
    /** Module loads udev did not start, replayed as userspace loads by name: who, in what order, and what was assumed. */
    LOADS_BY_NAME("loads-by-name", IssueSeverity.info),
    /** A module whose init ran twice in the log; the plan keeps the first. */
    DUPLICATE_MODULE("duplicate-module", IssueSeverity.warning);

    private final String code;
    private final IssueSeverity severity;

    DmesgIssueKind(String code, IssueSeverity severity) {
        this.code = code;
        this.severity = severity;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public IssueSeverity severity() {
        return severity;
    }
}
