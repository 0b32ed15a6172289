package dev.bootplan.advice;

import dev.bootplan.report.DeviceLimit;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

@Schema(description = "One line to ship: where it goes, exactly as written, what it replaces, what it buys alone and what it risks.")
public record AdviceLine(
        @Schema(description = "Where the line goes: kernel-cmdline (append to the kernel command line) or modprobe.d (a line "
                + "of /etc/modprobe.d/*.conf; rebuild the initramfs when the module is loaded from it).",
                example = "modprobe.d", allowableValues = {"kernel-cmdline", "modprobe.d"}) String where,
        @Schema(description = "The line exactly as it is written; null when the line only removes something.",
                example = "options mpt3sas async_probe=1") String text,
        @Schema(description = "What the plan as written has that this line replaces (take it out).") List<Removal> removes,
        @Schema(description = "The module, driver or knob it is about.", example = "mpt3sas") String subject,
        @Schema(description = "setting: it changes the predicted boot; cleanup: it removes a knob this kernel ignores "
                + "(the engine's KNOB_INEFFECTIVE finding), so it changes nothing.", example = "setting",
                allowableValues = {"setting", "cleanup"}) String kind,
        @Schema(description = "Why, in a sentence.") String reason,
        @Schema(description = "The plan as written with this line alone, simulated.") Outcome alone,
        @Schema(description = "The goal milestone of the plan as written minus that of this line alone (positive: earlier).",
                example = "16522160") long gainAloneUs,
        @Schema(description = "What the whole set loses on the goal milestone without this line (positive: the line "
                + "helps within the set, which a line that only helps together with others shows here, not alone).",
                example = "444560") long gainInSetUs,
        @Schema(description = "The first milestone, in the order the search weighs them (the goal, then every device "
                + "settled, udev settled, root mounted, /init, initcalls done), that the set reaches later without this "
                + "line, and by how much (µs); null for a cleanup.", example = "udevSettled +3982680") String helpsInSet,
        @Schema(description = "What the line risks, each a sentence; empty when the rules find none.") List<String> risks,
        @Schema(description = "For a udev timeout: the device limit of the driver that set it, at the recommended timeout; "
                + "null otherwise.") DeviceLimit deviceLimit) {

    public AdviceLine {
        removes = List.copyOf(removes);
        risks = List.copyOf(risks);
    }

    @Schema(description = "A fragment of the plan as written to take out.")
    public record Removal(
            @Schema(description = "kernel-cmdline or modprobe.d.", example = "kernel-cmdline") String where,
            @Schema(description = "The fragment as written (for modprobe.d: options <module> <option>).",
                    example = "driver_async_probe=sd_mod") String text) {}
}
