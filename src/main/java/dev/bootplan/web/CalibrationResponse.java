package dev.bootplan.web;

import dev.bootplan.ingest.dmesg.ShareFit;
import dev.bootplan.manifest.Manifest;
import dev.bootplan.service.DmesgImportService;
import dev.bootplan.service.IssueView;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** What a calibration answers: the fitted plan, the shares it chose, and how well every boot replays. */
@Schema(description = "A calibration from two or more boots of one machine: the first log's plan with the CPU shares that make"
        + " every boot replay, the shares, and each boot's replay before and after the fit.")
record CalibrationResponse(
        @Schema(description = "The first log's plan (as POST /api/v1/imports/dmesg builds it) with the fitted shares: each"
                + " fitted driver's devices carry cpuPercent (and asyncWorkCpuPercent), the loads by name loadCpuPercent.")
        Manifest plan,
        @Schema(description = "The fitted shares, in the order they were fitted (most probe time first).") List<Share> shares,
        @Schema(description = "Every boot replayed with its own command line.") List<Boot> boots,
        @Schema(description = "Simulations the fit ran.", example = "400") int simulations,
        @Schema(description = "Every log's issues and the plan's, by source and line.") List<IssueView> issues) {

    @Schema(name = "CalibrationShare", description = "One fitted CPU share.")
    record Share(
            @Schema(description = "The driver (its probes and the work they start), or \"(module loads)\" for the loads by"
                    + " name.", example = "e1000") String driver,
            @Schema(description = "The share of its time spent on a CPU, in percent.", example = "88") int cpuPercent) {}

    @Schema(name = "CalibrationBoot", description = "One boot: its log's last device bound and the replay's, before and after the fit.")
    record Boot(
            @Schema(description = "The log's name.", example = "mixed-drvasync.dmesg") String source,
            @Schema(description = "Its command line, which the replay boots with.") String cmdline,
            @Schema(description = "When the log binds its last device the plan holds (µs).", example = "4120972") Long observedUs,
            @Schema(description = "The replay's, with the shares unknown (µs).", example = "3891836") Long beforeUs,
            @Schema(description = "The replay's, with the fitted shares (µs).", example = "4121283") Long afterUs,
            @Schema(description = "The replay's error after the fit, in percent of the observed time.", example = "0.0075")
            Double errorPercent) {}

    static CalibrationResponse of(DmesgImportService.Calibrated c) {
        ShareFit.Result fit = c.fit();
        List<Share> shares = fit.shares().entrySet().stream().map(e -> new Share(e.getKey(), e.getValue())).toList();
        List<Boot> boots = fit.boots().stream().map(b -> new Boot(b.source(), b.cmdline(), b.observedUs(), b.before(), b.after(),
                b.observedUs() == null || b.after() == null || b.observedUs() == 0 ? null
                        : Math.round(1_000_000.0 * (b.after() - b.observedUs()) / b.observedUs()) / 10_000.0)).toList();
        return new CalibrationResponse(fit.plan(), shares, boots, fit.simulations(), c.issues().stream().map(IssueView::of).toList());
    }
}
