package dev.bootplan.advice;

import dev.bootplan.report.Milestones;
import java.util.ArrayList;
import java.util.List;

/**
 * Which of two outcomes is better: more devices bound first, then fewer async hazards taken, then the goal milestone
 * earlier, then the other milestones (every device settled, udev settled, root mounted, /init, initcalls done) as
 * tie-breakers. Moves smaller than the minimum gain are ties, so a line must buy something real to be kept.
 */
final class Score {

    private final List<Goal> order;
    private final long minGainUs;

    Score(Goal goal, long minGainUs) {
        List<Goal> o = new ArrayList<>();
        o.add(goal);
        for (Goal g : Goal.values()) {
            if (g != goal) {
                o.add(g);
            }
        }
        this.order = List.copyOf(o);
        this.minGainUs = minGainUs;
    }

    /** Negative when {@code a} is better than {@code b}, positive when worse, 0 for a tie. */
    int compare(Outcome a, Outcome b) {
        if (a.bound() != b.bound()) {
            return a.bound() > b.bound() ? -1 : 1;
        }
        if (a.risksTaken() != b.risksTaken()) {
            return a.risksTaken() < b.risksTaken() ? -1 : 1;
        }
        for (Goal g : order) {
            int c = compare(g.of(a.milestones()), g.of(b.milestones()));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    boolean better(Outcome a, Outcome b) {
        return compare(a, b) < 0;
    }

    private int compare(long a, long b) {
        if (a == b) {
            return 0;
        }
        if (a == Long.MAX_VALUE || b == Long.MAX_VALUE) {
            return a < b ? -1 : 1;
        }
        return Math.abs(a - b) < minGainUs ? 0 : Long.compare(a, b);
    }

    static long gain(Goal goal, Milestones before, Milestones after) {
        long b = goal.of(before);
        long a = goal.of(after);
        if (a == Long.MAX_VALUE || b == Long.MAX_VALUE) {
            return 0;
        }
        return b - a;
    }
}
