package dev.bootplan.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Reads real artefacts, as POST /api/v1/imports/…: a dmesg booted with initcall_debug, or a kernel's "
                + "module metadata with a machine's devices.",
        subcommands = {ImportDmesgCommand.class, ImportModulesCommand.class})
final class ImportCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name what to import: "
                + String.join(", ", spec.subcommands().keySet()));
    }
}
