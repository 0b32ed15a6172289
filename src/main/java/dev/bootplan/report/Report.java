package dev.bootplan.report;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

@Schema(description = "The predicted boot of one plan under one probing mode. Times are integer microseconds from the start of the boot.")
public record Report(
        @Schema(description = "The manifest's name.", example = "storage-server") String plan,
        @Schema(description = "The probing mode simulated.", example = "async",
                allowableValues = {"sync", "async", "forced-sync", "debug-force-all"}) String mode,
        @Schema(description = "Kernel version the rules were chosen for.", example = "6.12") String kernelVersion,
        @Schema(description = "What the engine read from the command line and settings.") EffectiveKnobs knobs,
        @Schema(description = "When the boot reached its milestones.") Milestones milestones,
        @Schema(description = "Every device's outcome, in manifest order.") List<DeviceOutcome> devices,
        @Schema(description = "Every module load and its udev event, in manifest order.") List<ModuleOutcome> modules,
        @Schema(description = "Spans on lanes (pid1, async-N, udev-worker-N, deferred), ordered by start, then lane.") List<Span> timeline,
        @Schema(description = "Findings, ordered by time then code.") List<Finding> warnings,
        @Schema(description = "How many devices of each driver fit under the udev timeout.") List<DeviceLimit> deviceLimits,
        @Schema(description = "Drivers the mode changed from what the manifest says (forced sync, ignored annotations, overridden FORCE_SYNC).") List<ModeChange> modeChanges,
        @Schema(description = "Whether the configuration taints the kernel (debug-force-all uses out-of-tree debug knobs).", example = "false") boolean tainted,
        @Schema(description = "Simulated events processed.", example = "1234") long events,
        @Schema(description = "The bounds of the prediction while some CPU shares are unknown; null when the plan states "
                + "every share.") Uncertainty uncertainty) {

    public Report {
        devices = List.copyOf(devices);
        modules = List.copyOf(modules);
        timeline = List.copyOf(timeline);
        warnings = List.copyOf(warnings);
        deviceLimits = List.copyOf(deviceLimits);
        modeChanges = List.copyOf(modeChanges);
    }

    /** The same report with its bounds. */
    public Report withUncertainty(Uncertainty bounds) {
        return new Report(plan, mode, kernelVersion, knobs, milestones, devices, modules, timeline, warnings, deviceLimits,
                modeChanges, tainted, events, bounds);
    }
}
