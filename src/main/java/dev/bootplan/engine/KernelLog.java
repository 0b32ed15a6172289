package dev.bootplan.engine;

import java.util.ArrayList;
import java.util.List;

/** The lines a kernel booted with initcall_debug would print for this run (probe-model.md §12 formats). */
final class KernelLog {

    private record Line(long atUs, String text) {}

    private final List<Line> lines = new ArrayList<>();
    private final boolean recording;
    private final long limit;

    /** A log that keeps its lines only when {@code recording} (an evaluation that only wants the report keeps none). */
    KernelLog(boolean recording, long limit) {
        this.recording = recording;
        this.limit = limit;
    }

    void print(long atUs, String text) {
        if (!recording) {
            return;
        }
        if (lines.size() >= limit) {
            throw WorkBudgetExceededException.reportTooLarge(limit, atUs);
        }
        lines.add(new Line(atUs, text));
    }

    void levelEntered(long at, String level) {
        print(at, "entering initcall level: " + level);
    }

    void calling(long at, String function, String module, int pid) {
        if (!recording) {
            return;
        }
        print(at, "calling  " + symbol(function, module) + " @ " + pid);
    }

    void initcallReturned(long at, String function, String module, int rc, long usecs) {
        if (!recording) {
            return;
        }
        print(at, "initcall " + symbol(function, module) + " returned " + rc + " after " + usecs + " usecs");
    }

    void probeReturned(long at, String device, int rc, long usecs) {
        if (!recording) {
            return;
        }
        print(at, "probe of " + device + " returned " + rc + " after " + usecs + " usecs");
    }

    private static String symbol(String function, String module) {
        return module == null ? function + "+0x0/0x100" : function + "+0x0/0x1000 [" + module + "]";
    }

    /** The log text, lines in time order (stable), each with the kernel's "[    s.uuuuuu] " prefix. */
    String text() {
        List<Line> sorted = new ArrayList<>(lines);
        sorted.sort(java.util.Comparator.comparingLong(Line::atUs));
        StringBuilder out = new StringBuilder(sorted.size() * 64);
        for (Line l : sorted) {
            out.append(String.format(java.util.Locale.ROOT, "[%5d.%06d] ", l.atUs / 1_000_000, l.atUs % 1_000_000))
                    .append(l.text)
                    .append('\n');
        }
        return out.toString();
    }
}
