package dev.bootplan.cli;

import dev.bootplan.engine.mode.ProbingMode;
import dev.bootplan.engine.mode.ProbingModes;
import java.util.Iterator;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** {@code --mode M}: one of the four probing modes, async by default as over HTTP; completion offers the four. */
final class ModeOption {

    @Option(names = {"-m", "--mode"}, paramLabel = "MODE", defaultValue = "async", completionCandidates = Names.class,
            description = "The probing mode to simulate: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    String name;

    /** The mode, or a usage error naming the four (the service's 400 message). */
    ProbingMode resolve(CommandLine command, boolean overrideForceSync) {
        return ProbingModes.byName(name, overrideForceSync)
                .orElseThrow(() -> new CommandLine.ParameterException(command, ProbingModes.unknown(name)));
    }

    static final class Names implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return ProbingModes.names().iterator();
        }
    }
}
