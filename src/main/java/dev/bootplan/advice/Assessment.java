package dev.bootplan.advice;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

@Schema(description = "A broad knob weighed against the targeted lines: what it would give and whether it is safe here.")
public record Assessment(
        @Schema(description = "The knob as it would be written.", example = "module.async_probe=1") String text,
        @Schema(description = "Whether this kernel honours it at all.", example = "true") boolean honoured,
        @Schema(description = "Whether it is safe on this plan: it makes no hazardous driver asynchronous.", example = "true") boolean safe,
        @Schema(description = "Why it is or is not safe, and what it reaches beyond the plan.") List<String> reasons,
        @Schema(description = "The plan as written with it, simulated; null when the kernel ignores it.") Outcome outcome) {

    public Assessment {
        reasons = List.copyOf(reasons);
    }
}
