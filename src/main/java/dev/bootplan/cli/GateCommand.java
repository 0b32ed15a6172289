package dev.bootplan.cli;

import dev.bootplan.cli.Output.Writing;
import dev.bootplan.gate.GateFile;
import dev.bootplan.gate.GateFormat;
import dev.bootplan.gate.GateOutcome;
import dev.bootplan.gate.GateProblem;
import dev.bootplan.gate.GateRequest;
import dev.bootplan.gate.Rendered;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "gate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Holds a boot against a rules file, as POST /api/v1/gates: a manifest (evaluated in --mode), an "
                + "evaluation report, a dmesg import's answer or a dmesg log; optionally against baselines (several "
                + "observed boots of the same machine make the noise-aware rules possible).",
                "Exit 0 when every rule passed, 1 when one failed, 2 when the input, the rules or a baseline could not "
                        + "be read (never a pass)."})
final class GateCommand extends CoreCommand implements CommandLine.IExitCodeGenerator {

    @Parameters(index = "0", paramLabel = "INPUT", description = "The manifest, report or log, or - for standard input.")
    String input;

    @Option(names = {"-r", "--rules"}, paramLabel = "RULES", required = true,
            description = "The rules file, YAML or JSON (schemas/gate-rules.schema.json).")
    String rules;

    @Option(names = {"-b", "--baseline"}, paramLabel = "FILE",
            description = "A baseline boot (report, import answer, log or manifest); repeat for several.")
    List<String> baselines = new ArrayList<>();

    @Mixin
    ModeOption mode;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "text",
            description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    GateFormat format;

    @Option(names = "--step-summary", paramLabel = "FILE", defaultValue = "${env:GITHUB_STEP_SUMMARY}",
            description = "With --format github, the file the Markdown summary is appended to (default: "
                    + "$GITHUB_STEP_SUMMARY, which GitHub Actions sets).")
    Path stepSummary;

    @Mixin
    Output output;

    private int exitCode;

    @Override
    void run(Core core, CommandLine command) {
        mode.resolve(command, false); // an unknown mode is a usage error, with the service's message
        if (Inputs.STDIN.equals(input) && (Inputs.STDIN.equals(rules) || baselines.contains(Inputs.STDIN))) {
            throw new CommandLine.ParameterException(command, "standard input (-) can be read once");
        }
        Inputs inputs = inputs(core);
        List<GateFile> base = new ArrayList<>();
        for (String b : baselines) {
            base.add(file(inputs, b, "baseline"));
        }
        GateOutcome outcome = core.useCases().gates().judge(
                new GateRequest(file(inputs, input, "input"), file(inputs, rules, "rules"), base, mode.name));
        if (outcome.error() != null) { // said here, and in the output too: a pipeline publishes the JUnit or SARIF anyway
            for (GateProblem p : outcome.error().problems()) {
                streams().err().println(command.getCommandSpec().qualifiedName() + ": " + p.text());
            }
        }
        Rendered rendered = outcome.render(format);
        output.write(rendered.body(), Writing.text((body, out) -> out.write(body)), streams());
        appendStepSummary(rendered, stepSummary);
        exitCode = outcome.exitCode();
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }

    /** GitHub Actions shows what a step appends to this file on the run's summary page. */
    private static void appendStepSummary(Rendered rendered, Path summary) {
        if (rendered.stepSummary() == null || summary == null) {
            return;
        }
        try {
            Files.writeString(summary, rendered.stepSummary(), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new InputException("cannot append the step summary to " + summary + ": " + e.getMessage());
        }
    }

    /** A file as the gate reads it: its text (gzip read decompressed, within the import limit), named as given. */
    private static GateFile file(Inputs inputs, String path, String stdinName) {
        String name = Inputs.STDIN.equals(path) ? stdinName : path; // SARIF and GitHub point at it by this name
        try (Reader in = inputs.text(path, name, inputs.importBudget(), false)) {
            StringWriter text = new StringWriter();
            in.transferTo(text);
            return new GateFile(name, text.toString());
        } catch (IOException e) {
            throw Inputs.unreadable(path, e);
        }
    }
}
