package dev.bootplan.ingest.modules;

import static dev.bootplan.ingest.modules.ModulesIssueKind.ALIAS_FOR_UNKNOWN_MODULE;
import static dev.bootplan.ingest.modules.ModulesIssueKind.MALFORMED_ALIAS;

import dev.bootplan.ingest.Issues;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * modules.alias: {@code alias <pattern> <module>} lines, in file order, {@code #} starting a comment line. The
 * patterns are fnmatch globs ({@link Glob}) that kmod matches a device's MODALIAS against.
 */
record AliasTable(List<Alias> aliases) {

    /** One alias line: its compiled pattern, the module it names, and where it is. */
    record Alias(Glob glob, String module, int line) {}

    AliasTable {
        aliases = List.copyOf(aliases);
    }

    static AliasTable empty() {
        return new AliasTable(List.of());
    }

    /**
     * Reads modules.alias. A line that is not three words starting with {@code alias} is skipped; so is an
     * alias whose module is not {@code known} (kmod could not load it: it has no modules.dep line).
     */
    static AliasTable read(Reader in, int maxChars, Predicate<String> known, Issues issues) {
        List<Alias> out = new ArrayList<>();
        Records.eachLine(in, maxChars, issues, r -> {
            if (r.text().strip().startsWith("#")) {
                return; // a comment; depmod writes one at the top
            }
            List<Words.Word> w = Words.of(r.text(), 1);
            if (w.size() != 3 || !w.getFirst().text().equals("alias")) {
                issues.add(r.line(), w.getFirst().column(), MALFORMED_ALIAS, Words.quote(r.text().strip())
                        + " is not \"alias <pattern> <module>\"; skipped");
                return;
            }
            String module = ModuleNames.canonical(w.get(2).text());
            if (!known.test(module)) {
                issues.add(r.line(), w.get(2).column(), ALIAS_FOR_UNKNOWN_MODULE, "alias " + Words.quote(w.get(1).text())
                        + " names " + module + ", which modules.dep does not list; skipped");
                return;
            }
            out.add(new Alias(Glob.compile(w.get(1).text()), module, r.line()));
        });
        return new AliasTable(out);
    }
}
