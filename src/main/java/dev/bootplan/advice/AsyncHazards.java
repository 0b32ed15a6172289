package dev.bootplan.advice;

import dev.bootplan.engine.KnobReading;
import dev.bootplan.engine.plan.Plan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Why each driver is unsafe to probe asynchronously: the engine's hazards (firmware only on the root filesystem before
 * it is mounted, userspace expecting the device right after loading, a built-in with unordered suppliers) and the
 * manifest's own asyncUnsafe mark. No line may add to them.
 */
record AsyncHazards(Map<String, List<String>> reasons) {

    static AsyncHazards of(Plan plan, KnobReading reading) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (var h : reading.hazards()) {
            out.computeIfAbsent(plan.drivers().get(h.driver()).name(), k -> new ArrayList<>()).add(h.reason());
        }
        for (var d : plan.drivers()) {
            if (d.asyncUnsafe()) {
                out.computeIfAbsent(d.name(), k -> new ArrayList<>()).add("the manifest marks it unsafe for async probing");
            }
        }
        return new AsyncHazards(java.util.Collections.unmodifiableMap(out)); // kept in plan order
    }

    boolean has(String driver) {
        return reasons.containsKey(driver);
    }

    String why(String driver) {
        return driver + " (" + String.join("; ", reasons.getOrDefault(driver, List.of())) + ")";
    }
}
