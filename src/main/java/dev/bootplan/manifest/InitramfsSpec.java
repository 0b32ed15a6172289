package dev.bootplan.manifest;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(description = "The initramfs: unpacked as async work at rootfs level; holds /init, modules and firmware.")
public record InitramfsSpec(
        @Schema(description = "Whether the boot has an initramfs with an /init.", example = "true", defaultValue = "true")
        Boolean present,
        @Schema(description = "How long unpacking takes (a time span).", example = "350ms", defaultValue = "0")
        String unpackTime) {}
