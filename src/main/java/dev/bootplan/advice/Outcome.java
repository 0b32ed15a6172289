package dev.bootplan.advice;

import dev.bootplan.report.DeviceState;
import dev.bootplan.report.Milestones;
import dev.bootplan.report.Report;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Set;

@Schema(description = "What one simulated configuration gives: devices bound and lost, async-hazard risks taken, milestones.")
public record Outcome(
        @Schema(description = "Devices bound.", example = "313") int bound,
        @Schema(description = "Devices failed (udev kills, missing firmware…).", example = "0") int failed,
        @Schema(description = "Devices left deferred or never probed.", example = "0") int notBound,
        @Schema(description = "Drivers with an async hazard (firmware only on the root filesystem before it is mounted, "
                + "userspace expecting the device right after loading, unordered built-in suppliers, marked async-unsafe) "
                + "that probe asynchronously.", example = "0") int risksTaken,
        @Schema(description = "When the boot reaches its milestones (µs).") Milestones milestones) {

    static Outcome of(Report r, Set<String> hazardous) {
        int bound = 0;
        int failed = 0;
        java.util.Set<String> risky = new java.util.TreeSet<>();
        for (var d : r.devices()) {
            if (d.state() == DeviceState.bound) {
                bound++;
            } else if (d.state() == DeviceState.failed) {
                failed++;
            }
            if (d.async() && hazardous.contains(d.driver())) {
                risky.add(d.driver());
            }
        }
        return new Outcome(bound, failed, r.devices().size() - bound - failed, risky.size(), r.milestones());
    }
}
