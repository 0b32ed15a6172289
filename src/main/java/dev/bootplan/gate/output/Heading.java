package dev.bootplan.gate.output;

import dev.bootplan.gate.Verdict;

/** What was judged, in one line: "storage-server (manifest examples/storage-server.json, mode sync, rules r.yaml)". */
final class Heading {

    private Heading() {}

    static String of(Verdict v) {
        return (v.plan() == null ? v.input() : v.plan()) + " (" + v.kind() + " " + v.input()
                + (v.mode() == null ? "" : ", mode " + v.mode()) + ", rules " + v.rules()
                + (v.baselines() == 0 ? "" : ", " + v.baselines() + " baseline(s)") + ")";
    }
}
