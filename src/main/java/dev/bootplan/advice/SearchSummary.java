package dev.bootplan.advice;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

@Schema(description = "How the lines were found: the space searched, the simulations run, and whether the set is proved best.")
public record SearchSummary(
        @Schema(description = "exhaustive: every combination of the searched settings was simulated; coordinate-descent: "
                + "greedy steps (the best single change each round), then an ablation of every kept line.",
                example = "coordinate-descent", allowableValues = {"exhaustive", "coordinate-descent"}) String method,
        @Schema(description = "The settings searched, each with the values it could take besides the plan as written.")
        List<String> searched,
        @Schema(description = "Combinations in the searched space (a setting's values times the others').", example = "4096")
        long spaceSize,
        @Schema(description = "Simulations run, the comparison of the four modes and each line's own check included.",
                example = "48") int evaluations,
        @Schema(description = "Simulated events they processed together.", example = "6800") long events,
        @Schema(description = "Whether the set is proved best within the searched space (it was searched exhaustively).",
                example = "false") boolean provedBest,
        @Schema(description = "Whether the search stopped because the evaluation or event budget ran out.", example = "false")
        boolean stoppedEarly,
        @Schema(description = "Settings left out of the search, and why (a knob this kernel ignores, a hazard it would "
                + "make worse).") List<String> skipped) {

    public SearchSummary {
        searched = List.copyOf(searched);
        skipped = List.copyOf(skipped);
    }
}
