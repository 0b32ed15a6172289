package dev.bootplan.cli;

import dev.bootplan.engine.mode.ProbingMode;
import dev.bootplan.manifest.Manifest;
import dev.bootplan.report.Report;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "evaluate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Simulates a manifest's boot under one probing mode: the report of POST /api/v1/evaluations, "
                + "or its timeline as SVG, a printable HTML page, or the initcall_debug log the kernel would print "
                + "(POST /api/v1/evaluations/kernel-log)."})
final class EvaluateCommand extends CoreCommand {

    /** One evaluation as a format needs it: the report, or the predicted log. */
    record Run(Core core, Manifest manifest, ProbingMode mode) {
        Report report() {
            return core.useCases().evaluations().evaluate(manifest, mode);
        }

        String kernelLog() {
            return core.useCases().evaluations().predictKernelLog(manifest, mode);
        }
    }

    @Parameters(index = "0", paramLabel = "MANIFEST", description = "The manifest (JSON), or - for standard input.")
    String manifest;

    @Mixin
    ModeOption mode;

    @Option(names = "--override-force-sync",
            description = "In debug-force-all, let the what-if override PROBE_FORCE_SYNCHRONOUS as well.")
    boolean overrideForceSync;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "json",
            description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    EvaluateFormat format;

    @Mixin
    Output output;

    @Override
    void run(Core core, CommandLine command) {
        ProbingMode m = mode.resolve(command, overrideForceSync);
        output.write(new Run(core, inputs(core).manifest(manifest, core), m), format.writing, streams());
    }
}
