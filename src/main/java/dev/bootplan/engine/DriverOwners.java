package dev.bootplan.engine;

import dev.bootplan.engine.plan.Plan;
import java.util.Arrays;

/**
 * Who registers each driver: the module (index, -1 for none) and the built-in initcall (index, -1 for none).
 * Built once per run and shared by the mode's inputs and the simulation.
 */
record DriverOwners(int[] module, int[] initcall) {

    static DriverOwners of(Plan plan) {
        int[] module = new int[plan.drivers().size()];
        int[] initcall = new int[plan.drivers().size()];
        Arrays.fill(module, -1);
        Arrays.fill(initcall, -1);
        for (int m = 0; m < plan.modules().size(); m++) {
            for (int d : plan.modules().get(m).drivers()) {
                module[d] = m;
            }
        }
        for (int i = 0; i < plan.initcalls().size(); i++) {
            for (int d : plan.initcalls().get(i).drivers()) {
                initcall[d] = i;
            }
        }
        return new DriverOwners(module, initcall);
    }
}
