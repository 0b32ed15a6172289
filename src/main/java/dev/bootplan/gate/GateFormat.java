package dev.bootplan.gate;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The gate's outputs: a text table, JUnit XML, SARIF 2.1.0, GitHub Actions workflow commands (+ a Markdown summary). */
public enum GateFormat {
    text,
    junit,
    sarif,
    github;

    public static Optional<GateFormat> byName(String name) {
        return Arrays.stream(values()).filter(f -> f.name().equals(name == null ? "" : name.toLowerCase(Locale.ROOT))).findFirst();
    }
}
