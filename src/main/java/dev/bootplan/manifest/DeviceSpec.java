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
        @Schema(description = "Share of the probe time spent on a CPU, in percent: busy-waiting (udelay) and computing; the "
                + "rest is sleeping. It applies across the whole probe, CPU and waiting interleaved. Leave it out when "
                + "unknown: the prediction then takes it as 0 and the report's uncertainty gives the bounds.",
                example = "0", minimum = "0", maximum = "100")
        Integer cpuPercent,
        @Schema(description = "Whether cpuPercent is an estimate (from reading the driver's source, say) rather than "
                + "measured: the prediction uses it and the report bounds it by taking it as 0 and as 100.",
                example = "false", defaultValue = "false")
        Boolean cpuPercentEstimated,
        @Schema(description = "Work the probe starts and returns without waiting for (a SCSI host scan, libata's port "
                + "probe, USB hub enumeration): its own time.", example = "350ms", defaultValue = "0")
        String asyncWork,
        @Schema(description = "Share of that work spent on a CPU, in percent; leave it out when unknown (taken as 0, with bounds).",
                example = "5", minimum = "0", maximum = "100")
        Integer asyncWorkCpuPercent,
        @Schema(description = "Whether asyncWorkCpuPercent is an estimate (bounded like cpuPercent).", example = "false",
                defaultValue = "false")
        Boolean asyncWorkCpuPercentEstimated,
        @Schema(description = "Where that work runs: `async` (async_schedule(): waited for by async_synchronize_full(), so by "
                + "a module load without async_probe and before /init) or `workqueue` (hub_wq, a driver's own work queue: "
                + "nobody waits for it).", example = "async", defaultValue = "async", allowableValues = {"async", "workqueue"})
        String asyncWorkQueue,
        @Schema(description = "This device is created by its parent's work (asyncWork), this far into that work's own time "
                + "(a disk found by a port scan, a USB device found by hub enumeration); without it the device appears "
                + "when its parent's probe returns.", example = "328ms")
        String discoveredAfter,
        @Schema(description = "Probe time spent before -EPROBE_DEFER when fw_devlink is off.", example = "2ms",
                defaultValue = "0")
        String deferCost) {

    public DeviceSpec {
        suppliers = suppliers == null ? List.of() : suppliers;
    }

    /** A device whose probe starts no work that creates devices. */
    public DeviceSpec(String name, String driver, String probeTime, Integer count, String parent, List<String> suppliers,
            Boolean killable, Integer cpuPercent, String asyncWork, String deferCost) {
        this(name, driver, probeTime, count, parent, suppliers, killable, cpuPercent, null, asyncWork, null, null, null, null,
                deferCost);
    }
}
