package dev.bootplan.gate.input;

import dev.bootplan.gate.rules.GateMilestone;
import dev.bootplan.report.Finding;

/**
 * Where, in the file the gate was given, a breach belongs: an RFC 6901 JSON pointer, or null when no single value
 * is to blame (a milestone of a manifest is the whole plan's doing).
 */
public interface Locator {

    /** The device at {@code index} of the report's devices (manifest order, counts expanded). */
    String device(int index);

    /** The finding at {@code index} of the report's warnings. */
    String finding(int index, Finding finding);

    /** The device limit of {@code driver}, at {@code index} of the report's device limits. */
    String deviceLimit(int index, String driver);

    String milestone(GateMilestone milestone);

    /** For inputs that are no JSON document (a dmesg log). */
    static Locator none() {
        return new Locator() {
            @Override
            public String device(int index) {
                return null;
            }

            @Override
            public String finding(int index, Finding finding) {
                return null;
            }

            @Override
            public String deviceLimit(int index, String driver) {
                return null;
            }

            @Override
            public String milestone(GateMilestone milestone) {
                return null;
            }
        };
    }
}
