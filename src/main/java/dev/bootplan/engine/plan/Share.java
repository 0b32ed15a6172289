package dev.bootplan.engine.plan;

/**
 * A CPU share in percent of one CPU, and whether it is known. A log cannot tell busy-waiting from sleeping, so many
 * shares are estimates (or absent, taken as 0): the prediction uses {@code percent}, and the report's bounds take every
 * share that is not known as 0 and as 100.
 */
public record Share(int percent, boolean known) {

    public Share {
        if (percent < 0 || percent > 100) {
            throw new IllegalArgumentException("CPU share " + percent + " outside 0..100");
        }
    }

    public static Share known(int percent) {
        return new Share(percent, true);
    }

    /** Nothing is known: the prediction takes it as waiting. */
    public static Share unknown() {
        return new Share(0, false);
    }

    /** The share a run uses: a known one as it is; an uncertain one as estimated, or at {@code bound} when given (≥ 0). */
    public int in(int bound) {
        return known || bound < 0 ? percent : bound;
    }
}
