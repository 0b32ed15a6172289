package dev.bootplan.gate;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One reason an input could not be read: which file, where (1-based line and column when known, and the JSON
 * pointer when the place is a value of a JSON or YAML document) and what, in the compiler form
 * {@code source:line:col: message}.
 */
@Schema(name = "GateProblem", description = "Why a rules file, input or baseline could not be read, and where.")
public record GateProblem(
        @Schema(description = "The file.", example = "rules.yaml") String source,
        @Schema(description = "1-based line.", example = "5") Integer line,
        @Schema(description = "1-based column.", example = "5") Integer column,
        @Schema(description = "JSON pointer of the offending value.", example = "/rules/1/noLaterThen") String pointer,
        @Schema(description = "What is wrong.", example = "unknown key \"noLaterThen\"; known keys: milestone, name, noLaterThan") String message) {

    public String text() {
        StringBuilder s = new StringBuilder(source);
        if (line != null) {
            s.append(':').append(line);
            if (column != null) {
                s.append(':').append(column);
            }
        }
        s.append(": ");
        if (pointer != null && !pointer.isEmpty()) {
            s.append(pointer).append(": ");
        }
        return s.append(message).toString();
    }
}
