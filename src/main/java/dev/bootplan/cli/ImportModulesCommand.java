package dev.bootplan.cli;

import dev.bootplan.ingest.TextInput;
import dev.bootplan.ingest.modules.ModuleMetadataImport.Input;
import dev.bootplan.service.ModulesImportResponse;
import dev.bootplan.service.ModulesImportService;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "modules", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Imports a kernel's module metadata and a machine's devices, as POST /api/v1/imports/modules: a "
                + "plan for the whole kernel, with counts and every issue (JSON).",
                "Give a /lib/modules/<release> directory (its modules.dep, modules.builtin, modules.builtin.modinfo and "
                        + "modules.alias are read, each also as .gz), or the files themselves by those names."})
final class ImportModulesCommand extends CoreCommand {

    static final String DEP = "modules.dep";
    static final String BUILTIN = "modules.builtin";
    static final String MODINFO = "modules.builtin.modinfo";
    static final String ALIAS = "modules.alias";
    static final String MODALIASES = "modaliases";

    @Parameters(arity = "1..*", paramLabel = "DIR|FILE", description = "A /lib/modules/<release> directory, or files named "
            + DEP + ", " + BUILTIN + ", " + MODINFO + ", " + ALIAS + " (optionally .gz) and *" + MODALIASES + ".")
    List<String> paths;

    @Option(names = "--modaliases", paramLabel = "FILE", description = "The machine's devices: the output of find "
            + "/sys/devices -name modalias -exec grep -H . {} +")
    String modaliases;

    @Option(names = "--dmesg", paramLabel = "LOG", description = "A dmesg with initcall_debug of the same machine, "
            + "for measured times.")
    String dmesg;

    @Option(names = {"-r", "--kernel-release"}, paramLabel = "RELEASE", description = "The kernel release (uname -r); "
            + "default: the directory's name when it starts with a digit.")
    String kernelRelease;

    @Option(names = {"-n", "--name"}, paramLabel = "NAME", description = "Name of the plan.")
    String name;

    @Mixin
    Output output;

    @Override
    void run(Core core, CommandLine command) {
        Map<String, String> files = files(command);
        Inputs inputs = inputs(core);
        TextInput.Budget budget = inputs.importBudget();
        List<Reader> open = new ArrayList<>();
        try {
            // Opened, and so checked, in the service's order: a refused input ends the run before any is parsed.
            Opener opener = new Opener(inputs, budget, open);
            var all = new ModulesImportService.Files(opener.open(files.get(DEP), DEP), opener.open(files.get(BUILTIN), BUILTIN),
                    opener.open(files.get(MODINFO), MODINFO), opener.open(files.get(ALIAS), ALIAS),
                    opener.open(files.get(MODALIASES), MODALIASES), opener.open(dmesg, "dmesg"));
            ModulesImportResponse answer = ModulesImportResponse.of(core.useCases().modules().importMetadata(all, release(), name));
            output.write(answer, (a, out) -> core.json().writeValue(out, a), streams());
        } finally {
            for (Reader r : open) {
                try {
                    r.close();
                } catch (IOException ignored) {
                    // Read to the end already, or refused: nothing left to lose.
                }
            }
        }
    }

    /** Which file is which: a directory's by their names, or the files given, by theirs. */
    private Map<String, String> files(CommandLine command) {
        Map<String, String> found = new LinkedHashMap<>();
        if (paths.size() == 1 && Files.isDirectory(Path.of(paths.getFirst()))) {
            Path dir = Path.of(paths.getFirst());
            for (String known : List.of(DEP, BUILTIN, MODINFO, ALIAS)) {
                for (String candidate : List.of(known, known + ".gz")) {
                    if (!found.containsKey(known) && Files.isRegularFile(dir.resolve(candidate))) {
                        found.put(known, dir.resolve(candidate).toString());
                    }
                }
            }
        } else {
            for (String path : paths) {
                String kind = kind(path);
                if (kind == null) {
                    throw new CommandLine.ParameterException(command, "do not know what " + path + " is: name it "
                            + String.join(", ", DEP, BUILTIN, MODINFO, ALIAS) + " (optionally .gz) or *" + MODALIASES
                            + ", or give a /lib/modules/<release> directory");
                }
                if (found.put(kind, path) != null) {
                    throw new CommandLine.ParameterException(command, "two files are " + kind + ": give one");
                }
            }
        }
        if (modaliases != null && found.put(MODALIASES, modaliases) != null) {
            throw new CommandLine.ParameterException(command, "two files are " + MODALIASES + ": give one");
        }
        if (!found.containsKey(DEP)) {
            throw new CommandLine.ParameterException(command, "no " + DEP + " among " + String.join(" ", paths));
        }
        return found;
    }

    private static String kind(String path) {
        String file = Inputs.sourceName(path, DEP);
        String bare = file.endsWith(".gz") ? file.substring(0, file.length() - 3) : file;
        if (List.of(DEP, BUILTIN, MODINFO, ALIAS).contains(bare)) {
            return bare;
        }
        return bare.equals(MODALIASES) || bare.endsWith("." + MODALIASES) ? MODALIASES : null;
    }

    /** The release asked for, else a /lib/modules directory's own name. */
    private String release() {
        if (kernelRelease != null || paths.size() != 1) {
            return kernelRelease;
        }
        Path dir = Path.of(paths.getFirst()).toAbsolutePath().normalize();
        String last = dir.getFileName() == null ? "" : dir.getFileName().toString();
        return Files.isDirectory(dir) && !last.isEmpty() && Character.isDigit(last.charAt(0)) ? last : null;
    }

    /** Opens one input as text and keeps it to close; standard input is named as the service's form part. */
    private record Opener(Inputs inputs, TextInput.Budget budget, List<Reader> open) {
        Input open(String path, String part) {
            if (path == null) {
                return null;
            }
            // modules.builtin.modinfo is NUL-separated records: there a NUL is text, not a sign of binary.
            String source = Inputs.sourceName(path, part);
            Reader reader = inputs.text(path, source, budget, part.equals(MODINFO));
            open.add(reader);
            return Input.of(source, reader);
        }
    }
}
