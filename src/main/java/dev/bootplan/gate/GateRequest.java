package dev.bootplan.gate;

import java.util.List;

/**
 * What the gate is asked: the input (a manifest, an evaluation report, an observed boot's import or its dmesg log),
 * the rules file, optional baselines (the same kinds; manifests among them are evaluated in the same mode) and the
 * mode a manifest is evaluated in (null: async).
 */
public record GateRequest(GateFile input, GateFile rules, List<GateFile> baselines, String mode) {

    public static final String DEFAULT_MODE = "async";

    public GateRequest {
        baselines = baselines == null ? List.of() : List.copyOf(baselines);
        mode = mode == null || mode.isBlank() ? DEFAULT_MODE : mode;
    }
}
