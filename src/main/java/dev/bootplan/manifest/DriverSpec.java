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
        Boolean giveUpOnDeferTimeout) {

    public DriverSpec {
        firmware = firmware == null ? List.of() : firmware;
    }
}
