package dev.bootplan.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Trace Event Format's rules (the JSON Object Format of the "Trace Event Format" document, as Perfetto's JSON
 * importer reads it), checked on a whole document: every complete event has ts, dur, pid and tid; on each (pid, tid)
 * track complete events nest or are disjoint; metadata names every process and every track used, and no tid is
 * used by two processes; instants have a scope; flow starts and ends pair up by (id, cat, name), in time order,
 * each inside a complete event on its track; and only phases this exporter means to write appear.
 */
public final class TraceRules {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** What a checked trace holds, for tests that want counts. */
    public record Summary(int complete, int instants, int flows, int processes, int tracks, Map<String, Integer> byCategory) {}

    private record Slice(long ts, long end, String name) {}

    private TraceRules() {}

    public static Summary check(String trace) {
        JsonNode root = JSON.readTree(trace);
        assertThat(root.isObject()).as("the JSON Object Format").isTrue();
        assertThat(root.path("displayTimeUnit").asString()).isIn("ms", "ns");
        JsonNode events = root.get("traceEvents");
        assertThat(events).isNotNull();
        assertThat(events.isArray()).isTrue();

        Map<Long, String> processNames = new HashMap<>();
        Map<String, String> threadNames = new HashMap<>();
        Map<Long, Long> pidOfTid = new HashMap<>();
        Set<Long> pidsUsed = new HashSet<>();
        Set<String> tracksUsed = new HashSet<>();
        Map<String, List<Slice>> slices = new HashMap<>();
        Map<String, JsonNode> flowStarts = new HashMap<>();
        Map<String, JsonNode> flowEnds = new HashMap<>();
        Map<String, Integer> byCategory = new HashMap<>();
        int complete = 0;
        int instants = 0;
        for (JsonNode e : events) {
            String ph = e.path("ph").asString();
            assertThat(ph).as("phase of %s", e).isIn("X", "M", "i", "s", "f");
            assertThat(e.path("name").isString()).as("name of %s", e).isTrue();
            assertThat(e.path("pid").isIntegralNumber()).as("pid of %s", e).isTrue();
            assertThat(e.path("tid").isIntegralNumber()).as("tid of %s", e).isTrue();
            long pid = e.get("pid").asLong();
            long tid = e.get("tid").asLong();
            Long owner = pidOfTid.putIfAbsent(tid, pid);
            assertThat(owner == null || owner == pid).as("tid %d used by pids %d and %d", tid, owner, pid).isTrue();
            pidsUsed.add(pid);
            tracksUsed.add(pid + "/" + tid);
            if (!ph.equals("M")) {
                assertThat(e.path("ts").isIntegralNumber()).as("ts of %s", e).isTrue();
                assertThat(e.get("ts").asLong()).isNotNegative();
            }
            switch (ph) {
                case "M" -> {
                    String what = e.get("name").asString();
                    assertThat(what).isIn("process_name", "process_sort_index", "thread_name", "thread_sort_index");
                    if (what.equals("process_name")) {
                        assertThat(processNames.put(pid, e.path("args").path("name").asString())).as("one name per pid").isNull();
                    } else if (what.equals("thread_name")) {
                        assertThat(threadNames.put(pid + "/" + tid, e.path("args").path("name").asString())).isNull();
                    }
                }
                case "X" -> {
                    complete++;
                    assertThat(e.path("dur").isIntegralNumber()).as("dur of %s", e).isTrue();
                    assertThat(e.get("dur").asLong()).isNotNegative();
                    assertThat(e.path("cat").isString()).isTrue();
                    assertThat(e.path("args").isObject()).as("args of %s", e).isTrue();
                    byCategory.merge(e.get("cat").asString(), 1, Integer::sum);
                    long ts = e.get("ts").asLong();
                    slices.computeIfAbsent(pid + "/" + tid, k -> new ArrayList<>())
                            .add(new Slice(ts, ts + e.get("dur").asLong(), e.get("name").asString()));
                }
                case "i" -> {
                    instants++;
                    assertThat(e.path("s").asString()).as("scope of %s", e).isIn("g", "p", "t");
                    byCategory.merge(e.path("cat").asString(), 1, Integer::sum);
                }
                case "s", "f" -> {
                    assertThat(e.path("id").isIntegralNumber()).as("id of %s", e).isTrue();
                    String key = e.get("id").asLong() + "|" + e.path("cat").asString() + "|" + e.get("name").asString();
                    if (ph.equals("s")) {
                        assertThat(flowStarts.put(key, e)).as("one start per flow %s", key).isNull();
                    } else {
                        assertThat(e.path("bp").asString()).as("binding point of %s", e).isEqualTo("e");
                        assertThat(flowStarts).as("flow %s starts before it ends (in file order)", key).containsKey(key);
                        assertThat(flowEnds.put(key, e)).as("one end per flow %s", key).isNull();
                    }
                }
                default -> throw new AssertionError(ph);
            }
        }
        assertThat(flowEnds.keySet()).as("every flow that starts ends").isEqualTo(flowStarts.keySet());
        for (String track : slices.keySet()) {
            slices.get(track).sort(Comparator.comparingLong(Slice::ts).thenComparing(Comparator.comparingLong(Slice::end).reversed()));
            assertNested(track, slices.get(track));
        }
        for (String key : flowStarts.keySet()) {
            JsonNode s = flowStarts.get(key);
            JsonNode f = flowEnds.get(key);
            assertThat(s.get("ts").asLong()).as("flow %s goes forward in time", key).isLessThanOrEqualTo(f.get("ts").asLong());
            assertEnclosed(slices, s);
            assertEnclosed(slices, f);
        }
        for (long pid : pidsUsed) {
            assertThat(processNames.get(pid)).as("process %d is named", pid).isNotBlank();
        }
        for (String track : tracksUsed) {
            assertThat(threadNames.get(track)).as("track %s is named", track).isNotBlank();
        }
        Set<String> perProcess = new HashSet<>();
        threadNames.forEach((track, name) -> assertThat(perProcess.add(track.substring(0, track.indexOf('/')) + "/" + name))
                .as("track name %s is unique in its process", name).isTrue());
        return new Summary(complete, instants, flowStarts.size(), processNames.size(), threadNames.size(), byCategory);
    }

    /**
     * Sorted by start, longer first: each slice must end no later than every slice still open around it. A slice
     * closes at its end, except that zero-length slices at one instant stay open for each other, as Perfetto stacks
     * them; no track may nest deeper than Perfetto's 512 levels.
     */
    private static void assertNested(String track, List<Slice> sorted) {
        List<Slice> open = new ArrayList<>();
        for (Slice s : sorted) {
            while (!open.isEmpty() && closedBy(open.getLast(), s)) {
                open.removeLast();
            }
            if (!open.isEmpty()) {
                Slice parent = open.getLast();
                assertThat(s.end()).as("on track %s, %s [%d, %d] overlaps %s [%d, %d] without nesting", track, s.name(),
                        s.ts(), s.end(), parent.name(), parent.ts(), parent.end()).isLessThanOrEqualTo(parent.end());
            }
            open.add(s);
            assertThat(open.size()).as("nesting depth on track %s", track).isLessThanOrEqualTo(512);
        }
    }

    private static boolean closedBy(Slice open, Slice next) {
        boolean bothZero = open.ts() == open.end() && next.ts() == next.end();
        return open.end() < next.ts() || open.end() == next.ts() && !bothZero;
    }

    private static void assertEnclosed(Map<String, List<Slice>> slices, JsonNode flow) {
        long ts = flow.get("ts").asLong();
        List<Slice> track = slices.getOrDefault(flow.get("pid").asLong() + "/" + flow.get("tid").asLong(), List.of());
        assertThat(track.stream().anyMatch(s -> s.ts() <= ts && ts <= s.end())).as("a slice encloses %s", flow).isTrue();
    }
}
