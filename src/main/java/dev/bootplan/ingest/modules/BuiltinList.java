package dev.bootplan.ingest.modules;

import static dev.bootplan.ingest.modules.ModulesIssueKind.DUPLICATE_MODULE;
import static dev.bootplan.ingest.modules.ModulesIssueKind.NOT_A_MODULE_PATH;

import dev.bootplan.ingest.Issues;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * modules.builtin: one {@code kernel/…/name.ko} path per line for every module linked into the kernel image,
 * in link order, which is the order their initcalls run within a level.
 */
record BuiltinList(List<Builtin> modules) {

    /** A built-in module's canonical name and its line. */
    record Builtin(String name, int line) {}

    BuiltinList {
        modules = List.copyOf(modules);
    }

    static BuiltinList empty() {
        return new BuiltinList(List.of());
    }

    /** Reads modules.builtin; a line that is not one .ko path is skipped, a module listed again keeps its first line. */
    static BuiltinList read(Reader in, int maxChars, Issues issues) {
        List<Builtin> out = new ArrayList<>();
        Map<String, Integer> firstLine = new HashMap<>();
        Records.eachLine(in, maxChars, issues, r -> {
            List<Words.Word> words = Words.of(r.text(), 1);
            String name = words.size() == 1 ? ModuleNames.fromPath(words.getFirst().text()) : null;
            if (name == null) {
                issues.add(r.line(), words.getFirst().column(), NOT_A_MODULE_PATH, Words.quote(r.text().strip())
                        + " is not a .ko path; line skipped");
            } else if (firstLine.putIfAbsent(name, r.line()) != null) {
                issues.add(r.line(), 1, DUPLICATE_MODULE, name + " is listed again (first on line " + firstLine.get(name)
                        + "); this line is skipped");
            } else {
                out.add(new Builtin(name, r.line()));
            }
        });
        return new BuiltinList(out);
    }
}
