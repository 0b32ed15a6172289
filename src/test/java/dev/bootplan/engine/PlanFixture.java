package dev.bootplan.engine;

import dev.bootplan.engine.plan.DevicePlan;
import dev.bootplan.engine.plan.DriverPlan;
import dev.bootplan.engine.plan.FirmwarePlan;
import dev.bootplan.engine.plan.InitcallPlan;
import dev.bootplan.engine.plan.KernelVersion;
import dev.bootplan.engine.plan.Level;
import dev.bootplan.engine.plan.ModuleLoadPlan;
import dev.bootplan.engine.plan.ModulePlan;
import dev.bootplan.engine.plan.Plan;
import dev.bootplan.engine.plan.ProbeType;
import dev.bootplan.engine.plan.UserspaceTimes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Builds engine plans for tests, with the defaults of probe-model.md §13: 6.12, systemd 250, no initramfs. */
final class PlanFixture {

    static final long S = 1_000_000L;
    static final long MS = 1_000L;

    String version = "6.12";
    String cmdline = "";
    boolean modulesEnabled = true;
    boolean initramfs;
    long unpackUs;
    int systemd = 250;
    Long eventTimeoutUs;
    Integer childrenMax;
    int cpus = 4;
    long memory = 16L << 30;
    FirmwarePlan firmware = FirmwarePlan.none();
    String rootDevice;
    UserspaceTimes userspace = UserspaceTimes.none();
    long initHandoverUs;
    boolean udev = true;
    final List<ModuleLoadPlan> moduleLoads = new ArrayList<>();
    final Set<String> expectsSync = new HashSet<>();
    final List<InitcallPlan> initcalls = new ArrayList<>();
    final List<ModulePlan> modules = new ArrayList<>();
    final List<DriverPlan> drivers = new ArrayList<>();
    final List<DevicePlan> devices = new ArrayList<>();

    PlanFixture kernel(String v) {
        version = v;
        return this;
    }

    PlanFixture cmdline(String c) {
        cmdline = c;
        return this;
    }

    int driver(String name, ProbeType type, String... firmware) {
        drivers.add(new DriverPlan(name, type, false, List.of(firmware), false));
        return drivers.size() - 1;
    }

    int module(String name, long initUs, String options, List<Integer> deps, Integer... drivers) {
        modules.add(new ModulePlan(name, initUs, 0, deps, options, false, Arrays.asList(drivers)));
        return modules.size() - 1;
    }

    void initcall(String name, Level level, long us, Integer... drivers) {
        initcalls.add(new InitcallPlan(name, level, us, Arrays.asList(drivers)));
    }

    int device(String name, int driver, long probeUs) {
        return device(name, driver, probeUs, -1, true, List.of());
    }

    int device(String name, int driver, long probeUs, int parent, boolean killable, List<Integer> suppliers) {
        devices.add(new DevicePlan(name, driver, probeUs, parent, suppliers, killable, 0, 0, 0));
        return devices.size() - 1;
    }

    /** Example 1's module M: init 100 ms, one driver, 4 devices × 10 s named 0000:01:00.N. */
    static PlanFixture moduleM(ProbeType type, String options, boolean killable) {
        PlanFixture p = new PlanFixture();
        int d = p.driver("mdrv", type);
        p.module("m", 100 * MS, options, List.of(), d);
        for (int i = 0; i < 4; i++) {
            p.device("0000:01:00." + i, d, 10 * S, -1, killable, List.of());
        }
        return p;
    }

    Plan build() {
        return new Plan("test", KernelVersion.parse(version), cmdline, modulesEnabled, initramfs, unpackUs, 0, initHandoverUs, systemd,
                eventTimeoutUs, childrenMax, cpus, memory, firmware, initcalls, modules, drivers, devices, expectsSync,
                rootDevice, userspace, udev, moduleLoads);
    }
}
