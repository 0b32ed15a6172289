package dev.bootplan.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/** A usage error in two lines: what is wrong, and where the help is (picocli's default prints the whole help). */
final class UsageErrors implements CommandLine.IParameterExceptionHandler {

    @Override
    public int handleParseException(CommandLine.ParameterException ex, String[] args) {
        CommandLine command = ex.getCommandLine();
        PrintWriter err = command.getErr();
        err.println(command.getCommandSpec().qualifiedName() + ": " + ex.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
        err.println("Try '" + command.getCommandSpec().qualifiedName() + " --help' for more.");
        err.flush();
        return BootPlanCli.INVALID_INPUT;
    }
}
