package dev.bootplan.engine.mode;

import java.util.List;
import java.util.Optional;

/** The four modes, in the order reports and comparisons list them. */
public final class ProbingModes {

    private ProbingModes() {}

    public static List<ProbingMode> all(boolean overrideForceSync) {
        return List.of(new SyncMode(), new AsyncMode(), new ForcedSyncMode(), new DebugForceAllMode(overrideForceSync));
    }

    public static Optional<ProbingMode> byName(String name, boolean overrideForceSync) {
        return all(overrideForceSync).stream().filter(m -> m.name().equals(name)).findFirst();
    }

    public static List<String> names() {
        return all(false).stream().map(ProbingMode::name).toList();
    }

    /** What to tell whoever named a mode that does not exist (the service's 400, the command line's usage error). */
    public static String unknown(String name) {
        return "unknown mode \"" + (name.length() > 64 ? name.substring(0, 61) + "..." : name) + "\"; the modes are "
                + String.join(", ", names());
    }
}
