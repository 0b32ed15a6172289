package dev.bootplan.manifest;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

@Schema(description = "Where each firmware file can be found, and whether the sysfs fallback is forced "
        + "(CONFIG_FW_LOADER_USER_HELPER_FALLBACK or firmware_class.fallback forced).")
public record FirmwareSpec(
        @Schema(description = "Files built into the kernel image (CONFIG_EXTRA_FIRMWARE).", example = "[\"regulatory.db\"]")
        List<String> builtin,
        @Schema(description = "Files inside the initramfs.", example = "[\"bnx2x/bnx2x-e2-7.13.21.0.fw\"]")
        List<String> initramfs,
        @Schema(description = "Files on the real root filesystem (/lib/firmware).", example = "[\"iwlwifi-so-a0-gf-a0-89.ucode\"]")
        List<String> rootfs,
        @Schema(description = "Whether a missing file waits for a userspace helper instead of failing at once.",
                example = "false", defaultValue = "false")
        Boolean fallbackForced,
        @Schema(description = "The fallback wait (/sys/class/firmware/timeout); 0 waits forever.",
                example = "60s", defaultValue = "60s")
        String fallbackTimeout) {

    public FirmwareSpec {
        builtin = builtin == null ? List.of() : builtin;
        initramfs = initramfs == null ? List.of() : initramfs;
        rootfs = rootfs == null ? List.of() : rootfs;
    }
}
