package dev.bootplan.ingest.dmesg;

import dev.bootplan.ingest.ImportIssue;
import java.io.StringReader;
import java.util.List;
import java.util.Set;
import org.assertj.core.groups.Tuple;

/** Reads hand-written logs the way the import does (source "dmesg"), for the tests of this package. */
final class DmesgLogs {

    private DmesgLogs() {}

    static BootLog parse(String log) {
        return parse(log, DmesgParser.Options.defaults());
    }

    static BootLog parse(String log, DmesgParser.Options options) {
        return new DmesgParser(options).parse("dmesg", new StringReader(log));
    }

    static DmesgParser.Options maxLineChars(int chars) {
        return new DmesgParser.Options(null, chars, 1000);
    }

    static DmesgParser.Options kernel(String version) {
        return new DmesgParser.Options(version, 4096, 1000);
    }

    static PlanFromLog.Result plan(String log) {
        return new PlanFromLog().build(parse(log), "name");
    }

    /** Each issue as (code, "source:line:col: message"), the pair every test asserts. */
    static List<Tuple> issues(List<ImportIssue> issues) {
        return issues.stream().map(i -> new Tuple(i.code(), i.toString())).toList();
    }

    /** The issues with one of {@code codes}, as (code, text): a plan's other inferences are other tests' business. */
    static List<Tuple> issues(List<ImportIssue> issues, String... codes) {
        Set<String> wanted = Set.of(codes);
        return issues(issues.stream().filter(i -> wanted.contains(i.code())).toList());
    }

    static Tuple issue(String code, String text) {
        return new Tuple(code, text);
    }
}
