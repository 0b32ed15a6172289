package dev.bootplan.service;

/**
 * Whether the client that asked for the current run has gone away. Asked now and then by the thread that waits for
 * the run (the request's own thread), so that a run nobody will read stops instead of holding its simulation thread
 * until the deadline.
 */
@FunctionalInterface
public interface ClientWatch {

    /** For callers that are not requests: nobody ever goes away. */
    ClientWatch NOBODY_LEAVES = () -> false;

    boolean clientGone();
}
