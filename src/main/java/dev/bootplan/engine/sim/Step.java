package dev.bootplan.engine.sim;

/** One thing a task does next: run code, spend time, or sleep until a gate opens. */
public sealed interface Step {

    /** Instantaneous code; may push more steps onto the task. */
    record Run(Runnable action) implements Step {}

    /**
     * Spend {@code durationUs} of the task's own time, {@code cpuPercent} of it on a CPU (competing with other CPU work,
     * interleaved across the span) and the rest waiting. A killable work is cut short when the task gets a fatal
     * signal; {@code onEnd} learns whether it was. {@code lock}: see {@link Processors#submit(long, int, int, Runnable)}.
     */
    record Work(long durationUs, int cpuPercent, int lock, boolean killable, WorkEnd onEnd) implements Step {
        public Work {
            if (durationUs < 0) {
                throw new IllegalArgumentException("negative work");
            }
            if (cpuPercent < 0 || cpuPercent > 100) {
                throw new IllegalArgumentException("CPU share outside 0..100");
            }
        }

        /** Work whose CPU part holds no lock others wait for. */
        public Work(long durationUs, int cpuPercent, boolean killable, WorkEnd onEnd) {
            this(durationUs, cpuPercent, Processors.NO_LOCK, killable, onEnd);
        }

        /** Pure waiting: a timer, no CPU. */
        public Work(long durationUs, boolean killable, WorkEnd onEnd) {
            this(durationUs, 0, Processors.NO_LOCK, killable, onEnd);
        }
    }

    /** Sleep until {@code gate} opens; a killable sleep ends at once on a fatal signal. */
    record Await(Gate gate, boolean killable, AwaitEnd onEnd) implements Step {}

    @FunctionalInterface
    interface WorkEnd {
        void ended(long startUs, boolean interrupted);
    }

    @FunctionalInterface
    interface AwaitEnd {
        void ended(long sleptFromUs, boolean interrupted);
    }
}
