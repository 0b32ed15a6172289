package dev.bootplan.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import java.time.Duration;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/** The service's own settings ({@code bootplan.*}), translated once into plain settings for the core. */
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
     */
    public record Limits(
            @NotNull @DefaultValue("8MB") DataSize maxBodySize,
            @NotNull @DefaultValue("64MB") DataSize maxImportSize,
            @Min(1) @DefaultValue("200000") int maxDevices,
            @Min(1) @DefaultValue("10000") int maxModules,
            @Min(1) @DefaultValue("20000") int maxDrivers,
            @Min(1) @DefaultValue("20000") int maxInitcalls,
            @Min(1) @DefaultValue("20000000") long maxEvents,
            @Min(1) @DefaultValue("2000000") long maxReportSpans,
            @NotNull @DefaultValue("10s") Duration requestDeadline,
            @Min(0) @DefaultValue("0") int maxConcurrentRuns,
            @NotNull @DefaultValue("2s") Duration admissionWait) {}
}
