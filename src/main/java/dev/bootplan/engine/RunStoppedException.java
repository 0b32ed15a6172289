package dev.bootplan.engine;

/** A run was stopped from outside (its request's deadline passed) before it finished; nothing of it is kept. */
public final class RunStoppedException extends RuntimeException {

    public RunStoppedException(long atUs) {
        super("the simulation was stopped at simulated time " + atUs + " us");
    }
}
