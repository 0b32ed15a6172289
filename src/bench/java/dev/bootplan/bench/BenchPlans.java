package dev.bootplan.bench;

import dev.bootplan.engine.plan.DevicePlan;
import dev.bootplan.engine.plan.DriverPlan;
import dev.bootplan.engine.plan.FirmwarePlan;
import dev.bootplan.engine.plan.InitcallPlan;
import dev.bootplan.engine.plan.KernelVersion;
import dev.bootplan.engine.plan.Level;
import dev.bootplan.engine.plan.ModulePlan;
import dev.bootplan.engine.plan.Plan;
import dev.bootplan.engine.plan.ProbeType;
import dev.bootplan.engine.plan.UserspaceTimes;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * A large synthetic machine: {@code initcalls} built-in initcalls each registering a driver, {@code modules}
 * modules each registering a driver (some with a dependency), and {@code devices} devices spread over
 * them — a fifth on built-in drivers — with a mix of probe types and probe times from 1 to 40 ms.
 */
final class BenchPlans {

    private BenchPlans() {}

    static Plan of(int devices, int modules, int initcalls, long seed) {
        Random rnd = new Random(seed);
        ProbeType[] types = ProbeType.values();
        List<DriverPlan> drivers = new ArrayList<>();
        List<InitcallPlan> calls = new ArrayList<>();
        for (int i = 0; i < initcalls; i++) {
            drivers.add(new DriverPlan("bi" + i, types[rnd.nextInt(types.length)], false, List.of(), false));
            Level level = i % 10 == 0 ? Level.SUBSYS : Level.DEVICE;
            calls.add(new InitcallPlan("bi" + i + "_init", level, rnd.nextInt(200), List.of(i)));
        }
        List<ModulePlan> mods = new ArrayList<>();
        for (int m = 0; m < modules; m++) {
            drivers.add(new DriverPlan("md" + m, types[rnd.nextInt(types.length)], false, List.of(), false));
            List<Integer> deps = m > 0 && rnd.nextInt(4) == 0 ? List.of(rnd.nextInt(m)) : List.of();
            String options = rnd.nextInt(5) == 0 ? "async_probe" : "";
            mods.add(new ModulePlan("mod" + m, rnd.nextInt(2_000), 5_000 + rnd.nextInt(20_000), deps, options, m % 3 == 0,
                    List.of(initcalls + m)));
        }
        List<DevicePlan> devs = new ArrayList<>(devices);
        for (int d = 0; d < devices; d++) {
            int driver = d % 5 == 0 || modules == 0 ? rnd.nextInt(initcalls) : initcalls + rnd.nextInt(modules);
            devs.add(new DevicePlan("dev" + d, driver, 1_000 + rnd.nextInt(39_000), -1, List.of(), true, 0, 0, 0));
        }
        return new Plan("bench-" + devices, KernelVersion.parse("6.12"), "quiet", true, true, 300_000, 0, 0, 257, null, null, 8,
                32L << 30, new FirmwarePlan(Set.of(), Set.of(), Set.of(), false, 60_000_000), calls, mods, drivers, devs,
                Set.of(), null, UserspaceTimes.none());
    }
}
