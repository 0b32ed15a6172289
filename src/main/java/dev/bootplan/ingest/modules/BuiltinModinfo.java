package dev.bootplan.ingest.modules;

import static dev.bootplan.ingest.modules.ModulesIssueKind.BLANK_LINE;
import static dev.bootplan.ingest.modules.ModulesIssueKind.LINE_TOO_LONG;
import static dev.bootplan.ingest.modules.ModulesIssueKind.MALFORMED_MODINFO;

import dev.bootplan.ingest.Issues;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * modules.builtin.modinfo: the {@code .modinfo} strings of everything built into the kernel image, each
 * {@code module.key=value} and NUL-terminated ({@code virtio_pci.alias=pci:v00001AF4d*sv*sd*bc*sc*i*}). Only
 * {@code alias} values are kept: they are what kmod matches a device's modalias against (depmod turns them
 * into modules.builtin.alias.bin). Other keys (license, description, parm, file, …) are read and not kept.
 *
 * <p>Positions: the file has no newlines, so an issue's line is 1 and its column is the character offset of the
 * record in the file plus 1 (were a newline ever in it, lines and columns would count it, as an editor does).
 */
record BuiltinModinfo(Map<String, List<String>> aliases) {

    BuiltinModinfo {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        aliases.forEach((module, list) -> copy.put(module, List.copyOf(list)));
        aliases = Collections.unmodifiableMap(copy);
    }

    static BuiltinModinfo empty() {
        return new BuiltinModinfo(Map.of());
    }

    /** Reads the records; one that is not {@code module.key=value} (or an alias with no value) is skipped. */
    static BuiltinModinfo read(Reader in, int maxChars, Issues issues) {
        Map<String, List<String>> aliases = new LinkedHashMap<>();
        Records records = new Records(in, '\0', maxChars);
        for (Records.Record r = records.next(); r != null; r = records.next()) {
            String text = r.text();
            if (r.tooLong()) {
                issues.add(r.line(), r.column() + maxChars, LINE_TOO_LONG,
                        "record longer than " + maxChars + " characters; skipped");
                continue;
            }
            if (text.isEmpty()) {
                issues.add(r.line(), r.column(), BLANK_LINE, "empty record; skipped");
                continue;
            }
            int eq = text.indexOf('=');
            int dot = text.indexOf('.');
            if (dot <= 0 || eq < 0 || eq <= dot + 1) {
                issues.add(r.line(), r.column(), MALFORMED_MODINFO, Words.quote(text) + " is not module.key=value; skipped");
                continue;
            }
            String module = ModuleNames.canonical(text.substring(0, dot));
            String key = text.substring(dot + 1, eq);
            String value = text.substring(eq + 1);
            if (key.equals("alias")) {
                if (value.isBlank()) {
                    issues.add(r.line(), r.column(), MALFORMED_MODINFO, module + " has an empty alias; skipped");
                } else {
                    aliases.computeIfAbsent(module, k -> new ArrayList<>()).add(value);
                }
            } else {
                aliases.putIfAbsent(module, new ArrayList<>()); // known to the file, even without aliases
            }
        }
        return new BuiltinModinfo(aliases);
    }

    /** Every module the file names, in order of first appearance. */
    List<String> modules() {
        return List.copyOf(aliases.keySet());
    }
}
