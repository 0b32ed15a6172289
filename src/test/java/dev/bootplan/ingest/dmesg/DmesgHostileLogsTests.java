package dev.bootplan.ingest.dmesg;

import static dev.bootplan.ingest.dmesg.DmesgLogs.issue;
import static dev.bootplan.ingest.dmesg.DmesgLogs.issues;
import static dev.bootplan.ingest.dmesg.DmesgLogs.parse;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bootplan.ingest.ImportIssue;
import dev.bootplan.ingest.IssueSeverity;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Logs that look like initcall_debug but hold no boot: the errors that fail their import (the service turns any
 * error into a 422), and the near misses that still import.
 */
class DmesgHostileLogsTests {

    private static List<ImportIssue> errors(BootLog log) {
        return log.issues().stream().filter(i -> i.severity() == IssueSeverity.error).toList();
    }

    @Test
    void callingLinesWithoutAnyReturnAreNoBoot() {
        BootLog log = parse("""
                calling  foo+0x0/0x10 @ 1
                [    0.100000] calling  foo+0x0/0x10 @ 1
                [    0.200000] calling  bar+0x0/0x10 @ 1
                [    0.300000] calling  baz+0x0/0x10 [baz] @ 212
                """);

        assertThat(issues(errors(log))).containsExactly(issue("no-initcall-returned", "dmesg:0:0: no initcall returns: 3"
                + " \"calling\" line(s) in 4 lines, and no \"initcall … returned\" line pairs with one, so no initcall has"
                + " a time and there is no boot to import"));
        assertThat(log.initcalls()).hasSize(3).noneMatch(InitcallRun::finished);
    }

    @Test
    void returnsThatPairWithNoCallingLineAreNoBootEither() {
        BootLog log = parse("""
                [    0.100000] calling  foo+0x0/0x10 @ 1
                [    0.200000] initcall bar+0x0/0x10 returned 0 after 3 usecs
                """);

        assertThat(errors(log)).extracting(ImportIssue::code).containsExactly("no-initcall-returned");
        assertThat(issues(log.issues(), "unmatched-return")).hasSize(1);
    }

    @Test
    void oneReturnedInitcallIsABoot() {
        BootLog log = parse("""
                [    0.100000] calling  foo+0x0/0x10 @ 1
                [    0.200000] calling  bar+0x0/0x10 @ 1
                [    0.200100] initcall bar+0x0/0x10 returned 0 after 100 usecs
                """);

        assertThat(errors(log)).isEmpty();
    }

    @Test
    void stampsThatAllGoBackAreTimeRunningBackwards() {
        // Each pair in order, every stamp lower than the one before: before this rule, only info issues.
        BootLog log = parse("""
                [    0.900000] calling  foo+0x0/0x10 @ 1
                [    0.800000] initcall foo+0x0/0x10 returned 0 after 100000 usecs
                [    0.700000] calling  bar+0x0/0x10 @ 1
                [    0.600000] initcall bar+0x0/0x10 returned 0 after 100000 usecs
                """);

        assertThat(issues(errors(log))).containsExactly(issue("time-runs-backwards", "dmesg:0:0: time runs backwards"
                + " throughout: 3 of the 3 steps from one stamp to the next go back, 0 forward (printed newest first, by tac"
                + " or journalctl -r?); put the log in time order, it is not imported"));
    }

    @Test
    void aLogPrintedNewestFirstRunsBackwardsDespiteItsInterleavings() {
        // tac of a log whose CPUs interleaved once: one step now goes forward, the rest back.
        BootLog log = parse("""
                [    0.500300] initcall bar+0x0/0x10 returned 0 after 90 usecs
                [    0.500200] calling  bar+0x0/0x10 @ 1
                [    0.500210] random: crng init done
                [    0.500100] initcall foo+0x0/0x10 returned 0 after 90 usecs
                [    0.500000] calling  foo+0x0/0x10 @ 1
                """);

        assertThat(errors(log)).extracting(ImportIssue::code).containsExactly("no-initcall-returned", "time-runs-backwards");
        assertThat(errors(log).get(1).message()).startsWith("time runs backwards throughout: 3 of the 4 steps");
    }

    @Test
    void anOccasionalStampThatGoesBackStillImports() {
        BootLog log = parse("""
                [    0.500000] calling  foo+0x0/0x10 @ 1
                [    0.500090] initcall foo+0x0/0x10 returned 0 after 90 usecs
                [    0.500080] usb 1-1: new device
                [    0.500200] calling  bar+0x0/0x10 @ 1
                [    0.500190] random: crng init done
                [    0.500300] initcall bar+0x0/0x10 returned 0 after 100 usecs
                """);

        assertThat(errors(log)).isEmpty();
        assertThat(issues(log.issues(), "time-went-backwards")).hasSize(2);
        assertThat(log.initcalls()).allMatch(InitcallRun::finished);
    }

    @Test
    void theErrorSurvivesAThousandIssuesBeforeIt() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 1_500; i++) {
            text.append("calling  foo+0x0/0x10 @ 1\n"); // no stamp: no-timestamp, one each
        }
        text.append("[    0.100000] calling  foo+0x0/0x10 @ 1\n");
        BootLog log = parse(text.toString());

        assertThat(log.issues()).hasSize(1_001);
        assertThat(errors(log)).extracting(ImportIssue::code).containsExactly("no-initcall-returned");
    }
}
