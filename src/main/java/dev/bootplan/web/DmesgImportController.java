package dev.bootplan.web;

import dev.bootplan.config.BootPlanProperties;
import dev.bootplan.manifest.Manifest;
import dev.bootplan.report.ObservedBoot;
import dev.bootplan.service.DmesgImportResponse;
import dev.bootplan.service.DmesgImportService;
import dev.bootplan.service.PredictionCheckResponse;
import dev.bootplan.trace.DriverModules;
import dev.bootplan.trace.TraceExport;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.SchemaProperty;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Real boots in: a dmesg with initcall_debug as plain text or as the {@code log} part of a form. The body is
 * read as a stream, line by line; its size is capped by the same limit as every body.
 */
@RestController
@Tag(name = "Imports", description = "Read real artefacts: dmesg with initcall_debug, module metadata.")
class DmesgImportController {

    private static final String PATH = "/api/v1/imports/dmesg";
    private static final String JSON = MediaType.APPLICATION_JSON_VALUE;
    private static final String TEXT = MediaType.TEXT_PLAIN_VALUE;
    private static final String FORM = MediaType.MULTIPART_FORM_DATA_VALUE;
    private static final String DESCRIPTION = "Reads `calling`/`initcall … returned` pairs (built-in and module inits with "
            + "their PID), `probe of … returned` lines (both return-code conventions, both signs of 517), levels, async "
            + "sync points, deferred-probe, firmware and udev timeout lines. Tolerates syslog `<N>` prefixes, missing "
            + "stamps, printk caller ids, PCI quirk \"calling\" lines, truncated starts, interleaved and wrapped lines, "
            + "and lists every skipped or doubtful line as an issue (`source:line:col: message`, with a code). JSON "
            + "gives the observed boot and a plan that, evaluated in async mode, replays it (the Raspberry Pi 4 log in "
            + "the repository replays every built-in initcall to the microsecond); `Accept: image/svg+xml` draws the observed timeline; "
            + "`format=trace` gives the observed boot as a Chrome Trace Event Format download for Perfetto. "
            + "A gzip log (`dmesg.gz`) is read decompressed, up to the import size limit. A log that holds no boot is a 422 "
            + "import-failed problem listing the issues: no initcall, no initcall that returns, time running backwards "
            + "throughout, binary input, or text in a mail's quoted-printable encoding.";

    private final DmesgImportService imports;
    private final JsonMapper json;
    private final BootPlanProperties properties;

    DmesgImportController(DmesgImportService imports, JsonMapper json, BootPlanProperties properties) {
        this.imports = imports;
        this.json = json;
        this.properties = properties;
    }

    /*
     * Four handlers share the path (plain text or a form in, JSON or SVG out). springdoc would merge them into one
     * operation keeping only one body and one response type, so this one documents all four and the rest are hidden.
     */
    @PostMapping(path = PATH, consumes = TEXT, produces = JSON)
    @Operation(summary = "Import a dmesg: observed boot, replaying plan, issues (or the observed timeline as SVG)",
            description = DESCRIPTION, requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    description = "The log as `dmesg` prints it: the body itself (text/plain), or the form part `log`.",
                    content = {
                        @Content(mediaType = TEXT, schema = @Schema(type = "string")),
                        @Content(mediaType = FORM, schemaProperties = @SchemaProperty(name = "log",
                                schema = @Schema(type = "string", format = "binary", description = "The log file.")))
                    }))
    @ApiResponse(responseCode = "200", description = "The import as JSON, or with `Accept: image/svg+xml` the observed"
            + " timeline as one SVG, or with `format=trace` the observed boot as a Chrome Trace Event Format download"
            + " (application/json; the plan is built for neither).", content = {
                @Content(mediaType = JSON, schema = @Schema(implementation = DmesgImportResponse.class)),
                @Content(mediaType = PictureConverter.SVG, schema = @Schema(type = "string", description = "An SVG document."))
            })
    DmesgImportResponse importText(
            HttpServletRequest request, HttpServletResponse response,
            @KernelVersionParameter @RequestParam(required = false) String kernelVersion,
            @NameParameter @RequestParam(required = false) String name,
            @FormatParameter @RequestParam(name = TraceFormat.NAME, required = false) String format) throws IOException {
        boolean trace = TraceFormat.requested(format);
        try (Reader log = Uploads.text("dmesg", request.getInputStream(), Uploads.budget(properties))) {
            if (!trace) {
                return DmesgImportResponse.of(imports.importLog("dmesg", log, kernelVersion, name));
            }
            ObservedBoot boot = imports.observe("dmesg", log, kernelVersion);
            TraceDownload.send(response, name == null ? "dmesg" : name, out -> TraceExport.observed(boot, out));
            return null; // the response is written
        }
    }

    @PostMapping(path = PATH, consumes = TEXT, produces = PictureConverter.SVG)
    @Hidden // documented on importText
    void drawText(HttpServletRequest request, HttpServletResponse response,
            @KernelVersionParameter @RequestParam(required = false) String kernelVersion,
            @RequestParam(required = false) String name,
            @RequestParam(name = TraceFormat.NAME, required = false) String format) throws IOException {
        boolean trace = TraceFormat.requested(format);
        ObservedBoot boot;
        try (Reader log = Uploads.text("dmesg", request.getInputStream(), Uploads.budget(properties))) {
            boot = imports.observe("dmesg", log, kernelVersion);
        }
        writeSvgOrTrace(boot, trace, name == null ? "dmesg" : name, response);
    }

    @PostMapping(path = PATH, consumes = FORM, produces = JSON)
    @Hidden // documented on importText
    DmesgImportResponse importForm(
            @Parameter(description = "The log file.") @RequestPart("log") MultipartFile log, HttpServletResponse response,
            @KernelVersionParameter @RequestParam(required = false) String kernelVersion,
            @NameParameter @RequestParam(required = false) String name,
            @FormatParameter @RequestParam(name = TraceFormat.NAME, required = false) String format) throws IOException {
        boolean trace = TraceFormat.requested(format);
        try (Reader in = Uploads.text(log, Uploads.budget(properties), false)) {
            if (!trace) {
                return DmesgImportResponse.of(imports.importLog(Uploads.sourceName(log), in, kernelVersion, name));
            }
            ObservedBoot boot = imports.observe(Uploads.sourceName(log), in, kernelVersion);
            TraceDownload.send(response, name == null ? Uploads.sourceName(log) : name, out -> TraceExport.observed(boot, out));
            return null; // the response is written
        }
    }

    @PostMapping(path = PATH, consumes = FORM, produces = PictureConverter.SVG)
    @Hidden // documented on importText
    void drawForm(@RequestPart("log") MultipartFile log, HttpServletResponse response,
            @KernelVersionParameter @RequestParam(required = false) String kernelVersion,
            @RequestParam(required = false) String name,
            @RequestParam(name = TraceFormat.NAME, required = false) String format) throws IOException {
        boolean trace = TraceFormat.requested(format);
        ObservedBoot boot;
        try (Reader in = Uploads.text(log, Uploads.budget(properties), false)) {
            boot = imports.observe(Uploads.sourceName(log), in, kernelVersion);
        }
        writeSvgOrTrace(boot, trace, name == null ? Uploads.sourceName(log) : name, response);
    }

    /**
     * Streams the chart into the response: a 200,000-initcall log draws megabytes of SVG, which a String would hold
     * twice more (the writer's buffer, then the bytes). Reached only once the log is read, so a log that cannot be
     * used still gets its problem document.
     */
    private void writeSvgOrTrace(ObservedBoot boot, boolean trace, String name, HttpServletResponse response)
            throws IOException {
        if (trace) { // format=trace wins over Accept, as on every endpoint
            TraceDownload.send(response, name, out -> TraceExport.observed(boot, out));
            return;
        }
        response.setContentType(PictureConverter.SVG);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        Writer out = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8), 65_536);
        imports.draw(boot, out);
        out.flush();
    }

    /** More logs than this make a calibration's simulations too many for one request. */
    static final int MAX_CALIBRATION_LOGS = 8;

    @PostMapping(path = PATH + "/calibrations", consumes = FORM, produces = JSON)
    @Operation(summary = "Calibrate CPU shares from two or more boots of one machine",
            description = "A log cannot tell busy-waiting from sleeping. Given two to " + MAX_CALIBRATION_LOGS + " logs of the"
                    + " same machine booted with different knobs (form parts `log`, the first one the plan's; e.g. one plain"
                    + " boot and one with `driver_async_probe=*`), builds the plan of the first and fits each driver's CPU"
                    + " share (its probes and the work they start, the eight drivers with the most probe time) and the share"
                    + " of the loads by name, so that every log replays with its own command line (least squares over the"
                    + " devices' probe ends). Answers the fitted plan, the shares, and for each boot when its last device"
                    + " binds in the log and in the replay before and after the fit. Example: `curl -F log=@mixed-sync.dmesg"
                    + " -F log=@mixed-drvasync.dmesg http://localhost:8080/api/v1/imports/dmesg/calibrations` fits e1000 at"
                    + " 88 % and replays the drvasync boot's last device within 0.3 ms.")
    @ApiResponse(responseCode = "200", description = "The fitted plan, its shares and every boot's replay.")
    CalibrationResponse calibrate(
            @Parameter(description = "The logs, two or more, of one machine; the first one's plan is fitted.")
            @RequestPart("log") java.util.List<MultipartFile> logs,
            @KernelVersionParameter @RequestParam(required = false) String kernelVersion,
            @NameParameter @RequestParam(required = false) String name) throws IOException {
        if (logs.size() < 2 || logs.size() > MAX_CALIBRATION_LOGS) {
            throw new InvalidParameterException("log", "a calibration takes 2 to " + MAX_CALIBRATION_LOGS + " logs (form parts"
                    + " `log`); " + logs.size() + " given", java.util.List.of());
        }
        java.util.List<DmesgImportService.Source> sources = new java.util.ArrayList<>();
        java.util.List<Reader> open = new java.util.ArrayList<>();
        try {
            for (MultipartFile log : logs) {
                Reader in = Uploads.text(log, Uploads.budget(properties), false);
                open.add(in);
                sources.add(new DmesgImportService.Source(Uploads.sourceName(log), in));
            }
            return CalibrationResponse.of(imports.calibrate(sources, kernelVersion, name));
        } finally {
            for (Reader r : open) {
                r.close();
            }
        }
    }

    @PostMapping(path = PATH + "/checks", consumes = FORM, produces = JSON)
    @Operation(summary = "Hold a plan's prediction against a real log",
            description = "Simulates the manifest (part `manifest`, read as JSON whatever type the part declares, so "
                    + "`curl -F manifest=@plan.json` works) in the given mode and compares it with the log "
                    + "(part `log`): per milestone, built-in initcall, module init and device, the observed and predicted end "
                    + "times and their difference, so that you can see where the model and the machine disagree. With "
                    + "`format=trace`, both boots on one time axis as a Chrome Trace Event Format download (process 1 "
                    + "predicted, process 2 observed, the observed milestones carrying the predicted time and difference).")
    @ApiResponse(responseCode = "200", description = "The differences (or, with format=trace, the trace download).")
    @ManifestProblemResponses
    PredictionCheckResponse check(
            @Parameter(description = "The plan (a manifest, as for POST /api/v1/evaluations), JSON whatever type the part"
                    + " declares (`curl -F manifest=@plan.json` sends application/octet-stream).",
                    schema = @Schema(implementation = Manifest.class))
            @RequestPart("manifest") MultipartFile manifestPart,
            @Parameter(description = "The real boot's log.") @RequestPart("log") MultipartFile log,
            @Parameter(description = "The probing mode to simulate; the mode the machine booted in is async.",
                    schema = @Schema(type = "string", defaultValue = "async",
                            allowableValues = {"sync", "async", "forced-sync", "debug-force-all"}))
            @RequestParam(defaultValue = "async") String mode,
            @FormatParameter @RequestParam(name = TraceFormat.NAME, required = false) String format,
            HttpServletResponse response) throws IOException {
        boolean trace = TraceFormat.requested(format);
        Manifest manifest = readManifest(manifestPart);
        DmesgImportService.Checked checked;
        try (Reader in = Uploads.text(log, Uploads.budget(properties), false)) {
            checked = imports.check(manifest, ModeParameter.resolve(mode, false), Uploads.sourceName(log), in);
        }
        if (!trace) {
            return PredictionCheckResponse.of(checked);
        }
        TraceDownload.send(response, checked.predicted().plan() + "-vs-" + Uploads.sourceName(log), out -> TraceExport.check(
                checked.predicted(), checked.observed(), checked.check(), DriverModules.of(manifest), out));
        return null; // the response is written
    }

    /**
     * The manifest part read with the same strict mapper as every JSON body. Read here rather than by Spring's part
     * converter, which takes only parts declared application/json, and curl declares a file part
     * application/octet-stream unless told otherwise; a part that is not a manifest is the usual 400.
     */
    private Manifest readManifest(MultipartFile part) throws IOException {
        try (InputStream in = part.getInputStream()) {
            return json.readValue(in, Manifest.class);
        } catch (JacksonException e) {
            throw new HttpMessageNotReadableException("the manifest part is not a readable manifest: " + e.getOriginalMessage(),
                    e, new PartMessage(part));
        }
    }

    /** A form part as an HTTP message, for the exception that says it could not be read. */
    private record PartMessage(MultipartFile part) implements HttpInputMessage {
        @Override
        public InputStream getBody() throws IOException {
            return part.getInputStream();
        }

        @Override
        public HttpHeaders getHeaders() {
            HttpHeaders headers = new HttpHeaders();
            if (part.getContentType() != null) {
                headers.set(HttpHeaders.CONTENT_TYPE, part.getContentType());
            }
            return headers;
        }
    }
}
