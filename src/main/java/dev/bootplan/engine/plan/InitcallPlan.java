package dev.bootplan.engine.plan;

import java.util.List;

/** A built-in initcall: its own time, then the drivers it registers (indices into {@link Plan#drivers()}). */
public record InitcallPlan(String name, Level level, long durationUs, List<Integer> drivers) {

    public InitcallPlan {
        drivers = List.copyOf(drivers);
    }
}
