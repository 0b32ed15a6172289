package dev.bootplan.engine.mode;

import dev.bootplan.report.FindingCode;
import dev.bootplan.report.ModeChange;
import dev.bootplan.report.Severity;
import java.util.ArrayList;
import java.util.List;

/** The pre-v4.2 baseline: every probe synchronous, every annotation and knob ignored (and named). */
public record SyncMode() implements ProbingMode {

    @Override
    public String name() {
        return "sync";
    }

    @Override
    public String tells() {
        return "nothing asynchronous: the pre-v4.2 behaviour, the baseline";
    }

    @Override
    public String rule() {
        return "every probe synchronous; probe types, async_probe options and async command-line knobs are ignored "
                + "(listed as modeChanges); probes' own async work and the initramfs unpack run inline";
    }

    @Override
    public ModePolicy policy(PolicyInputs in) {
        var plan = in.plan();
        boolean[] requested = in.modulesRequested();
        List<ModeChange> changes = new ArrayList<>();
        for (int d = 0; d < plan.drivers().size(); d++) {
            var driver = plan.drivers().get(d);
            if (in.allowsAsync(d, driver.probeType(), requested)) {
                changes.add(new ModeChange(driver.name(), declared(in, d, requested), "sync",
                        "sync mode ignores the async annotation or knob"));
            }
        }
        List<dev.bootplan.report.Finding> findings = new ArrayList<>();
        if (!changes.isEmpty()) {
            findings.add(new dev.bootplan.report.Finding(FindingCode.ANNOTATION_IGNORED, Severity.info, "sync", null,
                    changes.size() + " driver(s) would probe asynchronously on this kernel and were made synchronous: "
                            + String.join(", ", changes.stream().limit(20).map(ModeChange::driver).toList())
                            + (changes.size() > 20 ? ", …" : "") + ".",
                    "Compare with mode=async to see what the annotations buy."));
        }
        return new ModePolicy(new boolean[plan.drivers().size()], new boolean[requested.length], true, changes, findings,
                false);
    }

    static String declared(PolicyInputs in, int d, boolean[] requested) {
        var driver = in.plan().drivers().get(d);
        if (driver.probeType() != dev.bootplan.engine.plan.ProbeType.DEFAULT) {
            return driver.probeType().wireName();
        }
        if (in.driverRequestedOnCmdline(d)) {
            return "driver_async_probe";
        }
        int owner = in.ownerModule(d);
        return owner >= 0 && requested[owner] ? "async_probe" : "default";
    }
}
