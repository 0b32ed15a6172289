package dev.bootplan.manifest;

import dev.bootplan.engine.plan.DevicePlan;
import dev.bootplan.engine.plan.Cycles;
import dev.bootplan.engine.plan.Share;
import dev.bootplan.engine.plan.WorkQueue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads /devices: expands counts into named copies, resolves drivers, parents and suppliers by the
 * expanded names, and refuses a parent loop (a device tree is a tree). Supplier cycles are allowed:
 * they are a finding of the simulation (devices that can never bind), not a malformed manifest.
 */
final class DeviceReader {

    private final Problems p;
    private final Map<String, Integer> drivers;

    DeviceReader(Problems p, Map<String, Integer> drivers) {
        this.p = p;
        this.drivers = drivers;
    }

    /** The name of copy {@code k} of a device declared with a count. */
    static String copyName(String name, int k) {
        if (name.contains("{n}")) {
            return name.replace("{n}", Integer.toString(k));
        }
        return k == 0 ? name : name + "." + k;
    }

    List<DevicePlan> read(List<DeviceSpec> specs) {
        Map<String, Integer> index = new HashMap<>();
        List<Integer> origin = new ArrayList<>(); // expanded device -> index in /devices
        List<String> names = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            DeviceSpec s = specs.get(i);
            String at = "/devices/" + i;
            if (s == null) {
                p.add(at, "must be an object");
                continue;
            }
            if (!p.requireName(at + "/name", s.name(), "a device")) {
                continue;
            }
            int count = p.integer(at + "/count", s.count(), 1, 1, Integer.MAX_VALUE);
            for (int k = 0; k < count; k++) {
                String name = copyName(s.name(), k);
                if (index.putIfAbsent(name, names.size()) != null) {
                    p.add(at + "/name", "duplicate device name \"" + Problems.abbreviate(name) + "\"");
                    break;
                }
                names.add(name);
                origin.add(i);
            }
        }
        List<DevicePlan> out = new ArrayList<>(names.size());
        List<List<Integer>> parentEdges = new ArrayList<>(names.size());
        int lastSpec = -1;
        Resolved r = null;
        for (int e = 0; e < names.size(); e++) {
            int i = origin.get(e);
            if (i != lastSpec) {
                r = resolve(specs.get(i), "/devices/" + i, index);
                lastSpec = i;
            }
            out.add(new DevicePlan(names.get(e), r.driver, r.probeUs, r.parent, r.suppliers, r.killable,
                    r.cpuPercent, r.asyncWorkUs, r.deferCostUs, r.asyncWorkCpuPercent, r.queue, r.discoveredAfterUs));
            parentEdges.add(r.parent < 0 ? List.of() : List.of(r.parent));
        }
        checkDiscoveries(out, origin);
        for (List<Integer> loop : Cycles.find(parentEdges)) {
            p.add("/devices/" + origin.get(loop.getFirst()) + "/parent", "device parent loop: "
                    + loop.stream().map(names::get).collect(Collectors.joining(" -> ")));
        }
        return out;
    }

    private record Resolved(int driver, long probeUs, int parent, List<Integer> suppliers, boolean killable,
            Share cpuPercent, long asyncWorkUs, long deferCostUs, Share asyncWorkCpuPercent, WorkQueue queue,
            Long discoveredAfterUs) {}

    /** A stated share is known unless marked estimated; an absent one is unknown (estimated as 0). */
    private Share share(String at, Integer percent, Boolean estimated) {
        if (percent == null) {
            return Share.unknown();
        }
        return new Share(p.integer(at, percent, 0, 0, 100), !Boolean.TRUE.equals(estimated));
    }

    /** A device created by its parent's work needs a parent whose work lasts that long. */
    private void checkDiscoveries(List<DevicePlan> devices, List<Integer> origin) {
        for (int e = 0; e < devices.size(); e++) {
            DevicePlan d = devices.get(e);
            if (d.discoveredAfterUs() == null || (e > 0 && origin.get(e).equals(origin.get(e - 1)))) {
                continue;
            }
            String at = "/devices/" + origin.get(e) + "/discoveredAfter";
            if (d.parent() < 0) {
                p.add(at, "a device found by its parent's work needs a parent");
            } else if (devices.get(d.parent()).asyncWorkUs() < d.discoveredAfterUs()) {
                p.add(at, "is past the end of its parent's work (" + devices.get(d.parent()).name() + " has asyncWork "
                        + devices.get(d.parent()).asyncWorkUs() + " us)");
            }
        }
    }

    private Resolved resolve(DeviceSpec s, String at, Map<String, Integer> index) {
        Integer driver = s.driver() == null ? null : drivers.get(s.driver());
        if (s.driver() == null) {
            p.add(at + "/driver", "a device needs the driver that binds it");
        } else if (driver == null) {
            p.add(at + "/driver", "unknown driver \"" + Problems.abbreviate(s.driver()) + "\" (declare it under /drivers)");
        }
        long probeUs = p.duration(at + "/probeTime", s.probeTime(), 0, ManifestNormalizer.HOUR_US);
        int parent = -1;
        if (s.parent() != null) {
            Integer par = index.get(s.parent());
            if (par == null) {
                p.add(at + "/parent", "unknown device \"" + Problems.abbreviate(s.parent()) + "\"");
            } else {
                parent = par;
            }
        }
        List<Integer> suppliers = new ArrayList<>(s.suppliers().size());
        for (int j = 0; j < s.suppliers().size(); j++) {
            Integer sup = s.suppliers().get(j) == null ? null : index.get(s.suppliers().get(j));
            if (sup == null) {
                p.add(at + "/suppliers/" + j, "unknown device \"" + Problems.abbreviate(String.valueOf(s.suppliers().get(j))) + "\"");
            } else {
                suppliers.add(sup);
            }
        }
        Share cpu = share(at + "/cpuPercent", s.cpuPercent(), s.cpuPercentEstimated());
        long asyncWork = p.duration(at + "/asyncWork", s.asyncWork(), 0, ManifestNormalizer.HOUR_US);
        Share workCpu = share(at + "/asyncWorkCpuPercent", s.asyncWorkCpuPercent(), s.asyncWorkCpuPercentEstimated());
        WorkQueue queue = p.choice(at + "/asyncWorkQueue", s.asyncWorkQueue(), WorkQueue.ASYNC, WorkQueue.class,
                WorkQueue::wireName);
        Long discovered = s.discoveredAfter() == null ? null
                : p.duration(at + "/discoveredAfter", s.discoveredAfter(), 0, ManifestNormalizer.HOUR_US);
        long deferCost = p.duration(at + "/deferCost", s.deferCost(), 0, ManifestNormalizer.HOUR_US);
        return new Resolved(driver == null ? 0 : driver, probeUs, parent, suppliers, !Boolean.FALSE.equals(s.killable()),
                cpu, asyncWork, deferCost, workCpu, queue, discovered);
    }
}
