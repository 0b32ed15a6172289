package dev.bootplan.trace;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The rules checker catches each rule it states being broken, so a trace test that passes means something. */
class TraceRulesTests {

    private static final String NAMES = "{\"name\":\"process_name\",\"ph\":\"M\",\"pid\":1,\"tid\":1,\"args\":{\"name\":\"p\"}},"
            + "{\"name\":\"thread_name\",\"ph\":\"M\",\"pid\":1,\"tid\":1,\"args\":{\"name\":\"t\"}}";

    private static String trace(String events) {
        return "{\"displayTimeUnit\":\"ms\",\"traceEvents\":[" + NAMES + (events.isEmpty() ? "" : "," + events) + "]}";
    }

    private static String x(long ts, long dur) {
        return "{\"name\":\"a\",\"cat\":\"c\",\"ph\":\"X\",\"ts\":" + ts + ",\"dur\":" + dur + ",\"pid\":1,\"tid\":1,\"args\":{}}";
    }

    @Test
    void acceptsNestedAndDisjointSlicesAndPairedFlows() {
        assertThatCode(() -> TraceRules.check(trace(x(0, 10) + "," + x(2, 3) + "," + x(10, 5) + ","
                + "{\"name\":\"q\",\"cat\":\"flow\",\"ph\":\"s\",\"id\":1,\"ts\":0,\"pid\":1,\"tid\":1},"
                + "{\"name\":\"q\",\"cat\":\"flow\",\"ph\":\"f\",\"bp\":\"e\",\"id\":1,\"ts\":10,\"pid\":1,\"tid\":1}")))
                .doesNotThrowAnyException();
    }

    @Test
    void catchesSlicesThatOverlapWithoutNesting() {
        assertThatThrownBy(() -> TraceRules.check(trace(x(0, 10) + "," + x(5, 10)))).hasMessageContaining("without nesting");
    }

    @Test
    void catchesACompleteEventWithoutDuration() {
        assertThatThrownBy(() -> TraceRules.check(trace("{\"name\":\"a\",\"cat\":\"c\",\"ph\":\"X\",\"ts\":0,\"pid\":1,\"tid\":1,\"args\":{}}")))
                .hasMessageContaining("dur");
    }

    @Test
    void catchesAnUnnamedTrack() {
        assertThatThrownBy(() -> TraceRules.check(trace(x(0, 1).replace("\"tid\":1", "\"tid\":2"))))
                .hasMessageContaining("track 1/2 is named");
    }

    @Test
    void catchesAnInstantWithoutScope() {
        assertThatThrownBy(() -> TraceRules.check(trace("{\"name\":\"m\",\"cat\":\"milestone\",\"ph\":\"i\",\"ts\":0,\"pid\":1,\"tid\":1}")))
                .hasMessageContaining("scope");
    }

    @Test
    void catchesAFlowThatNeverEnds() {
        assertThatThrownBy(() -> TraceRules.check(trace(x(0, 10) + ","
                + "{\"name\":\"q\",\"cat\":\"flow\",\"ph\":\"s\",\"id\":1,\"ts\":0,\"pid\":1,\"tid\":1}")))
                .hasMessageContaining("every flow that starts ends");
    }

    @Test
    void catchesAFlowEndOutsideEverySlice() {
        assertThatThrownBy(() -> TraceRules.check(trace(x(0, 10) + ","
                + "{\"name\":\"q\",\"cat\":\"flow\",\"ph\":\"s\",\"id\":1,\"ts\":0,\"pid\":1,\"tid\":1},"
                + "{\"name\":\"q\",\"cat\":\"flow\",\"ph\":\"f\",\"bp\":\"e\",\"id\":1,\"ts\":50,\"pid\":1,\"tid\":1}")))
                .hasMessageContaining("a slice encloses");
    }

    @Test
    void catchesATidSharedByTwoProcesses() {
        String second = "{\"name\":\"process_name\",\"ph\":\"M\",\"pid\":2,\"tid\":1,\"args\":{\"name\":\"q\"}}";
        assertThatThrownBy(() -> TraceRules.check(trace(second))).hasMessageContaining("used by pids");
    }

    @Test
    void catchesNestingDeeperThanPerfettoAllows() {
        StringBuilder events = new StringBuilder();
        for (int i = 0; i < 513; i++) {
            events.append(i == 0 ? "" : ",").append(x(7, 0)); // zero-length slices at one instant stack
        }
        assertThatThrownBy(() -> TraceRules.check(trace(events.toString()))).hasMessageContaining("nesting depth");
    }
}
