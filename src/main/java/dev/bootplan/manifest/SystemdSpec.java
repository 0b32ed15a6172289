package dev.bootplan.manifest;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(description = "systemd-udevd: its version decides the kill time; explicit settings override the defaults.")
public record SystemdSpec(
        @Schema(description = "systemd version number.", example = "257", defaultValue = "257")
        Integer version,
        @Schema(description = "Event timeout as udevd --event-timeout= or udev.conf event_timeout= would set it "
                + "(a udev.event_timeout= on the kernel command line wins).", example = "180s")
        String eventTimeout,
        @Schema(description = "Worker limit as udevd --children-max= or udev.conf children_max= would set it "
                + "(a udev.children_max= on the kernel command line wins).", example = "16")
        Integer childrenMax) {}
