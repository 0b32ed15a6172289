package dev.bootplan.web;

import dev.bootplan.engine.mode.ProbingMode;
import dev.bootplan.engine.mode.ProbingModes;

/** Reads {@code ?mode=}: an unknown name is a bad parameter (400) that lists the modes, not a bad manifest. */
final class ModeParameter {

    static final String NAME = "mode";

    private ModeParameter() {}

    static ProbingMode resolve(String name, boolean overrideForceSync) {
        if (name.contains(",")) {
            // Spring joins a repeated parameter with commas: ?mode=sync&mode=async arrives as "sync,async".
            throw new InvalidParameterException(NAME, "mode is given more than once; give one of "
                    + String.join(", ", ProbingModes.names()), ProbingModes.names());
        }
        return ProbingModes.byName(name, overrideForceSync).orElseThrow(() -> new InvalidParameterException(NAME,
                ProbingModes.unknown(name), ProbingModes.names()));
    }
}
