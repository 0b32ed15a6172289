package dev.bootplan.manifest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Resolves the drivers an initcall or module registers; each driver is registered by exactly one of them. */
final class DriverRefs {

    private DriverRefs() {}

    static List<Integer> resolve(
            List<String> names, String at, Map<String, Integer> drivers, Set<Integer> registered, Problems p) {
        List<Integer> out = new ArrayList<>(names.size());
        for (int j = 0; j < names.size(); j++) {
            Integer d = drivers.get(names.get(j));
            if (d == null) {
                p.add(at + "/" + j, "unknown driver \"" + Problems.abbreviate(String.valueOf(names.get(j)))
                        + "\" (declare it under /drivers)");
            } else if (!registered.add(d)) {
                p.add(at + "/" + j, "driver \"" + names.get(j) + "\" is already registered by another initcall or module");
            } else {
                out.add(d);
            }
        }
        return out;
    }
}
