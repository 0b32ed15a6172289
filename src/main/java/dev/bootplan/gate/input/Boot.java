package dev.bootplan.gate.input;

import dev.bootplan.gate.GateFile;
import dev.bootplan.gate.rules.GateMilestone;
import dev.bootplan.report.Report;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * A boot the gate judges or compares against: its milestones (µs, absent when not reached or not shown), the
 * predicted report when there is one (null for an observed boot), and where its values sit in the file it came from.
 */
public record Boot(GateFile file, BootKind kind, String plan, String mode, Map<GateMilestone, Long> milestones,
        Report report, Locator locator) {

    public Boot {
        Map<GateMilestone, Long> copy = new EnumMap<>(GateMilestone.class);
        copy.putAll(milestones);
        milestones = Collections.unmodifiableMap(copy);
    }

    public Long milestone(GateMilestone m) {
        return milestones.get(m);
    }
}
