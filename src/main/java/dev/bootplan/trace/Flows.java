package dev.bootplan.trace;

import dev.bootplan.report.Span;
import dev.bootplan.report.SpanKind;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The arrows of one process, as pairs of span indices into its {@link Layout}:
 * <ul>
 * <li><b>queued</b>: from a module's load to each async probe its init queued. driver_register() → bus_add_driver()
 * → driver_attach() → __driver_attach() queues one async_schedule_dev() item per present device of a
 * PREFER_ASYNCHRONOUS driver (drivers/base/dd.c) while the module's init runs, and the engine starts an item when it
 * is queued unless the async pool is full. So the arrow goes to a device's first attempt when it ran on an async
 * lane, its driver is one of the module's, and it started while the module's init ran. An item that waited for a
 * full pool (ASYNC_POOL_SATURATED) starts later and gets no arrow.</li>
 * <li><b>retry</b>: from a deferral to the device's next attempt (driver_deferred_probe_trigger() retries it;
 * retries that changed nothing leave no span, so the arrow goes to the one that did).</li>
 * </ul>
 * Linear: one pass in start order with a map per device name.
 */
final class Flows {

    static final String QUEUED = "queued";
    static final String RETRY = "retry";

    /** Per span index: the flows it starts, as ranges [firstOut[i], firstOut[i + 1]) of flow indices. */
    final int[] firstOut;
    final int[] sources;
    final int[] targets;
    final String[] names;
    /** Per span index: the flow that ends on it, or −1. */
    final int[] into;

    private Flows(int[] firstOut, int[] sources, int[] targets, String[] names, int[] into) {
        this.firstOut = firstOut;
        this.sources = sources;
        this.targets = targets;
        this.names = names;
        this.into = into;
    }

    int count() {
        return targets.length;
    }

    static Flows of(Span[] spans, Function<String, String> driverOfDevice, DriverModules owners) {
        Map<String, Integer> loadOf = new HashMap<>();
        Map<String, Integer> initOf = new HashMap<>();
        for (int i = 0; i < spans.length; i++) {
            if (spans[i].kind() == SpanKind.moduleLoad) {
                loadOf.putIfAbsent(spans[i].subject(), i);
            } else if (spans[i].kind() == SpanKind.moduleInit) {
                initOf.putIfAbsent(spans[i].subject(), i);
            }
        }
        int[] source = new int[spans.length];
        Arrays.fill(source, -1);
        String[] name = new String[spans.length];
        Set<String> attempted = new HashSet<>();
        Map<String, Integer> pendingDeferral = new HashMap<>();
        int count = 0;
        for (int i = 0; i < spans.length; i++) {
            Span s = spans[i];
            if (!isAttempt(s.kind())) {
                continue;
            }
            String device = s.subject();
            Integer deferral = pendingDeferral.get(device);
            if (deferral != null && spans[deferral].endUs() <= s.startUs()) {
                source[i] = deferral;
                name[i] = RETRY;
                count++;
                pendingDeferral.remove(device);
            } else if (attempted.add(device) && ranAsync(s)) {
                String module = owners.moduleOf(driverOfDevice.apply(device));
                Integer init = module == null ? null : initOf.get(module);
                Integer load = module == null ? null : loadOf.get(module);
                if (init != null && load != null && spans[init].startUs() <= s.startUs() && s.startUs() <= spans[init].endUs()) {
                    source[i] = load;
                    name[i] = QUEUED;
                    count++;
                }
            }
            attempted.add(device);
            if (s.kind() == SpanKind.deferral) {
                pendingDeferral.put(device, i);
            }
        }
        return build(source, name, count);
    }

    private static boolean isAttempt(SpanKind kind) {
        return kind == SpanKind.syncProbe || kind == SpanKind.asyncProbe || kind == SpanKind.deferral;
    }

    private static boolean ranAsync(Span s) {
        return s.kind() == SpanKind.asyncProbe || (s.kind() == SpanKind.deferral && s.lane() != null && s.lane().startsWith("async-"));
    }

    /** Sources to CSR: flows listed by source index, then by target index, so writing them is deterministic. */
    private static Flows build(int[] source, String[] name, int count) {
        int n = source.length;
        int[] firstOut = new int[n + 1];
        for (int t = 0; t < n; t++) {
            if (source[t] >= 0) {
                firstOut[source[t] + 1]++;
            }
        }
        for (int i = 0; i < n; i++) {
            firstOut[i + 1] += firstOut[i];
        }
        int[] fill = Arrays.copyOf(firstOut, n);
        int[] sources = new int[count];
        int[] targets = new int[count];
        String[] names = new String[count];
        int[] into = new int[n];
        Arrays.fill(into, -1);
        for (int t = 0; t < n; t++) {
            if (source[t] >= 0) {
                int f = fill[source[t]]++;
                sources[f] = source[t];
                targets[f] = t;
                names[f] = name[t];
                into[t] = f;
            }
        }
        return new Flows(firstOut, sources, targets, names, into);
    }
}
