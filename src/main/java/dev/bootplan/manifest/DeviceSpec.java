package dev.bootplan.manifest;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

@Schema(description = "A device (or `count` identical devices) in bus order.")
public record DeviceSpec(
        @Schema(description = "dev_name(). With count > 1 the copies are named name, name.1, name.2 … "
                + "or, if the name holds {n}, with {n} replaced by 0, 1, 2 ….", example = "0000:01:00.0",
                requiredMode = Schema.RequiredMode.REQUIRED)
        String name,
        @Schema(description = "The driver that binds it.", example = "mpt3sas", requiredMode = Schema.RequiredMode.REQUIRED)
        String driver,
        @Schema(description = "How long its probe takes.", example = "1.5s", defaultValue = "0")
        String probeTime,
        @Schema(description = "Number of identical devices.", example = "1", defaultValue = "1")
        Integer count,
        @Schema(description = "Parent device: this device appears when the parent binds.", example = "0000:00:1f.2")
        String parent,
        @Schema(description = "Devices that must be bound before this one can probe (else -EPROBE_DEFER).",
                example = "[\"regulator-sd-vcc\"]")
        List<String> suppliers,
        @Schema(description = "Whether a pending fatal signal (udev's kill) makes the probe fail.", example = "true",
                defaultValue = "true")
        Boolean killable,
        @Schema(description = "Share of the probe time spent on the CPU, in percent (the rest is waiting).",
                example = "0", defaultValue = "0")
        Integer cpuPercent,
        @Schema(description = "Async work the probe starts that outlives it (a SCSI scan, libata port probing).",
                example = "350ms", defaultValue = "0")
        String asyncWork,
        @Schema(description = "Probe time spent before -EPROBE_DEFER when fw_devlink is off.", example = "2ms",
                defaultValue = "0")
        String deferCost) {

    public DeviceSpec {
        suppliers = suppliers == null ? List.of() : suppliers;
    }
}
