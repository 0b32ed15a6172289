package dev.bootplan.ingest.dmesg;

import static dev.bootplan.ingest.dmesg.DmesgIssueKind.PROBE_TYPE_FROM_LOG;

import dev.bootplan.ingest.Issues;
import java.util.HashMap;
import java.util.Map;

/**
 * Why a driver probed asynchronously. drivers/base/dd.c driver_allows_async_probing(): PROBE_PREFER_ASYNCHRONOUS, or
 * (default probe type) driver_async_probe= naming it or "*" (cmdline_requested_async_probing()), or its module loaded
 * with async_probe (module_requested_async_probing(): module.async_probe=1 or &lt;module&gt;.async_probe on the command
 * line, or the option given to modprobe/insmod, which no log line shows). Only what the command line does not explain
 * is the driver's own probe type.
 */
final class AsyncKnobs {

    private final String driverAsyncProbe;
    private final boolean allModules;
    private final Map<String, Boolean> perModule = new HashMap<>();

    AsyncKnobs(String cmdline) {
        String drivers = null;
        boolean all = false;
        if (cmdline != null) {
            for (String word : cmdline.strip().split("\\s+")) {
                int eq = word.indexOf('=');
                String key = (eq < 0 ? word : word.substring(0, eq)).replace('-', '_');
                String value = eq < 0 ? null : word.substring(eq + 1);
                if (key.equals("driver_async_probe")) {
                    drivers = value == null ? "" : value;
                } else if (key.equals("module.async_probe")) {
                    all = truthy(value);
                } else if (key.endsWith(".async_probe")) {
                    perModule.put(key.substring(0, key.length() - ".async_probe".length()), truthy(value));
                }
            }
        }
        this.driverAsyncProbe = drivers;
        this.allModules = all;
    }

    /** kernel/params.c param_set_bool() via kstrtobool(): a bare flag, 1, y, Y, on; absent means false. */
    private static boolean truthy(String value) {
        if (value == null || value.isEmpty()) {
            return true;
        }
        char c = value.charAt(0);
        return c == '1' || c == 'y' || c == 'Y' || value.equalsIgnoreCase("on");
    }

    /** Whether the command line explains {@code driver} of {@code module} (null: built in) probing asynchronously. */
    String explanation(String driver, String module) {
        if (driverAsyncProbe != null) {
            for (String d : driverAsyncProbe.split(",")) {
                if (d.equals("*") || d.equals(driver)) {
                    return "driver_async_probe=" + driverAsyncProbe;
                }
            }
        }
        if (module != null) {
            String m = module.replace('-', '_');
            if (perModule.containsKey(m)) {
                return perModule.get(m) ? m + ".async_probe" : null;
            }
            if (allModules) {
                return "module.async_probe=1";
            }
        }
        return null;
    }

    /** Whether an async driver's probing is the command line's doing; says at {@code line} what the plan takes. */
    boolean explains(String driver, String module, boolean said, Issues issues, int line) {
        String why = explanation(driver, module);
        if (said) {
            issues.add(line, 1, PROBE_TYPE_FROM_LOG, why != null
                    ? driver + " probed asynchronously, which " + why + " on the command line explains; its own probe type is"
                            + " not in the log, so the plan says default"
                    : driver + " probed asynchronously and nothing on the command line asks for it: the plan says prefer-async"
                            + " (PROBE_PREFER_ASYNCHRONOUS; an async_probe option given to its module's load would look the same)");
        }
        return why != null;
    }
}
