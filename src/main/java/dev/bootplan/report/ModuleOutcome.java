package dev.bootplan.report;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

@Schema(description = "One module's load and the udev event that loaded it.")
public record ModuleOutcome(
        @Schema(description = "Module name.", example = "mpt3sas") String name,
        @Schema(description = "When finit_module() was entered, null if never loaded.", example = "3000000") Long loadStartUs,
        @Schema(description = "When finit_module() returned, null if never loaded.", example = "4500000") Long loadEndUs,
        @Schema(description = "Whether the load had async_probe_requested.", example = "false") boolean asyncProbeRequested,
        @Schema(description = "When udev warns about the event that loaded it (T/3 after hand-off), null when it has no event or no warning.", example = "63000000") Long warnAtUs,
        @Schema(description = "When udev kills that event's worker.", example = "183000000") Long killAtUs,
        @Schema(description = "Whether the load ran past the warning.", example = "false") boolean warned,
        @Schema(description = "Whether the load ran past the kill.", example = "false") boolean killed,
        @Schema(description = "Modules whose async work held this load in do_init_module()'s global wait.", example = "[]") List<String> waitedOn) {

    public ModuleOutcome {
        waitedOn = List.copyOf(waitedOn);
    }
}
