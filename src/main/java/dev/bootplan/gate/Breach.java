package dev.bootplan.gate;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One way the boot broke a rule: what (a device, a finding, a driver, a milestone), in words, and where in the input
 * file (JSON pointer, 1-based line and column; null when no single value is to blame or the input is a log).
 */
@Schema(name = "GateBreach", description = "One way the boot broke a rule, and where in the input.")
public record Breach(
        @Schema(description = "The device, finding, driver or milestone.", example = "0:0:118:0") String subject,
        @Schema(description = "What broke.", example = "0:0:118:0 (sd) lost: failed, killed by udev (SIGKILL to the loading worker at 216.80224 s)") String message,
        @Schema(description = "JSON pointer into the input; null when no single value is to blame.", example = "/devices/3") String pointer,
        @Schema(description = "1-based line of the pointer in the input.", example = "49") Integer line,
        @Schema(description = "1-based column.", example = "5") Integer column) {

    Breach at(Integer line, Integer column) {
        return new Breach(subject, message, pointer, line, column);
    }
}
