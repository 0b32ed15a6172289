package dev.bootplan.gate;

/**
 * One reason an input could not be read: which file, where (1-based line and column when known, and the JSON
 * pointer when the place is a value of a JSON or YAML document) and what, in the compiler form
 * {@code source:line:col: message}.
 */
public record GateProblem(String source, Integer line, Integer column, String pointer, String message) {

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
