package dev.bootplan.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * The kernel command line split as the kernel's next_arg() splits it: words separated by spaces,
 * double quotes group, the first '=' separates a parameter from its value. Order is kept: later
 * parameters override earlier ones.
 */
record CommandLine(List<Param> params) {

    record Param(String key, String value) {
        boolean bare() {
            return value == null;
        }
    }

    static CommandLine parse(String text) {
        List<Param> out = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            while (i < n && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (i >= n) {
                break;
            }
            StringBuilder word = new StringBuilder();
            boolean quoted = false;
            while (i < n && (quoted || !Character.isWhitespace(text.charAt(i)))) {
                char c = text.charAt(i++);
                if (c == '"') {
                    quoted = !quoted;
                } else {
                    word.append(c);
                }
            }
            String w = word.toString();
            int eq = w.indexOf('=');
            out.add(eq < 0 ? new Param(w, null) : new Param(w.substring(0, eq), w.substring(eq + 1)));
        }
        return new CommandLine(List.copyOf(out));
    }

    /** The last value given for {@code key} ("" for a bare flag), or null when absent. */
    String last(String key) {
        String found = null;
        for (Param p : params) {
            if (p.key().equals(key)) {
                found = p.bare() ? "" : p.value();
            }
        }
        return found;
    }

    boolean has(String key) {
        return last(key) != null;
    }
}
