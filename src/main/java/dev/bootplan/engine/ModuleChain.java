package dev.bootplan.engine;

import dev.bootplan.engine.plan.ModulePlan;
import dev.bootplan.engine.plan.Plan;
import dev.bootplan.engine.sim.EventLoop;
import java.util.Arrays;
import java.util.List;

/**
 * What kmod loads for a module: its modules.dep dependencies, deepest first, then the module. Walked iteratively
 * (a chain thousands deep must not overflow the stack); each walk is charged to the run's work budget. Short chains
 * (every real one) are kept per module, since every udev event of a module asks again; long ones are not (a deep
 * chain kept for every module would cost its depth squared).
 */
final class ModuleChain {

    private final Plan plan;
    private final EventLoop loop;
    private final int[] seen;
    private int generation;
    private Boolean[] allInInitramfs;
    /** Chains of at most {@link #KEPT} modules, shared read-only with the callers. */
    private final int[][] kept;
    private static final int KEPT = 64;

    ModuleChain(Plan plan, EventLoop loop) {
        this.plan = plan;
        this.loop = loop;
        this.seen = new int[plan.modules().size()];
        this.kept = new int[plan.modules().size()][];
    }

    /**
     * The chain of {@code module}: dependencies depth-first in dependsOn order, each once, the module last. The array
     * may be shared: callers only read it.
     */
    int[] of(int module) {
        int[] known = kept[module];
        if (known != null) {
            loop.charge(known.length); // what the walk would cost: the budget does not depend on what was kept
            return known;
        }
        int[] chain = walk(module);
        if (chain.length <= KEPT) {
            kept[module] = chain;
        }
        return chain;
    }

    private int[] walk(int module) {
        int n = plan.modules().size();
        if (++generation == 0) {
            Arrays.fill(seen, 0);
            generation = 1;
        }
        int[] out = new int[8];
        int size = 0;
        int[] stack = new int[8];
        int[] next = new int[8];
        int depth = 0;
        stack[depth] = module;
        next[depth++] = 0;
        seen[module] = generation;
        while (depth > 0) {
            int m = stack[depth - 1];
            List<Integer> deps = plan.modules().get(m).dependsOn();
            if (next[depth - 1] < deps.size()) {
                int dep = deps.get(next[depth - 1]++);
                if (seen[dep] != generation) {
                    seen[dep] = generation;
                    if (depth == stack.length) {
                        stack = Arrays.copyOf(stack, Math.min(n + 1, depth * 2));
                        next = Arrays.copyOf(next, stack.length);
                    }
                    stack[depth] = dep;
                    next[depth++] = 0;
                }
            } else {
                if (size == out.length) {
                    out = Arrays.copyOf(out, size * 2);
                }
                out[size++] = m;
                depth--;
            }
        }
        loop.charge(size);
        return Arrays.copyOf(out, size);
    }

    /** Whether every module of the chain is in the initramfs (inside the initrd kmod finds nothing else); memoised. */
    boolean allInInitramfs(int module) {
        if (allInInitramfs == null) {
            allInInitramfs = new Boolean[plan.modules().size()];
        }
        if (allInInitramfs[module] == null) {
            boolean all = true;
            for (int k : of(module)) {
                ModulePlan mp = plan.modules().get(k);
                if (!mp.inInitramfs()) {
                    all = false;
                    break;
                }
            }
            allInInitramfs[module] = all;
        }
        return allInInitramfs[module];
    }
}
