package dev.bootplan.engine.sim;

/** One thing a task does next: run code, spend time, or sleep until a gate opens. */
public sealed interface Step {

    /** Instantaneous code; may push more steps onto the task. */
    record Run(Runnable action) implements Step {}

    /**
     * Spend {@code durationUs} on the task. A killable work is cut short when the task gets a fatal signal;
     * {@code onEnd} learns whether it was.
     */
    record Work(long durationUs, boolean killable, WorkEnd onEnd) implements Step {
        public Work {
            if (durationUs < 0) {
                throw new IllegalArgumentException("negative work");
            }
        }
    }

    /** Spend {@code cpuUs} of one CPU, competing with other CPU-bound work for the machine's CPUs. */
    record Compute(long cpuUs, boolean killable, WorkEnd onEnd) implements Step {
        public Compute {
            if (cpuUs < 0) {
                throw new IllegalArgumentException("negative work");
            }
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
