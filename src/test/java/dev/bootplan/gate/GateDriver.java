package dev.bootplan.gate;

import dev.bootplan.config.StrictJson;
import dev.bootplan.engine.BootSimulator;
import dev.bootplan.engine.EngineSettings;
import dev.bootplan.manifest.ManifestLimits;
import dev.bootplan.manifest.ManifestNormalizer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A test-only stand-in for the command line's {@code gate} subcommand, showing how it maps to the API:
 * <pre>
 * gate INPUT --rules RULES [--mode M] [--baseline FILE]… [--format text|junit|sarif|github] [-o FILE]
 *   Gate gate = new Gate(strictJsonMapper, normalizer, simulator);          // the service's own core
 *   GateOutcome out = gate.judge(new GateRequest(file(INPUT), file(RULES), files(--baseline…), M));
 *   Rendered r = out.render(GateFormat.byName(FORMAT).orElseThrow());       // default text
 *   write r.body() to -o FILE or stdout; for github append r.stepSummary() to $GITHUB_STEP_SUMMARY;
 *   exit out.exitCode();                                                   // 0 pass, 1 a rule failed, 2 unreadable
 * </pre>
 * A file that cannot be read at all (missing, a directory) is exit 2 before the gate is asked.
 */
final class GateDriver {

    static final Gate GATE = new Gate(StrictJson.mapper(), new ManifestNormalizer(ManifestLimits.defaults()),
            new BootSimulator(EngineSettings.defaults()));

    /** What a run printed and returned. */
    record Run(int exitCode, String stdout, String stderr, String stepSummary) {}

    static Run run(String... args) {
        String input = null;
        String rules = null;
        String mode = null;
        String format = "text";
        String output = null;
        List<String> baselines = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rules" -> rules = args[++i];
                case "--mode" -> mode = args[++i];
                case "--baseline" -> baselines.add(args[++i]);
                case "--format" -> format = args[++i];
                case "-o" -> output = args[++i];
                default -> input = args[i];
            }
        }
        var f = GateFormat.byName(format);
        if (input == null || rules == null || f.isEmpty()) {
            return new Run(2, "", "usage: gate MANIFEST|REPORT --rules RULES [--mode M] [--baseline FILE]… [--format F]\n", null);
        }
        List<GateFile> base = new ArrayList<>();
        try {
            GateFile in = file(input);
            GateFile r = file(rules);
            for (String b : baselines) {
                base.add(file(b));
            }
            GateOutcome out = GATE.judge(new GateRequest(in, r, base, mode));
            Rendered rendered = out.render(f.get());
            if (output != null) {
                Files.writeString(Path.of(output), rendered.body(), StandardCharsets.UTF_8);
            }
            String stderr = out.error() == null ? "" : out.error().problems().stream().map(GateProblem::text)
                    .reduce("", (a, b) -> a + "gate: " + b + "\n");
            return new Run(out.exitCode(), output == null ? rendered.body() : "", stderr, rendered.stepSummary());
        } catch (IOException e) {
            return new Run(2, "", "gate: cannot read " + e.getMessage() + "\n", null);
        }
    }

    private static GateFile file(String name) throws IOException {
        return new GateFile(name, Files.readString(Path.of(name), StandardCharsets.UTF_8));
    }
}
