package dev.bootplan.advice;

import dev.bootplan.engine.plan.ModulePlan;
import dev.bootplan.engine.plan.Plan;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Applies a line to a plan as a person would, from its text alone: take out what it replaces, then add it. */
final class LineApplier {

    private LineApplier() {}

    static Plan apply(Plan plan, AdviceLine line) {
        List<String> cmd = new ArrayList<>(words(plan.cmdline()));
        List<ModulePlan> modules = new ArrayList<>(plan.modules());
        for (AdviceLine.Removal r : line.removes()) {
            if (r.where().equals("kernel-cmdline")) {
                cmd.remove(r.text());
            } else {
                String[] parts = r.text().split(" ", 3); // options <module> <option>
                edit(modules, parts[1], opts -> {
                    opts.remove(parts[2]);
                });
            }
        }
        if (line.text() != null) {
            if (line.where().equals("kernel-cmdline")) {
                cmd.add(line.text());
            } else {
                String[] parts = line.text().split(" ", 3);
                edit(modules, parts[1], opts -> opts.addAll(words(parts[2])));
            }
        }
        return new Plan(plan.name(), plan.kernel(), String.join(" ", cmd), plan.modulesEnabled(), plan.initramfsPresent(),
                plan.initramfsUnpackUs(), plan.earlyBootUs(), plan.initHandoverUs(), plan.systemdVersion(), plan.eventTimeoutUs(),
                plan.childrenMax(), plan.cpus(), plan.memoryBytes(), plan.firmware(), plan.initcalls(), modules, plan.drivers(),
                plan.devices(), plan.expectsSyncProbe(), plan.rootDevice(), plan.userspace(), plan.udev(), plan.moduleLoads());
    }

    private static void edit(List<ModulePlan> modules, String name, java.util.function.Consumer<List<String>> change) {
        for (int i = 0; i < modules.size(); i++) {
            ModulePlan m = modules.get(i);
            if (m.name().equals(name)) {
                List<String> opts = new ArrayList<>(words(m.options()));
                change.accept(opts);
                modules.set(i, new ModulePlan(m.name(), m.initUs(), m.loadUs(), m.dependsOn(), String.join(" ", opts),
                        m.inInitramfs(), m.drivers(), m.loadCpu()));
            }
        }
    }

    private static List<String> words(String s) {
        return Arrays.stream(s.strip().split("\\s+")).filter(w -> !w.isEmpty()).toList();
    }
}
