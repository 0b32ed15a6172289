package dev.bootplan.manifest;

import dev.bootplan.engine.plan.TimeSpan;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Collects every violation of a manifest while its fields are read, so the client hears all of them at once. */
final class Problems {

    private final List<Violation> found = new ArrayList<>();

    void add(String pointer, String message) {
        found.add(new Violation(pointer, message));
    }

    boolean isEmpty() {
        return found.isEmpty();
    }

    void throwIfAny() {
        if (!found.isEmpty()) {
            throw new ManifestInvalidException(found);
        }
    }

    /** A time span in µs within [0, max], or {@code fallback} when absent; a bad one is reported and yields fallback. */
    long duration(String pointer, String text, long fallback, long max) {
        if (text == null) {
            return fallback;
        }
        try {
            long us = TimeSpan.parseMicros(text);
            if (us > max) {
                add(pointer, "\"" + text + "\" is absurd here; at most " + TimeSpan.format(max) + " is accepted");
                return fallback;
            }
            return us;
        } catch (IllegalArgumentException e) {
            add(pointer, e.getMessage());
            return fallback;
        }
    }

    long size(String pointer, String text, long fallback, long min, long max) {
        if (text == null) {
            return fallback;
        }
        try {
            long bytes = ByteSize.parseBytes(text);
            if (bytes < min || bytes > max) {
                add(pointer, "\"" + text + "\" is outside " + min + " to " + max + " bytes");
                return fallback;
            }
            return bytes;
        } catch (IllegalArgumentException e) {
            add(pointer, e.getMessage());
            return fallback;
        }
    }

    int integer(String pointer, Integer value, int fallback, int min, int max) {
        if (value == null) {
            return fallback;
        }
        if (value < min || value > max) {
            add(pointer, value + " is outside the accepted range " + min + " to " + max);
            return fallback;
        }
        return value;
    }

    /** An enumeration value by its wire name; an unknown one is reported with the allowed names. */
    <E extends Enum<E>> E choice(String pointer, String text, E fallback, Class<E> type, Function<E, String> wire) {
        if (text == null) {
            return fallback;
        }
        for (E e : type.getEnumConstants()) {
            if (wire.apply(e).equals(text)) {
                return e;
            }
        }
        add(pointer, "\"" + text + "\" is not one of " + Arrays.stream(type.getEnumConstants())
                .map(wire)
                .collect(Collectors.joining(", ")));
        return fallback;
    }

    boolean requireName(String pointer, String name, String what) {
        if (name == null || name.isBlank()) {
            add(pointer, what + " needs a name");
            return false;
        }
        if (name.length() > 256 || !name.strip().equals(name)) {
            add(pointer, what + " name \"" + abbreviate(name) + "\" is longer than 256 characters or has surrounding spaces");
            return false;
        }
        return true;
    }

    static String abbreviate(String s) {
        return s.length() <= 64 ? s : s.substring(0, 61) + "...";
    }
}
