package dev.bootplan.trace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bootplan.manifest.Manifest;
import dev.bootplan.report.Report;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The golden small plan (two slow HBAs, three prefer-async disks behind sd_mod, an e1000e) in exact numbers. In
 * async mode sd_mod's init runs 5,059,000–5,060,000 µs, registers sd at its end and queues one async item per disk;
 * the three disks probe for 300 ms each on async-0…2 while the load waits in do_init_module()'s
 * async_synchronize_full() until 5,360,000 µs.
 */
class SmallPlanTraceTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static List<JsonNode> events(String mode) {
        Manifest plan = TraceFixtures.smallPlan();
        Report report = TraceFixtures.report(plan, mode);
        String trace = TraceFixtures.text(out -> TraceExport.evaluation(report, DriverModules.of(plan), out));
        TraceRules.check(trace);
        List<JsonNode> out = new ArrayList<>();
        JSON.readTree(trace).get("traceEvents").forEach(out::add);
        return out;
    }

    private static List<String> compact(List<JsonNode> events, String phase) {
        return events.stream().filter(e -> e.get("ph").asString().equals(phase)).map(e -> {
            String s = e.get("name").asString() + " @" + e.get("ts").asLong() + " tid " + e.get("tid").asLong();
            return e.has("dur") ? s + " dur " + e.get("dur").asLong() : s;
        }).toList();
    }

    @Test
    void asyncModeHasATrackPerLaneInTheOrderTheyStart() {
        List<String> tracks = events("async").stream().filter(e -> e.get("name").asString().equals("thread_name"))
                .map(e -> e.get("tid").asLong() + "=" + e.get("args").get("name").asString()).toList();
        assertThat(tracks).containsExactly("1=pid1", "2=udev-worker-0", "3=udev-worker-1", "4=udev-worker-2",
                "5=udev-worker-3", "6=async-0", "7=async-1", "8=async-2");
    }

    @Test
    void asyncModeDrawsSdModsLoadQueuingTheThreeDiskProbes() {
        List<JsonNode> events = events("async");
        assertThat(compact(events, "X")).hasSize(28).contains(
                "moduleLoad sd_mod @5059000 tid 2 dur 301000",
                "moduleInit sd_mod @5059000 tid 2 dur 1000",
                "globalWait sd_mod @5060000 tid 2 dur 300000",
                "asyncProbe 0:0:0:0 @5060000 tid 6 dur 300000",
                "asyncProbe 0:0:1:0 @5060000 tid 7 dur 300000",
                "asyncProbe 0:0:2:0 @5060000 tid 8 dur 300000",
                "syncProbe 0000:03:00.0 @59000 tid 2 dur 2500000");
        assertThat(compact(events, "s")).containsExactly("queued @5059000 tid 2", "queued @5059000 tid 2", "queued @5059000 tid 2");
        assertThat(compact(events, "f")).containsExactly("queued @5060000 tid 6", "queued @5060000 tid 7", "queued @5060000 tid 8");
        // Each flow start comes right after sd_mod's load, before its init that starts at the same microsecond, so
        // Perfetto binds it to the load.
        List<String> order = events.stream().map(e -> e.get("ph").asString() + " " + e.get("name").asString()).toList();
        int load = order.indexOf("X moduleLoad sd_mod");
        assertThat(order.subList(load, load + 4)).containsExactly("X moduleLoad sd_mod", "s queued", "s queued", "s queued");
    }

    @Test
    void asyncModeMarksMilestonesAndFindingsAsProcessInstants() {
        List<JsonNode> events = events("async");
        assertThat(compact(events, "i")).containsExactly(
                "initcallsDone @52000 tid 1", "initStart @52000 tid 1", "rootMounted @52000 tid 1",
                "UDEV_EVENT_SLOW @2052000 tid 1", "UDEV_EVENT_SLOW @2052000 tid 1",
                "PREFER_ASYNC_BLOCKS_LOAD @5060000 tid 1",
                "udevSettled @5360000 tid 1", "allDevicesSettled @5360000 tid 1");
        JsonNode finding = events.stream().filter(e -> e.get("name").asString().equals("PREFER_ASYNC_BLOCKS_LOAD")).findFirst()
                .orElseThrow();
        assertThat(finding.get("s").asString()).isEqualTo("p");
        assertThat(finding.get("args").get("subject").asString()).isEqualTo("sd_mod");
        assertThat(finding.get("args").get("message").asString()).startsWith("sd_mod has a PROBE_PREFER_ASYNCHRONOUS driver");
    }

    @Test
    void syncModeQueuesNothingAndProbesTheDisksInsideSdModsInit() {
        List<JsonNode> events = events("sync");
        assertThat(compact(events, "s")).isEmpty();
        assertThat(compact(events, "X")).contains(
                "moduleInit sd_mod @5059000 tid 2 dur 901000",
                "syncProbe 0:0:0:0 @5060000 tid 2 dur 300000",
                "syncProbe 0:0:2:0 @5660000 tid 2 dur 300000");
        // moduleLoad and moduleInit of e1000e cover the same 52,000–135,000 µs: the load is written first, so it is
        // the parent in every viewer.
        List<String> order = compact(events, "X");
        assertThat(order.indexOf("moduleLoad e1000e @52000 tid 4 dur 83000"))
                .isLessThan(order.indexOf("moduleInit e1000e @52000 tid 4 dur 83000"));
    }

    @Test
    void theComparisonGivesEachModeItsOwnProcessAndTids() {
        Manifest plan = TraceFixtures.smallPlan();
        String trace = TraceFixtures.text(out -> TraceExport.comparison(TraceFixtures.comparison(plan), DriverModules.of(plan), out));
        TraceRules.Summary summary = TraceRules.check(trace);
        assertThat(summary.processes()).isEqualTo(4);
        List<String> processes = new ArrayList<>();
        JSON.readTree(trace).get("traceEvents").forEach(e -> {
            if (e.get("name").asString().equals("process_name")) {
                processes.add(e.get("pid").asLong() + "=" + e.get("args").get("name").asString() + " from tid " + e.get("tid").asLong());
            }
        });
        // sync has 5 tracks (pid1, four udev workers); async, forced-sync and debug-force-all add async lanes.
        assertThat(processes).containsExactly("1=small-plan (sync) from tid 1", "2=small-plan (async) from tid 6",
                "3=small-plan (forced-sync) from tid 14", "4=small-plan (debug-force-all) from tid 22");
    }
}
