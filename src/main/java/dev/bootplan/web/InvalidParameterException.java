package dev.bootplan.web;

import java.util.List;

/** A request parameter outside the values it accepts; the advice makes it a 400 naming the parameter. */
final class InvalidParameterException extends RuntimeException {

    private final String parameter;
    private final List<String> allowed;

    InvalidParameterException(String parameter, String message, List<String> allowed) {
        super(message);
        this.parameter = parameter;
        this.allowed = List.copyOf(allowed);
    }

    String parameter() {
        return parameter;
    }

    List<String> allowed() {
        return allowed;
    }
}
