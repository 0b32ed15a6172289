package dev.bootplan.cli;

import dev.bootplan.report.ObservedBoot;
import dev.bootplan.service.DmesgImportResponse;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "dmesg", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Imports a dmesg booted with initcall_debug, as POST /api/v1/imports/dmesg: the observed boot, "
                + "a plan that replays it, and every skipped or doubtful line as an issue (JSON), or the observed "
                + "timeline (SVG). Several logs give a JSON array of imports, in order."})
final class ImportDmesgCommand extends CoreCommand {

    /** The imports as a format needs them: each log parsed and planned, or only observed for a picture. */
    record Run(Core core, Inputs inputs, List<String> logs, String kernelVersion, List<String> names) {
        /** One log's import as the service answers it; several logs' as an array of those. */
        Object imports() {
            List<DmesgImportResponse> all = new ArrayList<>();
            for (int i = 0; i < logs.size(); i++) {
                String log = logs.get(i);
                String name = names.get(i);
                all.add(read(log, in -> DmesgImportResponse.of(core.useCases().dmesg().importLog(source(log), in, kernelVersion, name))));
            }
            return all.size() == 1 ? all.getFirst() : all;
        }

        ObservedBoot observed() {
            String log = logs.getFirst();
            return read(log, in -> core.useCases().dmesg().observe(source(log), in, kernelVersion));
        }

        private <T> T read(String log, Function<Reader, T> use) {
            try (Reader in = inputs.text(log, source(log), inputs.importBudget(), false)) {
                return use.apply(in);
            } catch (IOException e) {
                throw Inputs.unreadable(log, e);
            }
        }

        /** A log on standard input is named as the service names a plain-text body. */
        private static String source(String log) {
            return Inputs.sourceName(log, "dmesg");
        }
    }

    @Parameters(arity = "1..*", paramLabel = "LOG", description = "dmesg output booted with initcall_debug (gzip is read "
            + "decompressed), or - for standard input.")
    List<String> logs;

    @Option(names = {"-n", "--name"}, paramLabel = "NAME", description = "Name of the plan built from the log (default: "
            + "imported-<file>); with several logs NAME-1, NAME-2, ….")
    String name;

    @Option(names = "--kernel-version", paramLabel = "VERSION", description = "The kernel version whose conventions "
            + "read the log (default: the log's own).")
    String kernelVersion;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "json",
            description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    DmesgFormat format;

    @Mixin
    Output output;

    @Override
    void run(Core core, CommandLine command) {
        if (logs.size() > 1 && !format.holdsSeveral()) {
            throw new CommandLine.ParameterException(command, "--format " + format + " draws one boot; give one LOG");
        }
        if (logs.stream().filter(Inputs.STDIN::equals).count() > 1) {
            throw new CommandLine.ParameterException(command, "standard input (-) can be read once");
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < logs.size(); i++) {
            names.add(name == null ? null : logs.size() == 1 ? name : name + "-" + (i + 1));
        }
        output.write(new Run(core, inputs(core), logs, kernelVersion, names), format.writing, streams());
    }
}
