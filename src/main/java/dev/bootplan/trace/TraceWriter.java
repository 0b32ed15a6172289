package dev.bootplan.trace;

import dev.bootplan.report.Span;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.json.JsonFactory;

/**
 * Writes processes as one Chrome Trace Event Format document (the JSON Object Format: {@code traceEvents},
 * {@code displayTimeUnit}, {@code otherData}) onto a writer, event by event: metadata naming every process and
 * track, then each process's complete ({@code X}) events in start order with the flow events bound to them, then its
 * instants. Timestamps and durations are the report's integer microseconds, the format's unit.
 *
 * <p>A flow's {@code s} is written right after its source span and its {@code f} (binding point "e", the enclosing
 * slice) right after its target, so a viewer that reads in file order within a timestamp (Perfetto's sorter keeps it)
 * binds each end to that very span and not to a child starting at the same microsecond.
 */
final class TraceWriter {

    private static final JsonFactory FACTORY = JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

    private final JsonGenerator g;
    private int nextFlowId = 1;

    private TraceWriter(Writer out) {
        this.g = FACTORY.createGenerator(out);
    }

    static void write(List<TraceProcess> processes, Map<String, Object> otherData, Writer out) throws IOException {
        try {
            new TraceWriter(out).document(processes, otherData);
        } catch (JacksonException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new UncheckedIOException(new IOException(e.getOriginalMessage(), e));
        }
        out.write('\n');
        out.flush();
    }

    private void document(List<TraceProcess> processes, Map<String, Object> otherData) {
        g.writeStartObject();
        g.writeStringProperty("displayTimeUnit", "ms");
        g.writeName("otherData");
        value(otherData);
        g.writeName("traceEvents");
        g.writeStartArray();
        int tid = 1;
        for (int p = 0; p < processes.size(); p++) {
            tid = process(p + 1, processes.get(p), tid);
        }
        g.writeEndArray();
        g.writeEndObject();
        g.flush();
    }

    /** Writes one process; returns the first tid free after it. */
    private int process(int pid, TraceProcess process, int firstTid) {
        Layout layout = Layout.of(process.timeline(), firstTid);
        List<Layout.Track> tracks = layout.tracks.isEmpty() ? List.of(new Layout.Track(firstTid, "boot")) : layout.tracks;
        int mainTid = tracks.getFirst().tid();
        metadata("process_name", pid, mainTid, "name", process.name());
        metadata("process_sort_index", pid, mainTid, "sort_index", pid);
        for (Layout.Track t : tracks) {
            metadata("thread_name", pid, t.tid(), "name", t.name());
            metadata("thread_sort_index", pid, t.tid(), "sort_index", t.tid());
        }
        Flows flows = Flows.of(layout.spans, process.driverOfDevice(), process.owners());
        int flowBase = nextFlowId;
        nextFlowId += flows.count();
        boolean[] written = new boolean[layout.spans.length];
        for (int i = 0; i < layout.spans.length; i++) {
            complete(pid, layout.tids[i], layout.spans[i], process.details());
            written[i] = true;
            for (int f = flows.firstOut[i]; f < flows.firstOut[i + 1]; f++) {
                int target = flows.targets[f];
                flow("s", flowBase + f, flows.names[f], pid, layout.tids[i], layout.spans[i].startUs());
                if (written[target]) { // the target started at the same microsecond and was written first
                    flow("f", flowBase + f, flows.names[f], pid, layout.tids[target], layout.spans[target].startUs());
                }
            }
            int in = flows.into[i];
            if (in >= 0 && written[flows.sources[in]]) {
                flow("f", flowBase + in, flows.names[in], pid, layout.tids[i], layout.spans[i].startUs());
            }
        }
        for (Marker m : process.markers()) {
            instant(pid, mainTid, m);
        }
        return firstTid + tracks.size();
    }

    private void metadata(String name, int pid, int tid, String key, Object value) {
        g.writeStartObject();
        g.writeStringProperty("name", name);
        g.writeStringProperty("ph", "M");
        g.writeNumberProperty("pid", pid);
        g.writeNumberProperty("tid", tid);
        g.writeName("args");
        g.writeStartObject();
        g.writeName(key);
        value(value);
        g.writeEndObject();
        g.writeEndObject();
    }

    private void complete(int pid, int tid, Span s, SpanDetails details) {
        g.writeStartObject();
        g.writeStringProperty("name", s.kind() + " " + s.subject());
        g.writeStringProperty("cat", s.kind().name());
        g.writeStringProperty("ph", "X");
        g.writeNumberProperty("ts", s.startUs());
        g.writeNumberProperty("dur", s.endUs() - s.startUs());
        g.writeNumberProperty("pid", pid);
        g.writeNumberProperty("tid", tid);
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("subject", s.subject());
        args.put("lane", s.lane());
        args.put("contendedUs", s.contendedUs());
        details.addTo(s, args);
        g.writeName("args");
        value(args);
        g.writeEndObject();
    }

    private void flow(String phase, int id, String name, int pid, int tid, long ts) {
        g.writeStartObject();
        g.writeStringProperty("name", name);
        g.writeStringProperty("cat", "flow");
        g.writeStringProperty("ph", phase);
        g.writeNumberProperty("id", id);
        g.writeNumberProperty("ts", ts);
        g.writeNumberProperty("pid", pid);
        g.writeNumberProperty("tid", tid);
        if (phase.equals("f")) {
            g.writeStringProperty("bp", "e");
        }
        g.writeEndObject();
    }

    private void instant(int pid, int tid, Marker m) {
        g.writeStartObject();
        g.writeStringProperty("name", m.name());
        g.writeStringProperty("cat", m.category());
        g.writeStringProperty("ph", "i");
        g.writeStringProperty("s", "p");
        g.writeNumberProperty("ts", m.atUs());
        g.writeNumberProperty("pid", pid);
        g.writeNumberProperty("tid", tid);
        g.writeName("args");
        value(m.args());
        g.writeEndObject();
    }

    private void value(Object v) {
        switch (v) {
            case null -> g.writeNull();
            case String s -> g.writeString(s);
            case Integer i -> g.writeNumber(i);
            case Long l -> g.writeNumber(l);
            case Double d -> g.writeNumber(d);
            case Boolean b -> g.writeBoolean(b);
            case List<?> list -> {
                g.writeStartArray();
                for (Object o : list) {
                    value(o);
                }
                g.writeEndArray();
            }
            case Map<?, ?> map -> {
                g.writeStartObject();
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    g.writeName(String.valueOf(e.getKey()));
                    value(e.getValue());
                }
                g.writeEndObject();
            }
            default -> g.writeString(v.toString());
        }
    }
}
