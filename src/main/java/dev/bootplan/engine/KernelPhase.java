package dev.bootplan.engine;

import dev.bootplan.engine.plan.InitcallPlan;
import dev.bootplan.engine.plan.Level;
import dev.bootplan.engine.sim.Gate;
import dev.bootplan.engine.sim.Step;
import dev.bootplan.engine.sim.Task;
import dev.bootplan.report.FindingCode;
import dev.bootplan.report.Severity;
import dev.bootplan.report.SpanKind;
import java.util.ArrayList;
import java.util.List;

/**
 * PID 1 from the first initcall to /init (init/main.c, init/do_mounts.c): initcall levels in order,
 * the initramfs unpack at rootfs level, deferred_probe_initcall at the end of late, prepare_namespace
 * without an initramfs (rootdelay, then wait_for_device_probe, then the root mount), wait_for_initramfs,
 * async_synchronize_full, then the userspace phase.
 */
final class KernelPhase {

    /** The initcall name dd.c registers with late_initcall(); a plan may place it among its late initcalls. */
    static final String DEFERRED_PROBE_INITCALL = "deferred_probe_initcall";
    /** init/do_mounts.c: the rootwait loop's msleep(5) (the scheduler rounds it up to whole jiffies; not modelled). */
    static final long ROOTWAIT_POLL_US = 5_000;

    private final Simulation sim;
    final Task pid1;

    KernelPhase(Simulation sim) {
        this.sim = sim;
        this.pid1 = new Task("pid1", sim.loop, sim.cpus);
    }

    void boot() {
        List<List<InitcallPlan>> byLevel = new ArrayList<>();
        for (int l = 0; l < Level.values().length; l++) {
            byLevel.add(new ArrayList<>());
        }
        for (InitcallPlan c : sim.plan.initcalls()) {
            byLevel.get(c.level().ordinal()).add(c);
        }
        if (sim.plan.earlyBootUs() > 0) {
            pid1.add(new Step.Work(sim.plan.earlyBootUs(), false, (s, k) -> {}));
        }
        for (Level level : Level.values()) {
            pid1.add(new Step.Run(() -> sim.log.levelEntered(sim.now(), level.wireName())));
            if (level == Level.ROOTFS) {
                pid1.add(new Step.Run(this::populateRootfs));
            }
            boolean deferredPlaced = false;
            for (InitcallPlan c : byLevel.get(level.ordinal())) {
                if (level == Level.LATE && c.name().equals(DEFERRED_PROBE_INITCALL) && !deferredPlaced) {
                    addDeferredProbeInitcall(c.durationUs());
                    deferredPlaced = true;
                } else {
                    addInitcall(c);
                }
            }
            if (level == Level.LATE && !deferredPlaced) {
                addDeferredProbeInitcall(0);
            }
        }
        pid1.add(new Step.Run(() -> sim.initcallsDoneUs = sim.now()));
        if (!sim.plan.initramfsPresent()) {
            addPrepareNamespace();
        }
        pid1.add(new Step.Await(sim.initramfsUnpacked, false, (s, k) -> {})); // wait_for_initramfs()
        pid1.add(new Step.Await(sim.async.idle, false, (since, k) -> {
            // kernel_init(): async_synchronize_full() before freeing init memory and running /init.
            if (sim.now() > since) {
                sim.timeline.add(pid1.lane(), SpanKind.globalWait, "async_synchronize_full", since, sim.now());
            }
        }));
        if (sim.plan.initHandoverUs() > 0) {
            pid1.add(new Step.Work(sim.plan.initHandoverUs(), false, (s, k) -> {})); // free_initmem(), mark_readonly()
        }
        pid1.add(new Step.Run(() -> sim.userspace.start()));
        pid1.start();
    }

    private void addInitcall(InitcallPlan c) {
        long[] start = new long[1];
        pid1.add(new Step.Run(() -> {
            start[0] = sim.now();
            sim.log.calling(start[0], c.name(), null, 1);
        }));
        pid1.add(new Step.Work(c.durationUs(), false, (s, k) -> {}));
        pid1.add(new Step.Run(() -> pid1.pushFront(sim.probing.register(c.drivers(), pid1, () -> {
            sim.timeline.add(pid1.lane(), SpanKind.initcall, c.name(), start[0], sim.now());
            sim.log.initcallReturned(sim.now(), c.name(), null, 0, sim.now() - start[0]);
        }))));
    }

    /** init/initramfs.c: the unpack is async work in its own exclusive domain (inline with nothing async). */
    private void populateRootfs() {
        sim.initramfsQueued = true;
        long unpack = sim.plan.initramfsUnpackUs();
        if (sim.policy.inlineAsyncWork()) {
            pid1.pushFront(List.of(new Step.Work(unpack, false, (start, k) -> {
                if (unpack > 0) {
                    sim.timeline.add(pid1.lane(), SpanKind.initramfsUnpack, "initramfs", start, sim.now());
                }
                sim.initramfsUnpacked.open();
            })));
            return;
        }
        sim.async.queue(new AsyncPool.Item("initramfs", true, t -> List.of(new Step.Work(unpack, false, (start, k) -> {
            if (unpack > 0) {
                sim.timeline.add(t.lane(), SpanKind.initramfsUnpack, "initramfs", start, sim.now());
            }
            sim.initramfsUnpacked.open();
        }))));
    }

    /**
     * drivers/base/dd.c: enable retries, retry everything and flush, twice; then arm the deferred-probe timeout.
     * It is an ordinary late_initcall, so it runs where link order puts it: where the plan lists it (an imported
     * log shows it mid-level), else at the end of late. {@code ownUs} is time the plan charges to it besides
     * the retried probes (console output between them, retries of devices the plan does not hold).
     */
    private void addDeferredProbeInitcall(long ownUs) {
        long[] start = new long[1];
        pid1.add(new Step.Run(() -> {
            start[0] = sim.now();
            sim.log.calling(start[0], DEFERRED_PROBE_INITCALL, null, 1);
        }));
        if (ownUs > 0) {
            pid1.add(new Step.Work(ownUs, false, (s, k) -> {}));
        }
        pid1.add(new Step.Run(() -> {
            sim.deferred.enable();
            sim.deferred.trigger();
        }));
        pid1.add(new Step.Await(sim.deferred.idle, false, (s, k) -> {}));
        pid1.add(new Step.Run(sim.deferred::trigger));
        pid1.add(new Step.Await(sim.deferred.idle, false, (s, k) -> {}));
        pid1.add(new Step.Run(() -> {
            sim.deferred.arm();
            sim.timeline.add(pid1.lane(), SpanKind.initcall, DEFERRED_PROBE_INITCALL, start[0], sim.now());
            sim.log.initcallReturned(sim.now(), DEFERRED_PROBE_INITCALL, null, 0, sim.now() - start[0]);
        }));
    }

    /** init/do_mounts.c prepare_namespace(): rootdelay first, then wait_for_device_probe(), then (rootwait) the root. */
    private void addPrepareNamespace() {
        long delay = sim.settings.rootDelayUs();
        if (delay > 0) {
            pid1.add(new Step.Work(delay, false,
                    (start, k) -> sim.timeline.add(pid1.lane(), SpanKind.rootDelay, "rootdelay", start, sim.now())));
        }
        long[] since = new long[1];
        pid1.add(new Step.Run(() -> since[0] = sim.now()));
        pid1.add(new Step.Await(sim.deferred.idle, false, (s, k) -> {}));
        pid1.add(new Step.Await(sim.async.idle, false, (s, k) -> {
            if (sim.now() > since[0]) {
                sim.timeline.add(pid1.lane(), SpanKind.globalWait, "wait_for_device_probe", since[0], sim.now());
            }
        }));
        if (sim.plan.rootDevice() == null) {
            pid1.add(new Step.Run(this::mountRoot)); // the plan does not say where the root lives: take it as there
            return;
        }
        pid1.add(new Step.Run(() -> {
            if (sim.rootReady.isOpen()) {
                mountRoot();
            } else if (sim.settings.rootWait()) {
                sim.log.print(sim.now(), "Waiting for root device " + rootName() + "...");
                pollRoot(sim.now());
            } else {
                rootNotFound("rootwait is not on the command line, so the kernel did not wait for it");
            }
        }));
    }

    /**
     * The rootwait loop (6.1 prepare_namespace(), 6.12 wait_for_root()): while the root device is not there, msleep(5);
     * with rootwait=<s> (v6.5+) give up once that long has passed; then async_synchronize_full() and mount. The loop
     * notices the device at its next 5 ms poll, so PID 1 sleeps until the first poll at or after the bind (or after
     * the deadline) instead of spending an event per poll.
     */
    private void pollRoot(long since) {
        Long timeout = sim.settings.rootWaitTimeoutUs();
        Gate over = new Gate(sim.loop, false);
        sim.rootReady.whenOpen(over::open);
        if (timeout != null) {
            sim.loop.at(Math.addExact(since, timeout) + 1, over::open); // ktime_after(now, end): strictly after
        }
        pid1.pushFront(List.of(new Step.Await(over, false, (s, k) -> {
            long polls = Math.ceilDiv(sim.now() - since, ROOTWAIT_POLL_US);
            long wake = since + polls * ROOTWAIT_POLL_US;
            pid1.pushFront(List.of(new Step.Work(wake - sim.now(), false, (w, kk) -> {}),
                    new Step.Await(sim.async.idle, false, (w, kk) -> {
                        sim.timeline.add(pid1.lane(), SpanKind.rootWait, rootName(), since, sim.now());
                        if (sim.rootReady.isOpen()) {
                            mountRoot();
                        } else {
                            rootNotFound("rootwait=" + timeout / 1_000_000 + " gave up waiting for it");
                        }
                    })));
        })));
    }

    private void mountRoot() {
        sim.rootMounted = true;
        sim.rootMountedUs = sim.now();
    }

    /** mount_root() on a device that is not there: "VFS: Unable to mount root fs", a panic; /init never runs. */
    private void rootNotFound(String why) {
        sim.log.print(sim.now(), "VFS: Unable to mount root fs on unknown-block(0,0)");
        sim.findings.add(FindingCode.ROOT_NOT_FOUND, Severity.error, sim.plan.rootDevice(), sim.now(),
                "The kernel mounted the root at " + TimeText.of(sim.now()) + " but " + sim.plan.rootDevice() + " (root="
                        + rootName() + ") was not bound yet: " + why + ". The kernel panics; /init never runs.",
                "Add rootwait to the command line (or rootdelay= long enough), or build the root device's driver in.");
        pid1.clearSteps();
    }

    private String rootName() {
        return sim.settings.root() != null ? sim.settings.root() : sim.plan.rootDevice();
    }
}
