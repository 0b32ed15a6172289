package dev.bootplan.cli;

import dev.bootplan.advice.Advice;
import dev.bootplan.advice.AdviceOptions;
import dev.bootplan.advice.Goal;
import dev.bootplan.manifest.Manifest;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "advise", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Searches the settings the plan's kernel and systemd honour and answers with the lines to ship, "
                + "what each buys and what each risks, as POST /api/v1/advice (docs/advice.md)."})
final class AdviseCommand extends CoreCommand {

    /** One search as a format needs it (each format asks once). */
    record Run(Core core, Manifest manifest, Goal goal, int headroom, int maxEvaluations) {
        Advice advice() {
            return core.useCases().advice().advise(manifest, goal, headroom, maxEvaluations);
        }
    }

    @Parameters(index = "0", paramLabel = "MANIFEST", description = "The manifest (JSON), or - for standard input.")
    String manifest;

    @Option(names = {"-g", "--goal"}, paramLabel = "MILESTONE", defaultValue = "allDevicesSettled",
            description = "The milestone to make as early as possible once every device stays bound: "
                    + "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Goal goal;

    @Option(names = "--headroom", paramLabel = "PERCENT", defaultValue = "50",
            description = "Headroom a recommended timeout keeps over the plan's probe times, 0–1000 (default: ${DEFAULT-VALUE}).")
    int headroom;

    @Option(names = "--max-evaluations", paramLabel = "N", defaultValue = "200",
            description = "The most simulations the search may run, 1–2000 (default: ${DEFAULT-VALUE}).")
    int maxEvaluations;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "json",
            description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}); lines: only the lines to ship.")
    AdviseFormat format;

    @Mixin
    Output output;

    @Override
    void run(Core core, CommandLine command) {
        if (headroom < 0 || headroom > AdviceOptions.MAX_HEADROOM_PERCENT) {
            throw new CommandLine.ParameterException(command, "--headroom must be a whole number from 0 to "
                    + AdviceOptions.MAX_HEADROOM_PERCENT + " (percent)");
        }
        if (maxEvaluations < 1 || maxEvaluations > AdviceOptions.MAX_EVALUATIONS) {
            throw new CommandLine.ParameterException(command, "--max-evaluations must be a whole number from 1 to "
                    + AdviceOptions.MAX_EVALUATIONS);
        }
        output.write(new Run(core, inputs(core).manifest(manifest, core), goal, headroom, maxEvaluations), format.writing,
                streams());
    }
}
