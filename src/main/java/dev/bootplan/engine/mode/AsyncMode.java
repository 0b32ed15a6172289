package dev.bootplan.engine.mode;

import java.util.List;

/** The opt-in configuration exactly as the manifest writes it: §3 for the manifest's kernel version. */
public record AsyncMode() implements ProbingMode {

    @Override
    public String name() {
        return "async";
    }

    @Override
    public String tells() {
        return "the opt-in configuration exactly as the manifest writes it";
    }

    @Override
    public String rule() {
        return "driver_allows_async_probing() over the manifest's probe types, module options, module.async_probe=, "
                + "<module>.async_probe and driver_async_probe=, as the manifest's kernel version reads them";
    }

    @Override
    public ModePolicy policy(PolicyInputs in) {
        var plan = in.plan();
        boolean[] requested = in.modulesRequested();
        boolean[] async = new boolean[plan.drivers().size()];
        for (int d = 0; d < async.length; d++) {
            async[d] = in.allowsAsync(d, plan.drivers().get(d).probeType(), requested);
        }
        return new ModePolicy(async, requested, false, List.of(), List.of(), false);
    }
}
