package dev.bootplan.engine;

import dev.bootplan.engine.plan.KernelVersion;
import dev.bootplan.engine.plan.Plan;
import dev.bootplan.report.FindingCode;
import dev.bootplan.report.Severity;
import java.util.List;

/**
 * Everything else the engine reads from the command line and the plan: deferred-probe timeout,
 * fw_devlink, rootdelay/rootwait, udev per phase (rd.udev.* applies only inside the initrd), the async pool.
 */
record BootSettings(
        long deferredTimeoutUs,
        String fwDevlink,
        boolean fwDevlinkEnforced,
        long rootDelayUs,
        String root,
        boolean rootWait,
        Long rootWaitTimeoutUs,
        UdevSettings udevInitrd,
        UdevSettings udevRootfs,
        int asyncMaxActive) {

    static final int MAX_WORK = 32768; // kernel/async.c
    /** drivers/base/core.c fw_devlink_setup(): the values it understands. */
    static final List<String> FW_DEVLINK_VALUES = List.of("off", "permissive", "on", "rpm", "strict");
    /** init/do_mounts.c rootwait_timeout_setup() ("init: add rootwait=<seconds>", v6.5 approx.); before, a value voids rootwait. */
    static final KernelVersion ROOTWAIT_TIMEOUT = new KernelVersion(6, 5);

    static BootSettings read(Plan plan, CommandLine cmd, Findings findings) {
        long deferred = plan.modulesEnabled() ? 10_000_000L : 0;
        String dpt = cmd.last("deferred_probe_timeout");
        if (dpt != null) {
            Long s = seconds(dpt);
            if (s == null) {
                bad(findings, "deferred_probe_timeout", dpt);
            } else {
                deferred = s * 1_000_000L;
            }
        }
        String fw = cmd.last("fw_devlink");
        String fwDevlink = fw == null || fw.isEmpty() ? "on" : fw;
        if (!FW_DEVLINK_VALUES.contains(fwDevlink)) {
            // drivers/base/core.c fw_devlink_setup(): an unknown value changes nothing; the default (on) stays.
            findings.add(FindingCode.KNOB_INEFFECTIVE, Severity.warning, "fw_devlink", null,
                    "fw_devlink=" + fw + " is not a value the kernel knows (" + String.join(", ", FW_DEVLINK_VALUES)
                            + "); it keeps the default, on.",
                    "Write one of " + String.join(", ", FW_DEVLINK_VALUES) + ".");
            fwDevlink = "on";
        }
        // drivers/base/core.c: only on, rpm and strict make the core defer consumers before probe().
        boolean enforced = fwDevlink.equals("on") || fwDevlink.equals("rpm") || fwDevlink.equals("strict");
        long rootDelay = 0;
        String rd = cmd.last("rootdelay");
        if (rd != null) {
            Long s = seconds(rd);
            if (s == null) {
                bad(findings, "rootdelay", rd);
            } else {
                rootDelay = s * 1_000_000L;
            }
        }
        int defaultWorkers = plan.childrenMax() != null ? plan.childrenMax()
                : UdevSettings.defaultChildrenMax(plan.cpus(), plan.memoryBytes());
        UdevSettings rootfs = udev(plan, cmd, findings, defaultWorkers, false);
        UdevSettings initrd = udev(plan, cmd, findings, defaultWorkers, true);
        int maxActive = plan.kernel().compareTo(Knobs.ASYNC_WQ_256) >= 0 ? 256 : Math.max(512, 4 * plan.cpus());
        String rw = cmd.last("rootwait");
        boolean rootWait = rw != null;
        Long rootWaitTimeout = null;
        if (rw != null && !rw.isEmpty()) {
            if (plan.kernel().compareTo(ROOTWAIT_TIMEOUT) < 0) {
                // 6.1 rootwait_setup(): "if (*str) return 0;" — a value leaves rootwait off.
                rootWait = false;
                findings.add(FindingCode.KNOB_INEFFECTIVE, Severity.warning, "rootwait", null,
                        "rootwait=" + rw + " takes no value before v6.5: this kernel does not wait for the root device at all.",
                        "Write plain rootwait.");
            } else {
                Long s = seconds(rw);
                rootWaitTimeout = s == null || s == 0 ? null : s * 1_000_000L; // an invalid value waits for ever
            }
        }
        return new BootSettings(deferred, fwDevlink, enforced, rootDelay, cmd.last("root"), rootWait, rootWaitTimeout, initrd,
                rootfs, maxActive);
    }

    private static UdevSettings udev(Plan plan, CommandLine cmd, Findings findings, int workers, boolean initrd) {
        Long timeout = plan.eventTimeoutUs();
        String t = initrd ? firstOf(cmd, "rd.udev.event_timeout", "udev.event_timeout") : cmd.last("udev.event_timeout");
        if (t != null) {
            Long us = udevSeconds(t);
            if (us == null || us == 0) {
                bad(findings, "udev.event_timeout", t);
            } else {
                timeout = us;
            }
        }
        String c = initrd ? firstOf(cmd, "rd.udev.children_max", "udev.children_max") : cmd.last("udev.children_max");
        if (c != null) {
            Long n = seconds(c);
            if (n == null || n < 1) {
                bad(findings, "udev.children_max", c);
            } else {
                workers = (int) Math.min(n, 65_536);
            }
        }
        return UdevSettings.of(plan.systemdVersion(), timeout, workers);
    }

    /** Inside the initrd systemd reads rd.udev.X and udev.X, the rd. one winning. */
    private static String firstOf(CommandLine cmd, String rdKey, String key) {
        String rd = cmd.last(rdKey);
        return rd != null ? rd : cmd.last(key);
    }

    /** systemd's parse_sec(): a bare number is seconds, or a time span with units. */
    private static Long udevSeconds(String v) {
        Long s = seconds(v);
        if (s != null) {
            return s * 1_000_000L;
        }
        try {
            return dev.bootplan.engine.plan.TimeSpan.parseMicros(v);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Long seconds(String v) {
        if (v == null || !v.matches("\\d{1,9}")) {
            return null;
        }
        return Long.parseLong(v);
    }

    private static void bad(Findings findings, String knob, String value) {
        findings.add(FindingCode.KNOB_INEFFECTIVE, Severity.warning, knob, null,
                knob + "=" + value + " is not a value the reader understands; it is ignored.",
                "Give " + knob + " a whole number.");
    }
}
