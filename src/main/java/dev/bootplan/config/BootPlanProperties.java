package dev.bootplan.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import java.time.Duration;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/** The service's own settings ({@code bootplan.*}), translated once into plain settings for the core; defaults in {@link LimitDefaults}. */
@Validated
@ConfigurationProperties("bootplan")
public record BootPlanProperties(@Valid @NotNull @DefaultValue Limits limits) {

    /**
     * @param maxBodySize largest request body accepted (413 above it), imports excepted
     * @param maxImportSize largest body of an import under /api/v1/imports/ (413 above it): real artefacts are read
     *     as a stream, line by line, so they may be larger than a manifest, which is read whole
     * @param maxDevices devices per plan, counts expanded
     * @param maxModules modules per plan
     * @param maxDrivers drivers per plan
     * @param maxInitcalls built-in initcalls per plan
     * @param maxEvents simulated events per evaluation (and units of work done between events)
     * @param maxReportSpans timeline spans (and predicted log lines) one report may hold: refused before the memory is spent
     * @param requestDeadline how long one request's simulations may run before they are stopped (503)
     * @param maxConcurrentRuns simulations running at once; 0 for one per available processor
     * @param admissionWait how long a request waits for a free simulation thread before it is refused (503, Retry-After)
     * @param maxQueuedRuns requests that may wait for a simulation thread at once; one more is refused at once (503,
     *     Retry-After); 0 for four per simulation thread
     */
    public record Limits(
            @NotNull @DefaultValue(LimitDefaults.MAX_BODY_BYTES + "B") DataSize maxBodySize,
            @NotNull @DefaultValue(LimitDefaults.MAX_IMPORT_BYTES + "B") DataSize maxImportSize,
            @Min(1) @DefaultValue("" + LimitDefaults.MAX_DEVICES) int maxDevices,
            @Min(1) @DefaultValue("" + LimitDefaults.MAX_MODULES) int maxModules,
            @Min(1) @DefaultValue("" + LimitDefaults.MAX_DRIVERS) int maxDrivers,
            @Min(1) @DefaultValue("" + LimitDefaults.MAX_INITCALLS) int maxInitcalls,
            @Min(1) @DefaultValue("" + LimitDefaults.MAX_EVENTS) long maxEvents,
            @Min(1) @DefaultValue("" + LimitDefaults.MAX_REPORT_SPANS) long maxReportSpans,
            @NotNull @DefaultValue(LimitDefaults.REQUEST_DEADLINE_SECONDS + "s") Duration requestDeadline,
            @Min(0) @DefaultValue("" + LimitDefaults.MAX_CONCURRENT_RUNS) int maxConcurrentRuns,
            @NotNull @DefaultValue(LimitDefaults.ADMISSION_WAIT_SECONDS + "s") Duration admissionWait,
            @Min(0) @DefaultValue(LimitDefaults.MAX_QUEUED_RUNS + "") int maxQueuedRuns) {}
}
