package dev.bootplan.service;

/** The client closed its connection while its simulation ran; the run was stopped and nobody reads the answer. */
public final class ClientGoneException extends RuntimeException {

    ClientGoneException(long afterMillis) {
        super("the client closed the connection after " + afterMillis + " ms; its simulation was stopped");
    }
}
