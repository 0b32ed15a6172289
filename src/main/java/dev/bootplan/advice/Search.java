package dev.bootplan.advice;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Searches the product of the coordinates' values for the best outcome. When every combination fits the budget (and
 * at most {@link #EXHAUSTIVE_MAX} of them) it simulates them all, fewest changes first, so the best is proved and no
 * kept change is idle. Otherwise coordinate descent: each round simulates every single change of the current set and
 * takes the best that beats it, until none does or the budget is spent; then an ablation drops every change whose
 * removal costs nothing.
 */
final class Search {

    static final int EXHAUSTIVE_MAX = 512;

    record Result(int[] choice, String method, long spaceSize, boolean provedBest, boolean stoppedEarly) {}

    private final List<Coordinate> coords;
    private final Evaluator evaluator;
    private final Score score;

    Search(List<Coordinate> coords, Evaluator evaluator, Score score) {
        this.coords = coords;
        this.evaluator = evaluator;
        this.score = score;
    }

    List<Edit> edits(int[] choice) {
        List<Edit> out = new ArrayList<>();
        for (int i = 0; i < choice.length; i++) {
            if (choice[i] > 0) {
                out.add(coords.get(i).options().get(choice[i] - 1));
            }
        }
        return Edits.atomic(out);
    }

    /**
     * The final ablation, over the lines themselves (a chain is one line per module): drops, in order, every edit whose
     * removal leaves the outcome no worse, so each line kept helps.
     */
    List<Edit> ablateLines(List<Edit> edits, Outcome out) {
        List<Edit> current = new ArrayList<>(edits);
        Outcome currentOut = out;
        for (Edit e : edits) {
            List<Edit> without = new ArrayList<>(current);
            without.remove(e);
            if (!evaluator.known(without) && !evaluator.affordable()) {
                continue;
            }
            Outcome o = evaluator.outcome(without);
            if (o != null && !score.better(currentOut, o)) {
                current = without;
                currentOut = o;
            }
        }
        return current;
    }

    Result run(Outcome baseline) {
        long space = 1;
        for (Coordinate c : coords) {
            space = Math.min(Long.MAX_VALUE / 64, space * (c.options().size() + 1));
        }
        if (space <= EXHAUSTIVE_MAX && space - 1 <= budgetLeft()) {
            return exhaustive(baseline, space);
        }
        return descent(baseline, space);
    }

    private long budgetLeft() {
        return evaluator.evaluationsLeft();
    }

    private Result exhaustive(Outcome baseline, long space) {
        List<int[]> all = new ArrayList<>();
        enumerate(new int[coords.size()], 0, all);
        all.sort(Comparator.comparingInt(Search::changes).thenComparing(Arrays::compare));
        int[] best = all.getFirst();
        Outcome bestOut = baseline;
        boolean stopped = false;
        for (int[] c : all) {
            if (changes(c) == 0) {
                continue;
            }
            if (!evaluator.affordable()) {
                stopped = true;
                break;
            }
            Outcome o = evaluator.outcome(edits(c));
            if (o != null && score.better(o, bestOut)) {
                best = c;
                bestOut = o;
            }
        }
        if (stopped) {
            return new Result(ablate(best, bestOut), "exhaustive", space, false, true);
        }
        return new Result(ablate(best, bestOut), "exhaustive", space, true, false);
    }

    private void enumerate(int[] current, int i, List<int[]> out) {
        if (i == coords.size()) {
            out.add(current.clone());
            return;
        }
        for (int v = 0; v <= coords.get(i).options().size(); v++) {
            current[i] = v;
            enumerate(current, i + 1, out);
        }
        current[i] = 0;
    }

    /**
     * Coordinate descent from two starts, the plan as written and every offered value on at once (so a gain that needs
     * several lines together, as a modules.dep chain with the module holding its global wait does, is not missed); the
     * better end wins, the one with fewer changes on a tie.
     */
    private Result descent(Outcome baseline, long space) {
        int[] allOn = new int[coords.size()];
        java.util.Arrays.fill(allOn, 1);
        Walk forward = descend(new int[coords.size()], baseline);
        Walk backward = forward.stopped ? forward : descend(allOn, evaluator.affordable() ? evaluator.outcome(edits(allOn)) : null);
        Walk best = forward;
        if (backward.out != null && (score.better(backward.out, forward.out)
                || (score.compare(backward.out, forward.out) == 0 && changes(backward.choice) < changes(forward.choice)))) {
            best = backward;
        }
        return new Result(best.choice, "coordinate-descent", space, false, forward.stopped || backward.stopped);
    }

    private record Walk(int[] choice, Outcome out, boolean stopped) {}

    private Walk descend(int[] start, Outcome startOut) {
        if (startOut == null) {
            return new Walk(start, null, !evaluator.affordable());
        }
        int[] current = ablate(start, startOut);
        Outcome currentOut = evaluator.outcome(edits(current));
        boolean stopped = false;
        while (!stopped) {
            int[] roundBest = null;
            Outcome roundOut = currentOut;
            for (int i = 0; i < coords.size() && !stopped; i++) {
                for (int v = 0; v <= coords.get(i).options().size(); v++) {
                    if (v == current[i]) {
                        continue;
                    }
                    int[] next = current.clone();
                    next[i] = v;
                    if (!evaluator.known(edits(next)) && !evaluator.affordable()) {
                        stopped = true;
                        break;
                    }
                    Outcome o = evaluator.outcome(edits(next));
                    if (o != null && score.better(o, roundOut)) {
                        roundBest = next;
                        roundOut = o;
                    }
                }
            }
            if (roundBest == null) {
                break;
            }
            current = roundBest;
            currentOut = roundOut;
        }
        current = ablate(current, currentOut);
        return new Walk(current, evaluator.outcome(edits(current)), stopped);
    }

    /** Drops, in order, every change whose removal leaves the outcome no worse: each kept change helps. */
    private int[] ablate(int[] choice, Outcome out) {
        int[] current = choice.clone();
        Outcome currentOut = out;
        for (int i = 0; i < current.length; i++) {
            if (current[i] == 0) {
                continue;
            }
            int[] without = current.clone();
            without[i] = 0;
            if (!evaluator.known(edits(without)) && !evaluator.affordable()) {
                continue;
            }
            Outcome o = evaluator.outcome(edits(without));
            if (o != null && !score.better(currentOut, o)) {
                current = without;
                currentOut = o;
            }
        }
        return current;
    }

    private static int changes(int[] c) {
        int n = 0;
        for (int v : c) {
            if (v != 0) {
                n++;
            }
        }
        return n;
    }
}
