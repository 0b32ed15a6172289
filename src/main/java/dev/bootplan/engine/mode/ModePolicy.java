package dev.bootplan.engine.mode;

import dev.bootplan.report.Finding;
import dev.bootplan.report.ModeChange;
import java.util.List;

/**
 * What a mode decided: per driver whether it probes asynchronously, per module whether its load has
 * async_probe_requested, whether probes' own async work and the initramfs unpack run inline (sync mode),
 * and what it changed from the manifest.
 */
public record ModePolicy(
        boolean[] driverAsync,
        boolean[] moduleAsyncRequested,
        boolean inlineAsyncWork,
        List<ModeChange> changes,
        List<Finding> findings,
        boolean tainted) {

    public ModePolicy {
        changes = List.copyOf(changes);
        findings = List.copyOf(findings);
    }
}
