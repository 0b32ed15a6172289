package dev.bootplan.engine.mode;

import dev.bootplan.engine.plan.ProbeType;
import dev.bootplan.report.Finding;
import dev.bootplan.report.FindingCode;
import dev.bootplan.report.ModeChange;
import dev.bootplan.report.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * The out-of-tree debug knobs {@code __DEBUG__kernel_force_builtin_async_probe} and
 * {@code __DEBUG__kernel_force_modules_async_probe}: every built-in and module driver async, every module
 * load with async_probe_requested; PROBE_FORCE_SYNCHRONOUS still wins unless {@code overrideForceSync}.
 */
public record DebugForceAllMode(boolean overrideForceSync) implements ProbingMode {

    public DebugForceAllMode() {
        this(false);
    }

    @Override
    public String name() {
        return "debug-force-all";
    }

    @Override
    public String tells() {
        return "the debug knobs __DEBUG__kernel_force_builtin_async_probe and __DEBUG__kernel_force_modules_async_probe";
    }

    @Override
    public String rule() {
        return "every built-in and module driver probes async and every module load has async_probe_requested; "
                + "PROBE_FORCE_SYNCHRONOUS still wins unless overrideForceSync=true; the kernel is tainted; on v6.0+ "
                + "driver_async_probe=* module.async_probe=1 reaches the same in mainline";
    }

    @Override
    public ModePolicy policy(PolicyInputs in) {
        var plan = in.plan();
        boolean exists = in.asyncProbingExists();
        boolean[] requested = new boolean[plan.modules().size()];
        java.util.Arrays.fill(requested, exists);
        boolean[] async = new boolean[plan.drivers().size()];
        List<ModeChange> changes = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        for (int d = 0; d < async.length; d++) {
            var driver = plan.drivers().get(d);
            boolean forceSync = driver.probeType() == ProbeType.FORCE_SYNC;
            async[d] = exists && (!forceSync || overrideForceSync);
            if (exists && forceSync && overrideForceSync) {
                changes.add(new ModeChange(driver.name(), "force-sync", "async", "FORCE_SYNC overridden on request (what-if)"));
                findings.add(new Finding(FindingCode.FORCE_SYNC_OVERRIDDEN, Severity.warning, driver.name(), null,
                        driver.name() + " declares PROBE_FORCE_SYNCHRONOUS and was probed async because the request asked "
                                + "for it; no kernel knob does this.",
                        "Treat this as a what-if: the driver's author opted out of async probing for a reason."));
            } else if (exists && !forceSync && driver.probeType() == ProbeType.DEFAULT
                    && !in.allowsAsync(d, driver.probeType(), in.modulesRequested())) {
                changes.add(new ModeChange(driver.name(), "default", "async", "forced by the debug knobs"));
            }
        }
        if (exists) {
            findings.add(new Finding(FindingCode.KERNEL_TAINTED, Severity.warning, "kernel", null,
                    "The __DEBUG__ force-async knobs are out-of-tree debug patches; a kernel using them is tainted.",
                    "Use this mode to find what breaks, not in production."));
            if (plan.kernel().atLeast(6, 0)) {
                findings.add(new Finding(FindingCode.MAINLINE_EQUIVALENT, Severity.info, "kernel", null,
                        "On v6.0+ mainline reaches the same with driver_async_probe=* module.async_probe=1 (without "
                                + "the taint; FORCE_SYNC drivers stay synchronous).",
                        "Add driver_async_probe=* module.async_probe=1 to the command line instead of the debug patches."));
            }
        }
        return new ModePolicy(async, requested, false, changes, findings, exists);
    }
}
