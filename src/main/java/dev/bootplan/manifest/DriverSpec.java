package dev.bootplan.manifest;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

@Schema(description = "A driver (struct device_driver).")
public record DriverSpec(
        @Schema(description = "drv->name, as driver_async_probe= matches it.", example = "sd",
                requiredMode = Schema.RequiredMode.REQUIRED)
        String name,
        @Schema(description = "drv->probe_type.", example = "prefer-async", defaultValue = "default",
                allowableValues = {"default", "prefer-async", "force-sync"})
        String probeType,
        @Schema(description = "Known to be unsafe for async probing (forced-sync mode forces it synchronous).",
                example = "false", defaultValue = "false")
        Boolean asyncUnsafe,
        @Schema(description = "Firmware files its probe requests (request_firmware).", example = "[\"iwlwifi-so-a0-gf-a0-89.ucode\"]")
        List<String> firmware,
        @Schema(description = "Whether the driver gives up on missing suppliers when the deferred-probe timeout fires "
                + "(instead of staying pending forever).", example = "false", defaultValue = "false")
        Boolean giveUpOnDeferTimeout,
        @Schema(description = "Whether the CPU-bound part of its probes holds a lock every device of the driver shares "
                + "(e1000 bit-bangs its EEPROM under the global e1000_eeprom_lock): concurrent probes of its devices "
                + "take turns, never computing on more than one CPU together.", example = "false", defaultValue = "false")
        Boolean probeLock) {

    public DriverSpec {
        firmware = firmware == null ? List.of() : firmware;
    }

    /** A driver whose probes lock nothing their siblings need. */
    public DriverSpec(String name, String probeType, Boolean asyncUnsafe, List<String> firmware, Boolean giveUpOnDeferTimeout) {
        this(name, probeType, asyncUnsafe, firmware, giveUpOnDeferTimeout, null);
    }
}
