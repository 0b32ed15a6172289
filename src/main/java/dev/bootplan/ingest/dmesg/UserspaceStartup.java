package dev.bootplan.ingest.dmesg;

import static dev.bootplan.ingest.dmesg.DmesgIssueKind.USERSPACE_INFERRED;

import dev.bootplan.ingest.Issues;
import dev.bootplan.manifest.UserspaceSpec;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;

/**
 * How long userspace took before each udev coldplug, read off the log. The log prints no "udevadm trigger", so the
 * first init of a module that binds one of the plan's devices, after /init (and after the root mount), marks each
 * coldplug: the plan loads modules with no overhead, so its first load starts where the log's does. Modules that
 * bind nothing (ipv6, a dependency, systemd's own modprobe@) are loaded by something else and mark nothing. The
 * root switch is what is left between the last module init of the initrd and the root mount. With no module load
 * to mark a coldplug its startup stays 0; a boot whose log shows no udev has no coldplug at all.
 */
final class UserspaceStartup {

    /** The plan's userspace times, and when (µs) each coldplug began in the log: null where no module load marks it. */
    record Startup(UserspaceSpec spec, Long initrdColdplugUs, Long rootColdplugUs) {

        /** The coldplug that was under way at {@code us}, or null. */
        Long coldplugAt(long us) {
            if (rootColdplugUs != null && us >= rootColdplugUs) {
                return rootColdplugUs;
            }
            return initrdColdplugUs != null && us >= initrdColdplugUs ? initrdColdplugUs : null;
        }
    }

    private UserspaceStartup() {}

    /** {@code bindsDevices}: the indices (into {@link BootLog#initcalls()}) of the module inits the plan gives devices. */
    static Startup of(BootLog log, boolean initramfs, IntPredicate bindsDevices, Issues issues) {
        Long init = log.events(LogEvent.InitStarted.class).stream().map(LogEvent::atUs).findFirst().orElse(null);
        if (init == null || !log.udevSeen()) {
            return new Startup(UserspaceSpec.none(), null, null); // no coldplug: modules are loaded by name (ModuleLoads)
        }
        Long root = log.events(LogEvent.RootMounted.class).stream().map(LogEvent::atUs).findFirst().orElse(null);
        List<InitcallRun> loads = IntStream.range(0, log.initcalls().size()).filter(bindsDevices)
                .mapToObj(log.initcalls()::get).filter(r -> !r.builtin() && r.finished() && r.startUs() >= init).toList();
        if (!initramfs || root == null) {
            long rootStartup = loads.isEmpty() ? 0 : loads.get(0).startUs() - init;
            note(issues, "/init at " + Stamps.seconds(init) + " s; the first init of a module with devices at " + first(loads)
                    + " s", 0, 0, rootStartup);
            return new Startup(new UserspaceSpec(null, null, null, null, us(rootStartup)), null,
                    loads.isEmpty() ? null : loads.get(0).startUs());
        }
        List<InitcallRun> initrd = loads.stream().filter(r -> r.startUs() < root).toList();
        List<InitcallRun> rootfs = loads.stream().filter(r -> r.startUs() >= root).toList();
        long initrdStartup = initrd.isEmpty() ? 0 : initrd.get(0).startUs() - init;
        long drained = log.initcalls().stream().filter(r -> !r.builtin() && r.finished() && r.startUs() >= init
                        && r.startUs() < root).mapToLong(InitcallRun::endUs).max().orElse(init + initrdStartup);
        long rootSwitch = Math.max(0, root - drained);
        long rootStartup = rootfs.isEmpty() ? 0 : rootfs.get(0).startUs() - root;
        note(issues, "/init at " + Stamps.seconds(init) + " s, the initrd's first init of a module with devices at "
                + first(initrd) + " s, its last module init ends at " + Stamps.seconds(drained) + " s, the root is mounted at "
                + Stamps.seconds(root) + " s, the root's first init of a module with devices at " + first(rootfs) + " s",
                initrdStartup, rootSwitch, rootStartup);
        return new Startup(new UserspaceSpec(null, null, us(initrdStartup), us(rootSwitch), us(rootStartup)),
                initrd.isEmpty() ? null : initrd.get(0).startUs(), rootfs.isEmpty() ? null : rootfs.get(0).startUs());
    }

    private static void note(Issues issues, String seen, long initrdStartup, long rootSwitch, long rootStartup) {
        issues.add(0, 0, USERSPACE_INFERRED, seen + ": userspace takes " + initrdStartup + " µs before the initrd's coldplug, "
                + rootSwitch + " µs to switch root and " + rootStartup + " µs before the root's coldplug");
    }

    private static String first(List<InitcallRun> loads) {
        return loads.isEmpty() ? "(none)" : Stamps.seconds(loads.get(0).startUs());
    }

    private static String us(long us) {
        return us + "us";
    }
}
