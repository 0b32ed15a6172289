package dev.bootplan.cli;

import dev.bootplan.config.LimitDefaults;
import dev.bootplan.engine.EngineSettings;
import dev.bootplan.manifest.ManifestLimits;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The service's limits ({@code bootplan.limits.*}) for one run: the defaults of {@link LimitDefaults}, each
 * overridden by a Java system property of the same name ({@code -Dbootplan.limits.max-devices=500000}). No request
 * deadline: a command runs until its work budget says no.
 */
record Limits(long maxBodyBytes, long maxImportBytes, ManifestLimits manifest, EngineSettings engine) {

    static final String MAX_BODY_SIZE = "bootplan.limits.max-body-size";
    static final String MAX_IMPORT_SIZE = "bootplan.limits.max-import-size";

    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(B|KB|MB|GB)?");

    static Limits fromSystemProperties() {
        return new Limits(
                get(MAX_BODY_SIZE, LimitDefaults.MAX_BODY_BYTES, Limits::bytes),
                get(MAX_IMPORT_SIZE, LimitDefaults.MAX_IMPORT_BYTES, Limits::bytes),
                new ManifestLimits(
                        get("bootplan.limits.max-devices", LimitDefaults.MAX_DEVICES, Integer::parseInt),
                        get("bootplan.limits.max-modules", LimitDefaults.MAX_MODULES, Integer::parseInt),
                        get("bootplan.limits.max-drivers", LimitDefaults.MAX_DRIVERS, Integer::parseInt),
                        get("bootplan.limits.max-initcalls", LimitDefaults.MAX_INITCALLS, Integer::parseInt)),
                new EngineSettings(
                        get("bootplan.limits.max-events", LimitDefaults.MAX_EVENTS, Long::parseLong),
                        get("bootplan.limits.max-report-spans", LimitDefaults.MAX_REPORT_SPANS, Long::parseLong)));
    }

    private static <T extends Number> T get(String name, T fallback, Function<String, T> parse) {
        String text = System.getProperty(name);
        if (text == null) {
            return fallback;
        }
        T value;
        try {
            value = parse.apply(text.strip());
        } catch (RuntimeException e) {
            throw new InputException("-D" + name + "=" + text + " is not a number" + (name.endsWith("-size")
                    ? " of bytes (a unit may follow: B, KB, MB, GB)" : ""));
        }
        if (value.longValue() < 1) {
            throw new InputException("-D" + name + "=" + text + ": a limit must be at least 1");
        }
        return value;
    }

    /** A size as Spring writes one: a number and an optional unit, binary multiples ("8MB" is 8 MiB). */
    private static Long bytes(String text) {
        Matcher m = SIZE.matcher(text.toUpperCase(Locale.ROOT));
        if (!m.matches()) {
            throw new NumberFormatException(text);
        }
        int shift = switch (m.group(2) == null ? "B" : m.group(2)) {
            case "KB" -> 10;
            case "MB" -> 20;
            case "GB" -> 30;
            default -> 0;
        };
        return Math.multiplyExact(Long.parseLong(m.group(1)), 1L << shift);
    }
}
