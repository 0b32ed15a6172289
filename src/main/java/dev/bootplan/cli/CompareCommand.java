package dev.bootplan.cli;

import dev.bootplan.manifest.Manifest;
import dev.bootplan.report.Comparison;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Simulates a manifest under all four probing modes, side by side, as POST /api/v1/comparisons: "
                + "one summary row per mode with each mode's report, or the four on one time axis as SVG or HTML."})
final class CompareCommand extends CoreCommand {

    /** One comparison as a format needs it. */
    record Run(Core core, Manifest manifest, boolean overrideForceSync) {
        Comparison comparison() {
            return core.useCases().comparisons().compare(manifest, overrideForceSync);
        }
    }

    @Parameters(index = "0", paramLabel = "MANIFEST", description = "The manifest (JSON), or - for standard input.")
    String manifest;

    @Option(names = "--override-force-sync",
            description = "In debug-force-all, let the what-if override PROBE_FORCE_SYNCHRONOUS as well.")
    boolean overrideForceSync;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "json",
            description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    CompareFormat format;

    @Mixin
    Output output;

    @Override
    void run(Core core, CommandLine command) {
        output.write(new Run(core, inputs(core).manifest(manifest, core), overrideForceSync), format.writing, streams());
    }
}
