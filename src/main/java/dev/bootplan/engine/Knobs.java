package dev.bootplan.engine;

import dev.bootplan.engine.plan.KernelVersion;
import dev.bootplan.engine.plan.ModulePlan;
import java.util.List;

/**
 * The async-probing knobs as this kernel version reads them (probe-model.md §3.1).
 *
 * @param moduleAsyncDefault module.async_probe= (v6.0+), null when unset or not understood
 * @param driverNames driver_async_probe= names after the kernel's 255-character copy, null before v5.1 or unset
 * @param wildcard '*' present and understood (v6.0+): the list becomes an exclusion list
 */
record Knobs(
        KernelVersion version,
        Boolean moduleAsyncDefault,
        List<String> driverNames,
        boolean wildcard,
        CommandLine cmdline) {

    static final KernelVersion ASYNC_PROBING = new KernelVersion(4, 2);
    static final KernelVersion PER_DEVICE_ASYNC = new KernelVersion(5, 1);
    static final KernelVersion UNCONDITIONAL_MODULE_WAIT = new KernelVersion(5, 18);
    static final KernelVersion BOOL_ASYNC_PROBE = new KernelVersion(6, 0);
    static final KernelVersion ASYNC_WQ_256 = new KernelVersion(6, 9);
    /**
     * kernel/module/main.c idempotent_init_module() (commit 9b9879fc0327, v6.4 approx.): a finit_module() of a module
     * another task is loading waits for that load to return and gets its result. Before, add_unformed_module() woke
     * it as soon as the module was LIVE (finished_loading()), before the loader's async_synchronize_full(), with -EEXIST.
     */
    static final KernelVersion IDEMPOTENT_LOAD = new KernelVersion(6, 4);

    boolean asyncProbingExists() {
        return version.compareTo(ASYNC_PROBING) >= 0;
    }

    /** drivers/base/dd.c: cmdline_requested_async_probing(): async_probe_default != parse_option_str(names, name). */
    boolean driverRequested(String driver) {
        if (driverNames == null) {
            return false;
        }
        return wildcard != driverNames.contains(driver);
    }

    /**
     * kernel/module/main.c: async_probe_requested starts at module.async_probe (v6.0+), then each
     * async_probe parameter (modprobe.d options first, the command line's {@code <mod>.async_probe} last)
     * sets it: any value enables it before v6.0; from v6.0 kstrtobool(), with a bare or unparsable value
     * meaning true.
     */
    boolean moduleRequested(ModulePlan module) {
        if (!asyncProbingExists()) {
            return false;
        }
        boolean modern = version.compareTo(BOOL_ASYNC_PROBE) >= 0;
        boolean requested = modern && Boolean.TRUE.equals(moduleAsyncDefault);
        for (String value : asyncProbeValues(module)) {
            if (!modern) {
                requested = true;
            } else {
                Boolean b = KernelBool.parse(value);
                requested = b == null || b;
            }
        }
        return requested;
    }

    /** Every async_probe value given to the module, in the order the kernel parses them; "" for a bare flag. */
    List<String> asyncProbeValues(ModulePlan module) {
        var values = new java.util.ArrayList<String>();
        for (CommandLine.Param p : CommandLine.parse(module.options()).params()) {
            if (p.key().equals("async_probe")) {
                values.add(p.bare() ? "" : p.value());
            }
        }
        for (CommandLine.Param p : cmdline.params()) {
            int dot = p.key().indexOf('.');
            if (dot > 0 && p.key().substring(dot + 1).equals("async_probe")
                    && p.key().substring(0, dot).replace('-', '_').equals(module.name())) {
                values.add(p.bare() ? "" : p.value());
            }
        }
        return values;
    }
}
