package dev.bootplan.web;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The OpenAPI description of {@code ?overrideForceSync=}, shared by evaluations and comparisons. */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Parameter(description = "Only meaningful for debug-force-all: a what-if in which drivers declared force-sync "
        + "(PROBE_FORCE_SYNCHRONOUS) probe async too; by default force-sync still wins. Ignored by the other modes.",
        schema = @Schema(type = "boolean", defaultValue = "false"))
@interface OverrideForceSyncParameter {}
