package dev.bootplan.engine;

import dev.bootplan.engine.plan.Plan;

/** The order udevadm trigger replays devices in: manifest (bus) order, but never a child before its parent. */
final class ColdplugOrder {

    private ColdplugOrder() {}

    static int[] of(Plan plan) {
        int n = plan.devices().size();
        int[] out = new int[n];
        boolean[] placed = new boolean[n];
        int k = 0;
        int[] chain = new int[n];
        for (int d = 0; d < n; d++) {
            int depth = 0;
            for (int p = d; p >= 0 && !placed[p]; p = plan.devices().get(p).parent()) {
                chain[depth++] = p;
            }
            while (depth > 0) {
                int p = chain[--depth];
                placed[p] = true;
                out[k++] = p;
            }
        }
        return out;
    }
}
