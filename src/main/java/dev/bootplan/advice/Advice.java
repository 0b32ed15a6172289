package dev.bootplan.advice;

import dev.bootplan.report.ModeSummary;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

@Schema(description = "The settings to ship for a plan: each line as written, its gain alone and its risks, the whole "
        + "set's gain, the broad knobs weighed, the four modes for reference, and how the search ran.")
public record Advice(
        @Schema(description = "The manifest's name.", example = "storage-server") String plan,
        @Schema(description = "Kernel version the knob rules were chosen for.", example = "6.12") String kernelVersion,
        @Schema(description = "systemd version the udev rules were chosen for.", example = "257") int systemdVersion,
        @Schema(description = "The milestone minimised (after every device the plan binds stays bound).",
                example = "allDevicesSettled") Goal goal,
        @Schema(description = "Headroom kept by recommended timeouts, in percent of the plan's probe times.", example = "50")
        int headroomPercent,
        @Schema(description = "The plan as written (the async mode: the kernel reading the manifest's own knobs).") Outcome before,
        @Schema(description = "The plan with every recommended line.") Outcome after,
        @Schema(description = "before minus after on the goal milestone (positive: earlier).", example = "16966720") long gainUs,
        @Schema(description = "The lines to ship, in the order: kernel command line, then modprobe.d.") List<AdviceLine> lines,
        @Schema(description = "Broad knobs (module.async_probe=1, driver_async_probe=*) weighed against the lines.")
        List<Assessment> assessments,
        @Schema(description = "Risks in the plan as written that no searched setting removes (each with its fix).")
        List<String> remainingRisks,
        @Schema(description = "The four probing modes for reference, measured against sync.") List<ModeSummary> modes,
        @Schema(description = "How the search ran.") SearchSummary search) {

    public Advice {
        lines = List.copyOf(lines);
        assessments = List.copyOf(assessments);
        remainingRisks = List.copyOf(remainingRisks);
        modes = List.copyOf(modes);
    }

    /** The lines to ship as one text block: command-line fragments on one line, then the modprobe.d lines. */
    public String shipText() {
        StringBuilder cmd = new StringBuilder();
        StringBuilder mod = new StringBuilder();
        StringBuilder removed = new StringBuilder();
        for (AdviceLine l : lines) {
            for (AdviceLine.Removal r : l.removes()) {
                removed.append("# remove ").append(r.where().equals(Edits.CMDLINE) ? "from the kernel command line: "
                        : "from modprobe.d: ").append(r.text()).append('\n');
            }
            if (l.text() == null) {
                continue;
            }
            if (l.where().equals(Edits.CMDLINE)) {
                cmd.append(cmd.isEmpty() ? "" : " ").append(l.text());
            } else {
                mod.append(l.text()).append('\n');
            }
        }
        StringBuilder out = new StringBuilder(removed);
        if (!cmd.isEmpty()) {
            out.append("# kernel command line (append)\n").append(cmd).append('\n');
        }
        if (!mod.isEmpty()) {
            out.append("# /etc/modprobe.d/bootplan.conf (then rebuild the initramfs)\n").append(mod);
        }
        return out.toString();
    }
}
