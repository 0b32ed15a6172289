package dev.bootplan.gate.input;

import dev.bootplan.gate.rules.GateMilestone;
import dev.bootplan.manifest.DeviceSpec;
import dev.bootplan.manifest.DriverSpec;
import dev.bootplan.manifest.InitcallSpec;
import dev.bootplan.manifest.Manifest;
import dev.bootplan.manifest.ModuleSpec;
import dev.bootplan.report.Finding;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Pointers into the manifest a report was evaluated from. A report's devices are the manifest's with counts expanded,
 * in order, so device {@code e} comes from the spec whose range of copies holds {@code e}. A finding points at what
 * its subject names: a module, a driver, a device, a built-in initcall; else at the kernel command line, where knobs
 * live.
 */
final class ManifestLocator implements Locator {

    private final int[] firstCopy; // firstCopy[i]: index of spec i's first expanded device
    private final Map<String, String> subjects = new HashMap<>();

    ManifestLocator(Manifest m) {
        List<DeviceSpec> devices = m.devices();
        firstCopy = new int[devices.size() + 1];
        for (int i = 0; i < devices.size(); i++) {
            DeviceSpec d = devices.get(i);
            int count = d == null || d.count() == null ? 1 : Math.max(1, d.count());
            firstCopy[i + 1] = firstCopy[i] + count;
        }
        // Later kinds do not overwrite earlier ones: a module and its driver often share a name, and findings about
        // loads (udev kills, PREFER_ASYNC_BLOCKS_LOAD) name the module.
        index(m.modules(), "/modules/", ModuleSpec::name);
        index(m.drivers(), "/drivers/", DriverSpec::name);
        index(m.initcalls(), "/initcalls/", InitcallSpec::name);
        index(devices, "/devices/", DeviceSpec::name);
    }

    private <T> void index(List<T> specs, String prefix, Function<T, String> name) {
        for (int i = 0; i < specs.size(); i++) {
            T s = specs.get(i);
            if (s != null && name.apply(s) != null) {
                subjects.putIfAbsent(name.apply(s).replace('-', '_'), prefix + i);
                subjects.putIfAbsent(name.apply(s), prefix + i);
            }
        }
    }

    @Override
    public String device(int index) {
        int lo = 0;
        int hi = firstCopy.length - 2;
        if (hi < 0 || index < 0 || index >= firstCopy[hi + 1]) {
            return null;
        }
        while (lo < hi) { // the last spec whose first copy is at or before index
            int mid = (lo + hi + 1) >>> 1;
            if (firstCopy[mid] <= index) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return "/devices/" + lo;
    }

    @Override
    public String finding(int index, Finding finding) {
        String s = finding.subject() == null ? null : subjects.get(finding.subject());
        return s != null ? s : "/kernel/cmdline";
    }

    @Override
    public String deviceLimit(int index, String driver) {
        String s = subjects.get(driver);
        return s != null && s.startsWith("/drivers/") ? s : null;
    }

    @Override
    public String milestone(GateMilestone milestone) {
        return null;
    }
}
