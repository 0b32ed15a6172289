package dev.bootplan.service;

import dev.bootplan.ingest.modules.ModuleMetadataImport;
import dev.bootplan.manifest.Manifest;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** What a module-metadata import answers: counts, the plan skeleton, and every issue. */
@Schema(description = "A module-metadata import: what was read, the plan skeleton, and every issue.")
public record ModulesImportResponse(
        @Schema(description = "What the inputs hold and how much of it the plan holds.") Summary summary,
        @Schema(description = "A manifest for the whole kernel: every module with its modules.dep dependencies, built-in "
                + "modules as device-level initcalls, and the machine's devices bound as udev's kmod would bind them. "
                + "Times are defaults unless a dmesg was given; evaluate it as it is or edit it.")
        Manifest plan,
        @Schema(description = "Every skipped or doubtful line and every inference: the metadata's, by input, then the"
                + " log's.") List<IssueView> issues,
        @Schema(description = "Issues beyond the first 1000 of an input, counted but not listed.", example = "0")
        long issuesDropped) {

    @Schema(name = "ModulesImportSummary", description = "Counts of what the inputs hold and of what the plan holds.")
    public record Summary(
            @Schema(description = "Modules in modules.dep.", example = "4023") int modules,
            @Schema(description = "Built-in modules (modules.builtin), each a device-level initcall.", example = "186")
            int builtinModules,
            @Schema(description = "Alias patterns usable for matching (modules.alias and built-in modinfo).", example = "26282")
            int aliases,
            @Schema(description = "Devices the machine lists (modaliases).", example = "27") int devicesListed,
            @Schema(description = "Devices in the plan (some module or built-in binds them).", example = "13") int devicesInPlan,
            @Schema(description = "Of which bound by built-in drivers.", example = "1") int devicesBuiltin,
            @Schema(description = "Devices no module claims, left out.", example = "14") int devicesUnmatched,
            @Schema(description = "Drivers in the plan, one per module or built-in with devices.", example = "9") int drivers,
            @Schema(description = "Module init times taken from the log.", example = "0") int moduleInitsFromLog,
            @Schema(description = "Device probe times taken from the log.", example = "0") int probeTimesFromLog,
            @Schema(description = "Built-in initcalls taken from the log.", example = "0") int initcallsFromLog) {}

    public static ModulesImportResponse of(ModulesImportService.Imported in) {
        ModuleMetadataImport.Counts c = in.result().counts();
        Summary summary = new Summary(c.modules(), c.builtinModules(), c.aliases(), c.devicesListed(), c.devicesInPlan(),
                c.devicesBuiltin(), c.devicesUnmatched(), c.drivers(), c.moduleInitsFromLog(), c.probeTimesFromLog(),
                c.initcallsFromLog());
        return new ModulesImportResponse(summary, in.result().manifest(), in.issues().stream().map(IssueView::of).toList(),
                in.issuesDropped());
    }
}
