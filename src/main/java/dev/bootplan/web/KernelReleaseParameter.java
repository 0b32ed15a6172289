package dev.bootplan.web;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The kernel release the metadata belongs to: the files do not hold it, their directory's name does. */
@Target({ElementType.PARAMETER, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Parameter(description = "The kernel release: the name of the /lib/modules/<release> directory (`uname -r`). The plan's "
        + "version is its major.minor; without it, the log's, else 6.12 with a version-assumed issue.",
        schema = @Schema(type = "string", example = "6.1.0-57-amd64"))
@interface KernelReleaseParameter {}
