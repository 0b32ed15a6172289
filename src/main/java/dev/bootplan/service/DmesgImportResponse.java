package dev.bootplan.service;

import dev.bootplan.ingest.dmesg.InitcallRun;
import dev.bootplan.ingest.dmesg.ProbeResult;
import dev.bootplan.ingest.dmesg.ProbeRun;
import dev.bootplan.manifest.Manifest;
import dev.bootplan.report.ObservedBoot;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** What a dmesg import answers: counts, the plan that replays the boot, the observed boot, and every issue. */
@Schema(description = "A dmesg import: what was read, a plan that replays the boot in async mode, the observed boot, and every issue.")
public record DmesgImportResponse(
        @Schema(description = "What the log holds and how much of it the plan holds.") Summary summary,
        @Schema(description = "A manifest that, evaluated in async mode, replays the boot: built-in initcalls with their levels"
                + " and own times, module inits with their load overheads and the modules.dep chains one worker loaded,"
                + " devices with their probe times, the early boot, the hand-over to /init and userspace's time before"
                + " each coldplug.")
        Manifest plan,
        @Schema(description = "The boot as the log shows it, in the report's vocabulary.") ObservedBoot observed,
        @Schema(description = "Every skipped or doubtful line and every inference, in line order.") List<IssueView> issues,
        @Schema(description = "Issues beyond the first 1000, counted but not listed.", example = "0") long issuesDropped) {

    @Schema(name = "DmesgImportSummary", description = "Counts of what the log holds and of what the plan holds.")
    public record Summary(
            @Schema(description = "Lines in the log.", example = "1906") int lines,
            @Schema(description = "Initcalls paired calling→returned.", example = "703") int initcalls,
            @Schema(description = "Of which built in.", example = "656") int builtinInitcalls,
            @Schema(description = "Of which module inits.", example = "47") int moduleInits,
            @Schema(description = "Calling lines without a returned line.", example = "0") int unfinished,
            @Schema(description = "Probe lines.", example = "140") int probes,
            @Schema(description = "Probe lines inside an initcall or module init.", example = "124") int attributedProbes,
            @Schema(description = "Probe lines that returned ±517.", example = "8") int deferrals,
            @Schema(description = "Built-in initcalls in the plan.", example = "656") int planInitcalls,
            @Schema(description = "Modules in the plan.", example = "46") int planModules,
            @Schema(description = "Devices in the plan.", example = "57") int planDevices,
            @Schema(description = "Devices in the plan that defer first.", example = "5") int planDeferredDevices,
            @Schema(description = "Child probes folded into their parent's probe time.", example = "55") int childProbesFolded) {}

    public static DmesgImportResponse of(DmesgImportService.Imported in) {
        var log = in.log();
        var counts = in.plan().counts();
        int builtin = (int) log.initcalls().stream().filter(InitcallRun::builtin).count();
        int unfinished = (int) log.initcalls().stream().filter(r -> !r.finished()).count();
        Summary summary = new Summary(log.lines(), log.initcalls().size() - unfinished, builtin - (int) log.initcalls().stream()
                        .filter(r -> r.builtin() && !r.finished()).count(),
                (int) log.initcalls().stream().filter(r -> !r.builtin() && r.finished()).count(), unfinished,
                log.probes().size(), (int) log.probes().stream().filter(ProbeRun::attributed).count(),
                (int) log.probes().stream().filter(p -> p.result() == ProbeResult.deferred).count(),
                counts.builtinInitcalls(), counts.modules(), counts.devices(), counts.deferredDevices(),
                counts.childProbesFolded());
        return new DmesgImportResponse(summary, in.plan().manifest(), in.observed(),
                in.issues().stream().map(IssueView::of).toList(), log.issuesDropped());
    }
}
