package dev.bootplan.report;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** A simulated boot held against a real one: every milestone, call and device probe both show, side by side. */
@Schema(description = "Predicted vs observed: per milestone, initcall, module init and device, the difference in end time.")
public record PredictionCheck(
        @Schema(description = "The mode simulated.", example = "async") String mode,
        @Schema(description = "Summary over the built-in initcalls both show.") Agreement initcalls,
        @Schema(description = "Milestones.") List<Difference> milestones,
        @Schema(description = "Built-in initcalls, in log order.") List<Difference> builtins,
        @Schema(description = "Module inits, in log order.") List<Difference> modules,
        @Schema(description = "Devices (the probe that bound each), in log order.") List<Difference> devices) {

    public PredictionCheck {
        milestones = List.copyOf(milestones);
        builtins = List.copyOf(builtins);
        modules = List.copyOf(modules);
        devices = List.copyOf(devices);
    }

    /** How closely the built-in initcalls' end times agree. */
    @Schema(description = "How closely the built-in initcalls' end times agree.")
    public record Agreement(
            @Schema(description = "Initcalls both show.", example = "656") int compared,
            @Schema(description = "Only in the log.", example = "0") int onlyObserved,
            @Schema(description = "Only in the prediction.", example = "0") int onlyPredicted,
            @Schema(description = "Compared initcalls whose end is within 1 % of the log's.", example = "656") int withinOnePercent,
            @Schema(description = "The largest |difference| / observed, in percent.", example = "0.0") double worstRelativePercent,
            @Schema(description = "The initcall with that difference.", example = "deferred_probe_initcall") String worst) {}
}
