package dev.bootplan.cli;

import dev.bootplan.engine.mode.ProbingMode;
import dev.bootplan.manifest.Manifest;
import dev.bootplan.cli.Output.Writing;
import dev.bootplan.service.DmesgImportService;
import dev.bootplan.service.PredictionCheckResponse;
import dev.bootplan.trace.DriverModules;
import dev.bootplan.trace.TraceExport;
import java.io.IOException;
import java.io.Reader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "check", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Holds a plan's prediction against a real boot's log, as POST /api/v1/imports/dmesg/checks: per "
                + "milestone, built-in initcall, module init and device, the observed and predicted end times and "
                + "their difference (JSON), or with --format trace the predicted and the observed boot as one Chrome Trace Event "
                + "file."})
final class CheckCommand extends CoreCommand {

    @Parameters(index = "0", paramLabel = "MANIFEST", description = "The plan (JSON), or - for standard input.")
    String manifest;

    @Parameters(index = "1", paramLabel = "LOG", description = "A dmesg booted with initcall_debug (gzip is read "
            + "decompressed), or - for standard input.")
    String log;

    @Mixin
    ModeOption mode;

    /** What {@code check} can write, each as POST /api/v1/imports/dmesg/checks sends it. */
    enum Format {
        json,
        trace
    }

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "json",
            description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Mixin
    Output output;

    @Override
    void run(Core core, CommandLine command) {
        ProbingMode m = mode.resolve(command, false);
        if (Inputs.STDIN.equals(manifest) && Inputs.STDIN.equals(log)) {
            throw new CommandLine.ParameterException(command, "only one of MANIFEST and LOG can be standard input");
        }
        Inputs inputs = inputs(core);
        Manifest plan = inputs.manifest(manifest, core);
        DmesgImportService.Checked checked;
        String source = Inputs.sourceName(log, "log"); // as the service names the form part
        try (Reader in = inputs.text(log, source, inputs.importBudget(), false)) {
            checked = core.useCases().dmesg().check(plan, m, source, in);
        } catch (IOException e) {
            throw Inputs.unreadable(log, e);
        }
        if (format == Format.trace) {
            output.write(checked, Writing.text((c, out) -> TraceExport.check(c.predicted(), c.observed(), c.check(),
                    DriverModules.of(plan), out)), streams());
        } else {
            output.write(PredictionCheckResponse.of(checked), (a, out) -> core.json().writeValue(out, a), streams());
        }
    }
}
