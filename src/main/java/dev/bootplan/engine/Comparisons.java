package dev.bootplan.engine;

import dev.bootplan.engine.plan.Plan;
import dev.bootplan.report.Comparison;
import dev.bootplan.report.DeviceState;
import dev.bootplan.report.ModeSummary;
import dev.bootplan.report.Report;
import dev.bootplan.report.Severity;
import java.util.List;

/** Puts the reports of the four modes side by side, each measured against sync (the first). */
public final class Comparisons {

    private Comparisons() {}

    public static Comparison of(Plan plan, List<Report> reports) {
        long syncSettled = reports.getFirst().milestones().allDevicesSettledUs();
        List<ModeSummary> rows = reports.stream().map(r -> summary(r, syncSettled)).toList();
        return new Comparison(plan.name(), plan.kernel().toString(), rows, reports);
    }

    private static ModeSummary summary(Report r, long syncSettled) {
        int bound = 0;
        int failed = 0;
        for (var d : r.devices()) {
            if (d.state() == DeviceState.bound) {
                bound++;
            } else if (d.state() == DeviceState.failed) {
                failed++;
            }
        }
        int killed = (int) r.modules().stream().filter(m -> m.killed()).count();
        int errors = (int) r.warnings().stream().filter(w -> w.severity() == Severity.error).count();
        int warnings = (int) r.warnings().stream().filter(w -> w.severity() == Severity.warning).count();
        var ms = r.milestones();
        return new ModeSummary(r.mode(), ms.initStartUs(), ms.udevSettledUs(), ms.allDevicesSettledUs(),
                syncSettled - ms.allDevicesSettledUs(), bound, failed, r.devices().size() - bound - failed, killed, errors, warnings);
    }
}
