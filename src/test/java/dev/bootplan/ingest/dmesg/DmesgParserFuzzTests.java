package dev.bootplan.ingest.dmesg;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.bootplan.ingest.ImportIssue;
import dev.bootplan.ingest.IssueSeverity;
import dev.bootplan.ingest.Issues;
import dev.bootplan.manifest.ManifestInvalidException;
import dev.bootplan.manifest.ManifestLimits;
import dev.bootplan.manifest.ManifestNormalizer;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Jazzer fuzz tests of the dmesg import: any text, and the real Raspberry Pi 4 and QEMU (dd.c debug lines) logs cut,
 * wrapped, joined, reordered and with their numbers changed, go through {@link DmesgParser} and {@link PlanFromLog},
 * which must not throw, must keep their invariants, and must give a plan the evaluator accepts or say why not. In `verify` these replay the inputs in {@code DmesgParserFuzzTestsInputs/<method>/} only;
 * the pom says how to fuzz.
 */
class DmesgParserFuzzTests {

    private static final List<String> RPI4 = realLog("/dmesg/rpi4-k6.18-baseline-run1.dmesg");
    /** A 6.1 boot with drivers/base/dd.c's debug lines, SCSI scans, USB enumeration and no level lines. */
    private static final List<String> QEMU = realLog("/dmesg/qemu-debian61/mixed-sync.dmesg");
    private static final String[] KERNELS = {"", "5.10", "5.13", "5.14", "6.12", "6.", "x.y"};
    private static final Pattern NUMBER = Pattern.compile("\\d+");

    @FuzzTest(maxDuration = "5m")
    void anyText(FuzzedDataProvider data) {
        DmesgParser.Options options = options(data);
        check(data.consumeRemainingAsString(), options);
    }

    @FuzzTest(maxDuration = "5m")
    void mutatedRealLog(FuzzedDataProvider data) {
        mutated(RPI4, data);
    }

    @FuzzTest(maxDuration = "5m")
    void mutatedDriverCoreLog(FuzzedDataProvider data) {
        mutated(QEMU, data);
    }

    private static void mutated(List<String> real, FuzzedDataProvider data) {
        DmesgParser.Options options = options(data);
        int from = data.consumeInt(0, real.size() - 1);
        List<String> lines = new ArrayList<>(real.subList(from, Math.min(real.size(), from + data.consumeInt(1, 400))));
        for (int k = data.consumeInt(0, 24); k > 0 && !lines.isEmpty(); k--) {
            mutate(lines, data);
        }
        String newline = data.consumeBoolean() ? "\n" : "\r\n";
        check(String.join(newline, lines) + (data.consumeBoolean() ? newline : ""), options);
    }

    private static DmesgParser.Options options(FuzzedDataProvider data) {
        String kernel = data.pickValue(KERNELS);
        int maxLineChars = data.consumeBoolean() ? 4096 : data.consumeInt(1, 300);
        int maxIssues = data.consumeBoolean() ? 1000 : data.consumeInt(1, 20);
        return new DmesgParser.Options(kernel.isEmpty() ? null : kernel, maxLineChars, maxIssues);
    }

    /** One thing a console, a ring buffer or two CPUs do to a log (§12), at a fuzzer-chosen line. */
    private static void mutate(List<String> lines, FuzzedDataProvider data) {
        int i = data.consumeInt(0, lines.size() - 1);
        String line = lines.get(i);
        switch (data.consumeInt(0, 11)) {
            case 0 -> lines.remove(i); // lost
            case 1 -> lines.add(i, line); // printed twice
            case 2 -> Collections.swap(lines, i, data.consumeInt(0, lines.size() - 1)); // out of order
            case 3 -> { // wrapped: one record over two lines
                int at = data.consumeInt(0, line.length());
                lines.set(i, line.substring(0, at));
                lines.add(i + 1, line.substring(at));
            }
            case 4 -> { // interleaved: two records on one line
                if (i + 1 < lines.size()) {
                    lines.set(i, line + lines.remove(i + 1));
                }
            }
            case 5 -> lines.set(i, line.startsWith("[") && line.indexOf(']') > 0 ? line.substring(line.indexOf(']') + 1) : line);
            case 6 -> lines.set(i, "<" + data.consumeInt(0, 9999) + ">" + line); // syslog priority
            case 7 -> lines.set(i, withNumber(line, data)); // a stamp, PID, return code or duration changed
            case 8 -> { // a stretch replaced by fuzzer text
                int at = data.consumeInt(0, line.length());
                int end = data.consumeInt(at, line.length());
                lines.set(i, line.substring(0, at) + data.consumeString(40) + line.substring(end));
            }
            case 9 -> lines.add(i, data.consumeString(200)); // a line of anything
            case 10 -> lines.set(i, withCallerId(line, data));
            default -> lines.set(i, line.substring(0, data.consumeInt(0, line.length()))); // cut short
        }
    }

    private static String withNumber(String line, FuzzedDataProvider data) {
        List<int[]> numbers = new ArrayList<>();
        Matcher m = NUMBER.matcher(line);
        while (m.find()) {
            numbers.add(new int[] {m.start(), m.end()});
        }
        if (numbers.isEmpty()) {
            return line;
        }
        int[] n = numbers.get(data.consumeInt(0, numbers.size() - 1));
        String value = switch (data.consumeInt(0, 3)) {
            case 0 -> Long.toString(data.consumeLong());
            case 1 -> Integer.toString(data.consumeInt(-1000, 100_000));
            case 2 -> data.pickValue(new String[] {"0", "1", "517", "-517", "-19", "4000", "99999999999999999999"});
            default -> line.substring(n[0], n[1]) + line.substring(n[0], n[1]);
        };
        return line.substring(0, n[0]) + value + line.substring(n[1]);
    }

    private static String withCallerId(String line, FuzzedDataProvider data) {
        int close = line.indexOf(']');
        if (!line.startsWith("[") || close < 0) {
            return line;
        }
        String id = (data.consumeBoolean() ? "T" : "C") + (data.consumeBoolean() ? data.consumeInt(0, 4_194_304) : data.consumeLong());
        return line.substring(0, close + 1) + "[" + " ".repeat(data.consumeInt(0, 5)) + id + "]" + line.substring(close + 1);
    }

    /** What must hold of any import, whatever the input: it returns, and every place it names is in the input. */
    private static void check(String text, DmesgParser.Options options) {
        BootLog log = new DmesgParser(options).parse("fuzz", new StringReader(text));
        int lines = log.lines();
        int expected = (int) text.chars().filter(c -> c == '\n').count() + (text.isEmpty() || text.endsWith("\n") ? 0 : 1);
        require(lines == expected, "read " + lines + " lines of " + expected);
        // Errors are kept past the limit (Issues.ERRORS_PAST_LIMIT more): the import fails on them.
        long kept = log.issues().stream().filter(i -> i.severity() != IssueSeverity.error).count();
        require(kept <= options.maxIssues(), kept + " issues kept, limit " + options.maxIssues());
        require(log.issues().size() <= options.maxIssues() + Issues.ERRORS_PAST_LIMIT, log.issues().size() + " issues kept");
        checkIssues(log.issues(), lines);
        for (int k = 1; k < log.issues().size(); k++) {
            ImportIssue a = log.issues().get(k - 1);
            ImportIssue b = log.issues().get(k);
            require(a.line() < b.line() || (a.line() == b.line() && a.column() <= b.column()), "issues out of order: " + a + ", " + b);
        }
        for (InitcallRun c : log.initcalls()) {
            require(!c.finished() || c.endUs() >= c.startUs(), "initcall ends before it starts: " + c);
            require(c.callingLine() >= 1 && c.callingLine() <= lines, "calling line outside the input: " + c);
        }
        // "No more probes than lines" holds only while a line holds one record: interleaved lines (§12) hold several,
        // each read (the fuzzer's ten probe records on five lines). So: no more probes than records read, and none
        // without its own "probe of" text.
        long records = lines + log.issues().stream().filter(i -> i.code().equals("interleaved-line")).count()
                + log.issuesDropped();
        require(log.probes().size() <= records, log.probes().size() + " probes in " + records + " records");
        require(log.probes().size() <= occurrences(text, "probe of "), log.probes().size() + " probes, fewer \"probe of\"");
        for (ProbeRun p : log.probes()) {
            require(p.context() < log.initcalls().size() && p.parent() < log.probes().size(), "dangling index: " + p);
        }
        PlanFromLog.Result plan = new PlanFromLog().build(log, "fuzz");
        checkIssues(plan.issues(), lines);
        // The plan is one the evaluator accepts, or the import said at 0:0 what it could not place.
        try {
            new ManifestNormalizer(ManifestLimits.defaults()).normalize(plan.manifest());
        } catch (ManifestInvalidException e) {
            require(plan.issues().stream().anyMatch(i -> i.code().equals("not-placed") && i.line() == 0),
                    "a plan the evaluator refuses, and no issue says so: " + e.getMessage());
        }
    }

    private static void checkIssues(List<ImportIssue> issues, int lines) {
        for (ImportIssue i : issues) {
            require(i.line() >= 0 && i.line() <= lines && i.column() >= 0, "issue outside the input (" + lines + " lines): " + i);
        }
    }

    private static int occurrences(String text, String what) {
        int n = 0;
        for (int at = text.indexOf(what); at >= 0; at = text.indexOf(what, at + 1)) {
            n++;
        }
        return n;
    }

    private static void require(boolean holds, String what) {
        if (!holds) {
            throw new AssertionError(what);
        }
    }

    private static List<String> realLog(String resource) {
        try (InputStream in = DmesgParserFuzzTests.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
