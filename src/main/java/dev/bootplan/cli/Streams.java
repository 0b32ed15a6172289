package dev.bootplan.cli;

import java.io.InputStream;
import java.io.PrintStream;

/** The standard streams of one run: the process's, or a test's. */
record Streams(InputStream in, PrintStream out, PrintStream err) {

    /** A command that reads or writes the run's streams. */
    interface Aware {
        void use(Streams streams);
    }
}
