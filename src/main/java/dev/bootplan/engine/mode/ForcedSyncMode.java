package dev.bootplan.engine.mode;

import dev.bootplan.engine.plan.ProbeType;
import dev.bootplan.report.Finding;
import dev.bootplan.report.FindingCode;
import dev.bootplan.report.ModeChange;
import dev.bootplan.report.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** async, plus a synchronous blacklist: every async-unsafe or hazardous driver is treated as PROBE_FORCE_SYNCHRONOUS. */
public record ForcedSyncMode() implements ProbingMode {

    @Override
    public String name() {
        return "forced-sync";
    }

    @Override
    public String tells() {
        return "async, plus a synchronous blacklist";
    }

    @Override
    public String rule() {
        return "as async, but drivers marked async-unsafe and drivers the engine finds hazardous (firmware only on the "
                + "root filesystem, userspace expecting their devices right after module load, built-ins whose "
                + "suppliers are not ordered before them) are treated as PROBE_FORCE_SYNCHRONOUS";
    }

    @Override
    public java.util.Optional<ProbingMode> costedAgainst() {
        return java.util.Optional.of(new AsyncMode());
    }

    @Override
    public ModePolicy policy(PolicyInputs in) {
        var plan = in.plan();
        boolean[] requested = in.modulesRequested();
        Map<Integer, List<String>> reasons = new LinkedHashMap<>();
        for (int d = 0; d < plan.drivers().size(); d++) {
            if (plan.drivers().get(d).asyncUnsafe()) {
                reasons.computeIfAbsent(d, k -> new ArrayList<>()).add("marked async-unsafe in the manifest");
            }
        }
        for (PolicyInputs.Hazard h : in.hazards()) {
            reasons.computeIfAbsent(h.driver(), k -> new ArrayList<>()).add(h.reason());
        }
        boolean[] async = new boolean[plan.drivers().size()];
        List<ModeChange> changes = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        for (int d = 0; d < async.length; d++) {
            var driver = plan.drivers().get(d);
            List<String> why = reasons.get(d);
            boolean wouldBeAsync = in.allowsAsync(d, driver.probeType(), requested);
            if (why != null && driver.probeType() != ProbeType.FORCE_SYNC) {
                String reason = String.join("; ", why);
                changes.add(new ModeChange(driver.name(), SyncMode.declared(in, d, requested), "force-sync", reason));
                if (wouldBeAsync) {
                    findings.add(new Finding(FindingCode.FORCED_SYNC, Severity.info, driver.name(), null,
                            driver.name() + " is probed synchronously: " + reason + ".",
                            "Fix the hazard (or set PROBE_FORCE_SYNCHRONOUS in the driver) and it can probe async again."));
                }
                async[d] = in.allowsAsync(d, ProbeType.FORCE_SYNC, requested);
            } else {
                async[d] = wouldBeAsync;
            }
        }
        return new ModePolicy(async, requested, false, changes, findings, false);
    }
}
