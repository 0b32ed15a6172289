package dev.bootplan.gate;

/**
 * One rendering of an outcome: {@code body} is what goes to stdout or {@code -o FILE}; {@code stepSummary} is the
 * Markdown for {@code $GITHUB_STEP_SUMMARY} (github format only, else null).
 */
public record Rendered(String body, String stepSummary) {}
