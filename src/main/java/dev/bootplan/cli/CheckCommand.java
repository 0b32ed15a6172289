package dev.bootplan.cli;

import dev.bootplan.engine.mode.ProbingMode;
import dev.bootplan.manifest.Manifest;
import dev.bootplan.service.PredictionCheckResponse;
import java.io.IOException;
import java.io.Reader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "check", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Holds a plan's prediction against a real boot's log, as POST /api/v1/imports/dmesg/checks: per "
                + "milestone, built-in initcall, module init and device, the observed and predicted end times and "
                + "their difference (JSON)."})
final class CheckCommand extends CoreCommand {

    @Parameters(index = "0", paramLabel = "MANIFEST", description = "The plan (JSON), or - for standard input.")
    String manifest;

    @Parameters(index = "1", paramLabel = "LOG", description = "A dmesg booted with initcall_debug (gzip is read "
            + "decompressed), or - for standard input.")
    String log;

    @Mixin
    ModeOption mode;

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
        PredictionCheckResponse answer;
        String source = Inputs.sourceName(log, "log"); // as the service names the form part
        try (Reader in = inputs.text(log, source, inputs.importBudget(), false)) {
            answer = PredictionCheckResponse.of(core.useCases().dmesg().check(plan, m, source, in));
        } catch (IOException e) {
            throw Inputs.unreadable(log, e);
        }
        output.write(answer, (a, out) -> core.json().writeValue(out, a), streams());
    }
}
