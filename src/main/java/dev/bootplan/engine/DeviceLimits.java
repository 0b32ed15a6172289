package dev.bootplan.engine;

import dev.bootplan.engine.plan.ModulePlan;
import dev.bootplan.report.DeviceLimit;
import dev.bootplan.report.FindingCode;
import dev.bootplan.report.LimitsAt;
import dev.bootplan.report.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * How many devices of each modular driver fit under the udev timeout (probe-model.md §9): the module's
 * whole init runs in one worker, so for a synchronous driver the kill time caps the device count.
 */
final class DeviceLimits {

    private DeviceLimits() {}

    static List<DeviceLimit> of(Simulation sim, Findings findings) {
        List<DeviceLimit> out = new ArrayList<>();
        var plan = sim.plan;
        for (int drv = 0; drv < plan.drivers().size(); drv++) {
            int m = sim.ownerModule[drv];
            int count = sim.devicesOfDriver[drv].length;
            if (m < 0 || count == 0) {
                continue;
            }
            long pMax = 0;
            for (int d : sim.devicesOfDriver[drv]) {
                pMax = Math.max(pMax, plan.devices().get(d).probeUs());
            }
            ModulePlan module = plan.modules().get(m);
            long deps = 0;
            for (int dep : sim.chains.of(m)) {
                if (dep != m) {
                    deps += plan.modules().get(dep).loadUs() + plan.modules().get(dep).initUs();
                }
            }
            long init = module.loadUs() + module.initUs();
            String name = plan.drivers().get(drv).name();
            UdevSettings udev = module.inInitramfs() && plan.initramfsPresent() ? sim.settings.udevInitrd() : sim.settings.udevRootfs();
            Rule rule = rule(sim, drv, m);
            Integer limit = rule.limit(udev.killAfterUs(), deps, init, pMax);
            int v = plan.systemdVersion();
            LimitsAt at = new LimitsAt(
                    rule.limit(UdevSettings.killAfter(v, 30_000_000L), deps, init, pMax),
                    rule.limit(UdevSettings.killAfter(v, 60_000_000L), deps, init, pMax),
                    rule.limit(UdevSettings.killAfter(v, 180_000_000L), deps, init, pMax));
            Integer headroom = limit == null ? null : limit - count;
            out.add(new DeviceLimit(name, count, limit, at, headroom, rule.text));
            if (limit != null && count > limit) {
                findings.add(FindingCode.DEVICE_LIMIT_EXCEEDED, Severity.error, name, null,
                        name + " has " + count + " devices; at most " + limit + " are guaranteed to probe before udev kills "
                                + "the worker loading " + module.name() + " (" + rule.text + ", kill after "
                                + TimeText.of(udev.killAfterUs()) + ").",
                        rule.remedy(module.name()));
            } else if (limit != null && count * 10L >= limit * 9L) {
                findings.add(FindingCode.DEVICE_LIMIT_NEAR, Severity.warning, name, null,
                        name + " has " + count + " devices, within 10 % of its limit of " + limit + " under the udev timeout.",
                        rule.remedy(module.name()));
            }
        }
        return out;
    }

    private record Rule(String text, int perWave) {
        Integer limit(long kill, long deps, long init, long pMax) {
            if (perWave == 0 || pMax == 0) {
                return null;
            }
            long room = kill - deps - init;
            return room <= 0 ? 0 : (int) Math.min(Integer.MAX_VALUE, (room / pMax) * perWave);
        }

        String remedy(String module) {
            return "Load " + module + " with async_probe (options " + module + " async_probe), or raise "
                    + "udev.event_timeout= above the probe time of all devices.";
        }
    }

    private static Rule rule(Simulation sim, int drv, int m) {
        if (sim.knobs.asyncProbingExists() && sim.policy.moduleAsyncRequested()[m]) {
            return new Rule("async_probe_requested: not bounded by the udev timeout", 0);
        }
        if (sim.policy.driverAsync()[drv] && sim.knobs.version().compareTo(Knobs.PER_DEVICE_ASYNC) >= 0) {
            return new Rule("async without async_probe: init + ceil(N / max_active) × p_max ≤ kill", sim.async.maxActive());
        }
        return new Rule("sync: floor((kill − deps − init) / p_max)", 1);
    }
}
