package dev.bootplan.web;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The kernel version, when the log does not print one; it decides how probe return codes read (5.14 changed them). */
@Target({ElementType.PARAMETER, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Parameter(description = "Kernel version (major.minor) if the log does not print it; decides how probe return codes are read "
        + "(v5.14 changed them).", schema = @Schema(type = "string", example = "6.12"))
@interface KernelVersionParameter {}
