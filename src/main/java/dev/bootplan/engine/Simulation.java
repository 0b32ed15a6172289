package dev.bootplan.engine;

import dev.bootplan.engine.mode.ModePolicy;
import dev.bootplan.engine.plan.DevicePlan;
import dev.bootplan.engine.plan.Plan;
import dev.bootplan.engine.plan.Share;
import dev.bootplan.engine.sim.EventLoop;
import dev.bootplan.engine.sim.Gate;
import dev.bootplan.engine.sim.Processors;
import java.util.Arrays;
import java.util.Comparator;
import java.util.function.BooleanSupplier;

/**
 * The state of one simulated boot and the parts that act on it. Built for one plan and one mode,
 * run once, then read by the report assembler.
 */
final class Simulation {

    final Plan plan;
    final Knobs knobs;
    final BootSettings settings;
    final ModePolicy policy;
    final EventLoop loop;
    final Processors cpus;
    final Findings findings;
    final Timeline timeline;
    final KernelLog log;
    final FirmwareFailures firmwareFailures = new FirmwareFailures();

    // Devices, by index.
    final DevStatus[] status;
    final long[] probeStartUs;
    final long[] probeEndUs;
    final long[] lastChangeUs;
    final int[] attempts;
    final int[] waitedOnSupplier;
    final boolean[] ranAsync;
    final String[] failure;
    final int[][] children;
    /** Per device, the children its started work creates, in the order it creates them. */
    private final int[][] discoveredByWork;
    /** Per device, how much of its last probe was lost waiting for a CPU. */
    final long[] contendedUs;
    final int[][] devicesOfDriver;

    // Drivers, by index.
    final boolean[] registered;
    final int[] ownerModule;
    final int[] ownerInitcall;

    final ModuleRun[] modules;
    final ModuleChain chains;

    final AsyncPool async;
    final WorkQueues workqueues;
    /** -1 for the prediction; 0 or 100 for a bound run, which takes every share the plan does not know as that. */
    final int boundPercent;
    final DeferredProbe deferred;
    final Probing probing;
    final ModuleLoader loader;
    final Udev udev;
    final KernelPhase kernel;
    final Userspace userspace;
    final UserspaceLoads userspaceLoads;

    final Gate initramfsUnpacked;
    /** populate_rootfs() has run (init/initramfs.c sets initramfs_cookie): wait_for_initramfs() waits from now on. */
    boolean initramfsQueued;
    final Gate rootReady;
    boolean rootMounted;
    boolean userspaceStarted;
    long initcallsDoneUs = -1;
    long initStartUs = -1;
    long rootMountedUs = -1;
    long udevSettledUs = -1;
    int asyncOverflows;
    long firstOverflowUs = -1;

    Simulation(Plan plan, DriverOwners owners, Knobs knobs, BootSettings settings, ModePolicy policy, long maxEvents,
            Findings findings, int boundPercent, long maxReportSpans, boolean recordLog, BooleanSupplier stop) {
        this.boundPercent = boundPercent;
        this.plan = plan;
        this.knobs = knobs;
        this.settings = settings;
        this.policy = policy;
        this.findings = findings;
        this.loop = new EventLoop(maxEvents, stop);
        this.timeline = new Timeline(maxReportSpans, loop::now, boundPercent < 0);
        this.log = new KernelLog(recordLog, maxReportSpans);
        this.cpus = new Processors(loop, plan.cpus());
        int n = plan.devices().size();
        status = new DevStatus[n];
        probeStartUs = new long[n];
        probeEndUs = new long[n];
        lastChangeUs = new long[n];
        attempts = new int[n];
        waitedOnSupplier = new int[n];
        Arrays.fill(waitedOnSupplier, -1);
        ranAsync = new boolean[n];
        failure = new String[n];
        Arrays.fill(probeStartUs, -1);
        Arrays.fill(probeEndUs, -1);
        Arrays.fill(lastChangeUs, -1);
        children = byIndex(n, plan.devices().stream().mapToInt(DevicePlan::parent).toArray());
        discoveredByWork = byWork(plan, children);
        contendedUs = new long[n];
        devicesOfDriver = byIndex(plan.drivers().size(), plan.devices().stream().mapToInt(DevicePlan::driver).toArray());
        for (int d = 0; d < n; d++) {
            status[d] = plan.devices().get(d).parent() < 0 ? DevStatus.PRESENT : DevStatus.ABSENT;
        }
        registered = new boolean[plan.drivers().size()];
        ownerModule = owners.module();
        ownerInitcall = owners.initcall();
        modules = new ModuleRun[plan.modules().size()];
        for (int m = 0; m < modules.length; m++) {
            modules[m] = new ModuleRun(m, policy.moduleAsyncRequested()[m], new Gate(loop, false), new Gate(loop, false));
        }
        chains = new ModuleChain(plan, loop);
        initramfsUnpacked = new Gate(loop, false);
        rootReady = new Gate(loop, false);
        async = new AsyncPool(loop, cpus, settings.asyncMaxActive());
        workqueues = new WorkQueues(loop, cpus);
        deferred = new DeferredProbe(this);
        probing = new Probing(this);
        loader = new ModuleLoader(this);
        udev = new Udev(this);
        kernel = new KernelPhase(this);
        userspace = new Userspace(this);
        userspaceLoads = new UserspaceLoads(this);
    }

    /** For each owner, the indices that point to it, in index order. */
    private static int[][] byIndex(int owners, int[] ownerOf) {
        int[] counts = new int[owners];
        for (int o : ownerOf) {
            if (o >= 0) {
                counts[o]++;
            }
        }
        int[][] out = new int[owners][];
        for (int i = 0; i < owners; i++) {
            out[i] = new int[counts[i]];
        }
        int[] fill = new int[owners];
        for (int i = 0; i < ownerOf.length; i++) {
            int o = ownerOf[i];
            if (o >= 0) {
                out[o][fill[o]++] = i;
            }
        }
        return out;
    }

    private static int[][] byWork(Plan plan, int[][] children) {
        int[][] out = new int[children.length][];
        int[] none = new int[0];
        for (int d = 0; d < children.length; d++) {
            if (children[d].length == 0) {
                out[d] = none;
                continue;
            }
            out[d] = Arrays.stream(children[d]).boxed()
                    .filter(c -> plan.devices().get(c).discoveredAfterUs() != null)
                    .sorted(Comparator.comparingLong((Integer c) -> plan.devices().get(c).discoveredAfterUs())
                            .thenComparingInt(c -> c))
                    .mapToInt(Integer::intValue).toArray();
        }
        return out;
    }

    int[] discoveredByWork(int d) {
        return discoveredByWork[d];
    }

    /** The CPU share this run uses: a known share as it is, an uncertain one as estimated or at this run's bound. */
    int cpuShare(Share share) {
        return share.in(boundPercent);
    }

    void run() {
        kernel.boot();
        loop.run();
    }

    long now() {
        return loop.now();
    }

    String deviceName(int d) {
        return plan.devices().get(d).name();
    }

    int driverOf(int d) {
        return plan.devices().get(d).driver();
    }

    String driverName(int drv) {
        return plan.drivers().get(drv).name();
    }

    /** The async-work owner a device's items are charged to: its driver's module, else the driver. */
    String ownerOf(int d) {
        int m = ownerModule[driverOf(d)];
        return m >= 0 ? plan.modules().get(m).name() : driverName(driverOf(d));
    }

    boolean isModular(int drv) {
        return ownerModule[drv] >= 0;
    }

    void changed(int d) {
        lastChangeUs[d] = loop.now();
    }

    /** When the last device reached its final state (bound, failed, or deferred for good). */
    long settledUs() {
        long settled = 0;
        for (long t : lastChangeUs) {
            settled = Math.max(settled, t);
        }
        return settled;
    }
}
