package dev.bootplan.web;

import dev.bootplan.config.BootPlanProperties;
import dev.bootplan.ingest.TextInput;
import dev.bootplan.ingest.modules.ModuleMetadataImport.Input;
import dev.bootplan.service.ModulesImportResponse;
import dev.bootplan.service.ModulesImportService;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.SchemaProperty;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Real module metadata in: the files of {@code /lib/modules/<release>/} as form parts named after them (or
 * modules.dep alone as plain text), the machine's modaliases, and optionally a dmesg of the same machine for times.
 */
@RestController
@Tag(name = "Imports")
class ModulesImportController {

    private static final String PATH = "/api/v1/imports/modules";
    private static final String DESCRIPTION = "A plan skeleton for a whole distribution kernel: every module of "
            + "`modules.dep` with its dependencies, every built-in module of `modules.builtin` as a device-level initcall, "
            + "and each device of the machine (`modaliases`: the output of "
            + "`find /sys/devices -name modalias -exec grep -H . {} +`) bound as udev's kmod builtin would: a built-in "
            + "whose `modules.builtin.modinfo` alias matches, else the first module of `modules.alias` that does. "
            + "Times are defaults (medians of a real boot) unless a `dmesg` with initcall_debug of the same machine is "
            + "given: then its module init and load times, probe times, built-in initcalls, initramfs, hand-over to /init "
            + "and userspace times replace them (which module binds a device stays the metadata's). Every skipped or "
            + "doubtful line is an issue (`source:line:col: message`, with a code). Any part may be gzip (`modules.alias.gz`): "
            + "it is read decompressed, all parts together up to the import size limit. A `modules.dep` without a module, "
            + "a binary or quoted-printable part, and a plan `/api/v1/evaluations` would refuse (a dependency cycle, more "
            + "modules, devices, drivers or initcalls than its limits) are a 422 import-failed problem listing the issues.";

    private final ModulesImportService imports;
    private final BootPlanProperties properties;

    ModulesImportController(ModulesImportService imports, BootPlanProperties properties) {
        this.imports = imports;
        this.properties = properties;
    }

    /* Two handlers share the path; springdoc would keep one body type, so this one documents both (see importText). */
    @PostMapping(path = PATH, consumes = MediaType.MULTIPART_FORM_DATA_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Import a kernel's module metadata and a machine's devices (form parts named after the files, "
            + "or modules.dep alone as plain text)", description = DESCRIPTION,
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = {
                @Content(mediaType = MediaType.MULTIPART_FORM_DATA_VALUE, schemaProperties = {
                    @SchemaProperty(name = "modules.dep", schema = @Schema(type = "string", format = "binary",
                            description = "`/lib/modules/<release>/modules.dep` (required).")),
                    @SchemaProperty(name = "modules.builtin", schema = @Schema(type = "string", format = "binary",
                            description = "`modules.builtin`: the built-in modules, in link order.")),
                    @SchemaProperty(name = "modules.builtin.modinfo", schema = @Schema(type = "string", format = "binary",
                            description = "`modules.builtin.modinfo`: the built-ins' aliases.")),
                    @SchemaProperty(name = "modules.alias", schema = @Schema(type = "string", format = "binary",
                            description = "`modules.alias`: which module each modalias pattern loads.")),
                    @SchemaProperty(name = "modaliases", schema = @Schema(type = "string", format = "binary",
                            description = "The machine's devices: `find /sys/devices -name modalias -exec grep -H . {} +`.")),
                    @SchemaProperty(name = "dmesg", schema = @Schema(type = "string", format = "binary",
                            description = "A dmesg with initcall_debug of the same machine, for measured times."))
                }, schema = @Schema(requiredProperties = {"modules.dep"})),
                @Content(mediaType = MediaType.TEXT_PLAIN_VALUE, schema = @Schema(type = "string",
                        description = "modules.dep alone, as depmod writes it."))
            }))
    @ApiResponse(responseCode = "200", description = "The plan skeleton, counts and issues.")
    ModulesImportResponse importForm(
            @RequestPart("modules.dep") MultipartFile dep,
            @RequestPart(name = "modules.builtin", required = false) MultipartFile builtin,
            @RequestPart(name = "modules.builtin.modinfo", required = false) MultipartFile modinfo,
            @RequestPart(name = "modules.alias", required = false) MultipartFile alias,
            @RequestPart(name = "modaliases", required = false) MultipartFile modaliases,
            @RequestPart(name = "dmesg", required = false) MultipartFile dmesg,
            @KernelReleaseParameter @RequestParam(required = false) String kernelRelease,
            @NameParameter @RequestParam(required = false) String name) throws IOException {
        List<Reader> open = new ArrayList<>();
        TextInput.Budget budget = Uploads.budget(properties);
        try {
            // modules.builtin.modinfo is NUL-separated records: there a NUL is text, not a sign of binary.
            var files = new ModulesImportService.Files(input(dep, budget, false, open), input(builtin, budget, false, open),
                    input(modinfo, budget, true, open), input(alias, budget, false, open),
                    input(modaliases, budget, false, open), input(dmesg, budget, false, open));
            return ModulesImportResponse.of(imports.importMetadata(files, kernelRelease, name));
        } finally {
            for (Reader r : open) {
                r.close();
            }
        }
    }

    @PostMapping(path = PATH, consumes = MediaType.TEXT_PLAIN_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Hidden // documented on importForm
    ModulesImportResponse importText(
            HttpServletRequest request,
            @KernelReleaseParameter @RequestParam(required = false) String kernelRelease,
            @NameParameter @RequestParam(required = false) String name) throws IOException {
        try (Reader dep = Uploads.text("modules.dep", request.getInputStream(), Uploads.budget(properties))) {
            var files = new ModulesImportService.Files(Input.of("modules.dep", dep), null, null, null, null, null);
            return ModulesImportResponse.of(imports.importMetadata(files, kernelRelease, name));
        }
    }

    /**
     * The part as text ({@link Uploads#text}), named after the uploaded file (never a path) or after the part; null if
     * absent. Parts are opened, and so checked, in order: a refused one ends the request before any is parsed.
     */
    private static Input input(MultipartFile part, TextInput.Budget budget, boolean nulIsText, List<Reader> open)
            throws IOException {
        if (part == null) {
            return null;
        }
        Reader reader = Uploads.text(part, budget, nulIsText);
        open.add(reader);
        return Input.of(Uploads.sourceName(part), reader);
    }
}
