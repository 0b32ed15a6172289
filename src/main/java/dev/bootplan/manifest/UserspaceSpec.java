package dev.bootplan.manifest;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

@Schema(description = "What userspace expects.")
public record UserspaceSpec(
        @Schema(description = "Drivers whose devices userspace uses right after `modprobe` returns "
                + "(they break if the driver probes async).", example = "[\"snd_hda_intel\"]")
        List<String> expectsSyncProbe,
        @Schema(description = "The device holding the root filesystem.", example = "sda")
        String rootDevice) {

    public UserspaceSpec {
        expectsSyncProbe = expectsSyncProbe == null ? List.of() : expectsSyncProbe;
    }
}
