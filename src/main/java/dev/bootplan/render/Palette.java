package dev.bootplan.render;

import dev.bootplan.report.Severity;
import dev.bootplan.report.SpanKind;
import java.util.EnumMap;
import java.util.Map;

/** Fixed colours: one per span kind (colour-blind-friendly where it can be), per severity, per milestone. */
final class Palette {

    private Palette() {}

    static final String MIXED = "#9e9e9e";
    static final String WARN_WINDOW = "#ffb300";
    static final String KILL = "#c62828";
    static final String MILESTONE = "#37474f";
    /** The shade over the part of a span lost waiting for a CPU (no pattern: a page makes no url() reference). */
    static final String CONTENDED = "#263238";

    private static final Map<SpanKind, String> KIND = new EnumMap<>(SpanKind.class);

    static {
        KIND.put(SpanKind.initcall, "#4e79a7");
        KIND.put(SpanKind.moduleLoad, "#a0cbe8");
        KIND.put(SpanKind.moduleInit, "#59a14f");
        KIND.put(SpanKind.syncProbe, "#f28e2b");
        KIND.put(SpanKind.asyncProbe, "#8cd17d");
        KIND.put(SpanKind.asyncWork, "#b6992d");
        KIND.put(SpanKind.deferral, "#bab0ac");
        KIND.put(SpanKind.globalWait, "#e15759");
        KIND.put(SpanKind.initramfsUnpack, "#76b7b2");
        KIND.put(SpanKind.firmwareWait, "#ff9d9a");
        KIND.put(SpanKind.rootDelay, "#79706e");
        KIND.put(SpanKind.udevEvent, "#d4a6c8");
        KIND.put(SpanKind.moduleWait, "#b07aa1");
        KIND.put(SpanKind.userspace, "#9c755f");
        KIND.put(SpanKind.rootWait, "#edc948");
    }

    static String kind(SpanKind k) {
        return KIND.getOrDefault(k, MIXED);
    }

    static String severity(Severity s) {
        return switch (s) {
            case info -> "#1e88e5";
            case warning -> "#fb8c00";
            case error -> "#c62828";
        };
    }
}
