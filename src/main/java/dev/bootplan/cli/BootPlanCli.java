package dev.bootplan.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The jar's command-line face: {@code java -jar boot-plan-evaluator.jar evaluate examples/laptop.json}. It runs the
 * same use cases as the service ({@link Core}) without Spring, reading files or {@code -} for standard input.
 *
 * <p>A new subcommand is one class named in {@code subcommands} below; a new output format of a command is one
 * constant of that command's format enum ({@link EvaluateFormat}, {@link CompareFormat}, {@link DmesgFormat}).
 */
@Command(name = "bootplan", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Predicts how a Linux machine boots, driver probe by driver probe: the service's answers on the "
                + "command line. With no arguments the jar starts the service instead.",
        subcommands = {EvaluateCommand.class, CompareCommand.class, ImportCommand.class, CheckCommand.class,
                GateCommand.class, AdviseCommand.class, CompletionCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the answer was written", "1:a gate rule failed",
                "2:an input or an argument could not be read or is invalid; the problems are on standard error",
                "3:an unexpected error (a bug: please report it)"},
        footer = {"", "Limits are the service's (bootplan.limits.*): set one with -Dbootplan.limits.max-devices=… "
                + "on the java command line."})
public final class BootPlanCli implements Runnable {

    /** The answer was written. */
    public static final int OK = 0;
    /** The gate: a rule failed. */
    public static final int RULE_FAILED = 1;
    /** An input or an argument could not be read or is invalid (picocli's own usage-error code too). */
    public static final int INVALID_INPUT = 2;
    /** A bug: an exception nobody expected. */
    public static final int BUG = 3;

    private static final Set<String> TOP_LEVEL_OPTIONS = Set.of("-h", "--help", "-V", "--version");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /**
     * Whether these arguments ask for the command line rather than the service: a first argument that is a word (a
     * subcommand, or a mistyped one that deserves a usage error) or asks for help or the version. The service's own
     * arguments are options ({@code --server.port=8081}).
     */
    public static boolean wants(String[] args) {
        return args.length > 0 && (!args[0].startsWith("-") || TOP_LEVEL_OPTIONS.contains(args[0]));
    }

    /** Runs one command on the process's streams and returns its exit code. */
    public static int run(String[] args) {
        return run(args, System.in, System.out, System.err);
    }

    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        Streams streams = new Streams(in, out, err);
        CommandLine cli = new CommandLine(new BootPlanCli(), new Factory(streams));
        cli.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        cli.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        cli.setExecutionExceptionHandler(new Problems(streams));
        cli.setParameterExceptionHandler(new UsageErrors());
        cli.getCommandSpec().usageMessage().sortOptions(false);
        return cli.execute(args);
    }

    /** {@code bootplan} alone: say what there is to do. */
    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command: "
                + String.join(", ", spec.subcommands().keySet()));
    }

    /** Gives each command the run's streams; everything else picocli builds itself. */
    private record Factory(Streams streams) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            K made = CommandLine.defaultFactory().create(type);
            if (made instanceof Streams.Aware aware) {
                aware.use(streams);
            }
            return made;
        }
    }
}
