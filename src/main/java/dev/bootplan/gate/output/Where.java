package dev.bootplan.gate.output;

import dev.bootplan.gate.Breach;

/** "file:line:col" for a breach in the input, or the file alone when the breach has no single place. */
final class Where {

    private Where() {}

    static String of(String file, Breach b) {
        return b.line() == null ? file : file + ":" + b.line() + (b.column() == null ? "" : ":" + b.column());
    }
}
