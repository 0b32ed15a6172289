package dev.bootplan.web;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The OpenAPI description of {@code ?format=} (read by {@link TraceFormat}). */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Parameter(description = "`json` (default: the report, or a picture by the Accept header) or `trace`: the same boot as "
        + "Chrome Trace Event Format JSON (`traceEvents`, one process per mode or per boot, one track per lane, complete "
        + "events that nest on their track, milestones and findings as instants, flow arrows from a module load to the "
        + "async probes it queued and from a deferral to its retry), served as a `.trace.json` download that "
        + "ui.perfetto.dev, chrome://tracing and speedscope open.",
        schema = @Schema(type = "string", defaultValue = "json", allowableValues = {"json", "trace"}))
@interface FormatParameter {}
