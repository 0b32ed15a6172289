package dev.bootplan.engine;

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
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/** Seeded random plans for property tests: every seed gives the same plan, covering versions, knobs and topologies. */
public final class RandomPlans {

    private static final String[] VERSIONS = {"3.16", "4.4", "4.19", "5.4", "5.10", "5.15", "5.19", "6.1", "6.6", "6.12"};
    private static final String[] KNOBS = {"", "module.async_probe=1", "driver_async_probe=*", "driver_async_probe=drv1,drv3",
        "mod0.async_probe", "mod1.async_probe=0", "udev.event_timeout=5", "udev.event_timeout=2 udev.children_max=2",
        "fw_devlink=off", "deferred_probe_timeout=3", "rootdelay=1", "rootwait"};

    private RandomPlans() {}

    public static Plan generate(long seed) {
        Random rnd = new Random(seed);
        int nDrivers = 1 + rnd.nextInt(8);
        List<DriverPlan> drivers = new ArrayList<>();
        List<String> files = List.of("a.fw", "b.fw", "c.fw"); // a List: Set.of's iteration order changes per JVM run
        for (int i = 0; i < nDrivers; i++) {
            ProbeType type = ProbeType.values()[rnd.nextInt(3)];
            List<String> fw = rnd.nextInt(5) == 0 ? List.of(files.get(rnd.nextInt(3))) : List.of();
            drivers.add(new DriverPlan("drv" + i, type, rnd.nextInt(6) == 0, fw, rnd.nextBoolean()));
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < nDrivers; i++) {
            order.add(i);
        }
        java.util.Collections.shuffle(order, rnd);
        int builtins = rnd.nextInt(nDrivers + 1);
        List<InitcallPlan> initcalls = new ArrayList<>();
        for (int i = 0; i < builtins; i++) {
            Level level = rnd.nextInt(4) == 0 ? Level.values()[rnd.nextInt(Level.values().length)] : Level.DEVICE;
            initcalls.add(new InitcallPlan("init" + i, level, rnd.nextInt(200_000), List.of(order.get(i))));
        }
        initcalls.add(new InitcallPlan("pad", Level.LATE, rnd.nextInt(100_000), List.of()));
        List<ModulePlan> modules = new ArrayList<>();
        for (int i = builtins; i < nDrivers; i++) {
            int m = modules.size();
            List<Integer> deps = m > 0 && rnd.nextBoolean() ? List.of(rnd.nextInt(m)) : List.of();
            String options = rnd.nextInt(4) == 0 ? "async_probe" : "";
            modules.add(new ModulePlan("mod" + m, rnd.nextInt(300_000), rnd.nextInt(50_000), deps, options, rnd.nextBoolean(),
                    List.of(order.get(i))));
        }
        if (rnd.nextBoolean()) {
            modules.add(new ModulePlan("mod" + modules.size(), rnd.nextInt(300_000), 0, List.of(), "", true, List.of()));
        }
        int nDevices = rnd.nextInt(25);
        List<DevicePlan> devices = new ArrayList<>();
        for (int i = 0; i < nDevices; i++) {
            int parent = i > 0 && rnd.nextInt(3) == 0 ? rnd.nextInt(i) : -1;
            Set<Integer> suppliers = new HashSet<>();
            if (rnd.nextInt(4) == 0 && nDevices > 1) {
                int s = rnd.nextInt(nDevices);
                if (s != i) {
                    suppliers.add(s);
                }
            }
            long probe = rnd.nextInt(4) == 0 ? rnd.nextInt(5_000_000) : rnd.nextInt(300_000);
            devices.add(new DevicePlan("dev" + i, rnd.nextInt(nDrivers), probe, parent, List.copyOf(suppliers), rnd.nextInt(5) != 0,
                    rnd.nextInt(3) == 0 ? rnd.nextInt(101) : 0, rnd.nextInt(5) == 0 ? rnd.nextInt(400_000) : 0, rnd.nextInt(3_000)));
        }
        String cmdline = KNOBS[rnd.nextInt(KNOBS.length)] + " " + KNOBS[rnd.nextInt(KNOBS.length)];
        FirmwarePlan firmware = new FirmwarePlan(rnd.nextBoolean() ? Set.of("a.fw") : Set.of(), Set.of("b.fw"), Set.of("c.fw", "b.fw"),
                rnd.nextInt(4) == 0, 1_000_000L + rnd.nextInt(5_000_000));
        String root = nDevices > 0 && rnd.nextBoolean() ? "dev" + rnd.nextInt(nDevices) : null;
        return new Plan("random-" + seed, KernelVersion.parse(VERSIONS[rnd.nextInt(VERSIONS.length)]), cmdline.strip(), true,
                rnd.nextBoolean(), rnd.nextInt(500_000), rnd.nextInt(4) == 0 ? rnd.nextInt(80_000) : 0, 0, new int[] {215, 219, 250, 256, 257}[rnd.nextInt(5)], null, null,
                1 + rnd.nextInt(8), (1L + rnd.nextInt(32)) << 30, firmware, initcalls, modules, drivers, devices,
                rnd.nextInt(3) == 0 ? Set.of("drv0") : Set.of(), root, UserspaceTimes.none());
    }

    /** The same plan with one more device for {@code driver}, appended after the others. */
    static Plan withExtraDevice(Plan plan, int driver, long probeUs) {
        List<DevicePlan> devices = new ArrayList<>(plan.devices());
        devices.add(new DevicePlan("extra", driver, probeUs, -1, List.of(), true, 0, 0, 0));
        return new Plan(plan.name(), plan.kernel(), plan.cmdline(), plan.modulesEnabled(), plan.initramfsPresent(),
                plan.initramfsUnpackUs(), plan.earlyBootUs(), plan.initHandoverUs(), plan.systemdVersion(), plan.eventTimeoutUs(), plan.childrenMax(), plan.cpus(),
                plan.memoryBytes(), plan.firmware(), plan.initcalls(), plan.modules(), plan.drivers(), devices,
                plan.expectsSyncProbe(), plan.rootDevice(), plan.userspace());
    }
}
