package dev.bootplan.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs the command line in this JVM, as {@code java -jar … ARGS} would, and keeps what it printed. */
record Cli(int exitCode, byte[] out, String err) {

    static Cli run(String... args) {
        return runWithInput(new byte[0], args);
    }

    static Cli runWithInput(byte[] stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = BootPlanCli.run(args, new ByteArrayInputStream(stdin), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Cli(code, out.toByteArray(), err.toString(StandardCharsets.UTF_8));
    }

    String text() {
        return new String(out, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "exit " + exitCode + ", stderr: " + err;
    }
}
