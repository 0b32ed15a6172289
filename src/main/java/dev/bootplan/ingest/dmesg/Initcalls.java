package dev.bootplan.ingest.dmesg;

import static dev.bootplan.ingest.dmesg.DmesgIssueKind.*;

import dev.bootplan.ingest.Issues;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Pairs "calling" with "initcall … returned" lines. A return line carries no PID, so it is matched by function
 * and module; when several such calls are open (module inits of two workers), the one whose start best fits
 * the reported duration wins.
 */
final class Initcalls {

    /** Reported and stamped durations may differ by this much before the difference is worth a note. */
    private static final long MISMATCH_SLACK_US = 2;

    private final Issues issues;
    private final List<InitcallRun> runs = new ArrayList<>();
    private final Map<String, List<Integer>> open = new HashMap<>();
    private final List<Integer> openOrder = new ArrayList<>();
    private int unknownLevelCount;
    private int unknownLevelLine;
    private int unknownLevelColumn;

    Initcalls(Issues issues) {
        this.issues = issues;
    }

    List<InitcallRun> runs() {
        return runs;
    }

    InitcallRun get(int i) {
        return runs.get(i);
    }

    /** Indices of the calls open now, oldest first. */
    List<Integer> open() {
        return openOrder;
    }

    void calling(LogLine line, long at, Message.Calling c, String level) {
        int index = runs.size();
        runs.add(new InitcallRun(c.function(), c.module(), c.pid(), at, null, null, null, level, line.line(), null));
        open.computeIfAbsent(key(c.function(), c.module()), k -> new ArrayList<>(1)).add(index);
        openOrder.add(index);
    }

    void returned(LogLine line, long at, Message.Returned r) {
        String key = key(r.function(), r.module());
        List<Integer> candidates = open.get(key);
        if (candidates == null || candidates.isEmpty()) {
            String label = key;
            issues.add(line.line(), line.column(), UNMATCHED_RETURN,
                    "initcall " + label + " returned, but its \"calling\" line is not in the log; skipped");
            return;
        }
        int best = 0;
        for (int k = 1; k < candidates.size(); k++) {
            if (misfit(candidates.get(k), at, r) < misfit(candidates.get(best), at, r)) {
                best = k;
            }
        }
        int index = candidates.remove(best);
        if (candidates.isEmpty()) {
            open.remove(key); // only open calls stay: a log of 200,000 distinct initcalls must not keep them all
        }
        openOrder.remove(Integer.valueOf(index));
        String label = key;
        InitcallRun c = runs.get(index);
        long stamped = at - c.startUs();
        // Two CPUs' stamps can be a few µs out of order: a return stamped before its "calling" line must not end the
        // call before it starts (a negative span in the plan and the timeline). It ends where it starts, and is noted.
        runs.set(index, new InitcallRun(c.function(), c.module(), c.pid(), c.startUs(), Math.max(at, c.startUs()),
                r.returnCode(), r.reportedUs(), c.level(), c.callingLine(), line.line()));
        if (stamped < 0) {
            issues.add(line.line(), line.column(), DURATION_MISMATCH, label + " reports " + r.reportedUs()
                    + " usecs but its \"returned\" line is stamped " + -stamped + " µs before its \"calling\" line"
                    + " (printk from another CPU); it is taken to end where it starts");
        } else if (r.reportedUs() > stamped + MISMATCH_SLACK_US) {
            issues.add(line.line(), line.column(), DURATION_MISMATCH, label + " reports " + r.reportedUs()
                    + " usecs but its lines are " + stamped + " µs apart (a coarse clock before the clocksource switch?);"
                    + " the stamps are used");
        }
    }

    void levelUnknown(LogLine line) {
        if (unknownLevelCount++ == 0) {
            unknownLevelLine = line.line();
            unknownLevelColumn = line.column();
        }
    }

    /** End of input: what is still open never returned in this log. */
    void finish() {
        if (unknownLevelCount > 0) {
            issues.add(unknownLevelLine, unknownLevelColumn, LEVEL_UNKNOWN, unknownLevelCount
                    + " built-in initcalls from here on come before the first \"entering initcall level:\" line;"
                    + " the log does not say their level");
        }
        for (int index : openOrder) {
            InitcallRun c = runs.get(index);
            issues.add(c.callingLine(), 1, UNFINISHED_INITCALL, "initcall " + c.label() + " @ " + c.pid()
                    + " has no \"returned\" line: it was still running when the log ends, or the line was lost");
        }
    }

    private long misfit(int index, long at, Message.Returned r) {
        return Math.abs((at - runs.get(index).startUs()) - r.reportedUs());
    }

    private static String key(String function, String module) {
        return module == null ? function : function + " [" + module + "]";
    }
}
