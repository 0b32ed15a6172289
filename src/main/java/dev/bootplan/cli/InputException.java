package dev.bootplan.cli;

/** An input or argument the command line cannot use: a missing file, one over its size limit, a bad limit. */
final class InputException extends RuntimeException {

    InputException(String message) {
        super(message);
    }
}
