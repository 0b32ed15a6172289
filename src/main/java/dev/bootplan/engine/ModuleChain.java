package dev.bootplan.engine;

import dev.bootplan.engine.plan.Plan;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/** What kmod loads for a module: its modules.dep dependencies, deepest first, then the module (memoised). */
final class ModuleChain {

    private final Plan plan;
    private final Map<Integer, List<Integer>> memo = new HashMap<>();

    ModuleChain(Plan plan) {
        this.plan = plan;
    }

    List<Integer> of(int module) {
        return memo.computeIfAbsent(module, m -> {
            LinkedHashSet<Integer> order = new LinkedHashSet<>();
            visit(m, order);
            return List.copyOf(new ArrayList<>(order));
        });
    }

    private void visit(int m, LinkedHashSet<Integer> order) {
        if (order.contains(m)) {
            return;
        }
        for (int dep : plan.modules().get(m).dependsOn()) {
            visit(dep, order);
        }
        order.add(m);
    }
}
