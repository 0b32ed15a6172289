package dev.bootplan.gate;

/**
 * One way the boot broke a rule: what (a device, a finding, a driver, a milestone), in words, and where in the input
 * file (JSON pointer, 1-based line and column; null when no single value is to blame or the input is a log).
 */
public record Breach(String subject, String message, String pointer, Integer line, Integer column) {

    Breach at(Integer line, Integer column) {
        return new Breach(subject, message, pointer, line, column);
    }
}
