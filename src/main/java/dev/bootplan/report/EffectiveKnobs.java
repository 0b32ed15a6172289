package dev.bootplan.report;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

@Schema(description = "The knobs as this kernel and systemd read them; a knob the kernel ignores is absent or false here and named in warnings.")
public record EffectiveKnobs(
        @Schema(description = "module.async_probe= default for every module (v6.0+), null when not set or not understood.", example = "true") Boolean moduleAsyncProbe,
        @Schema(description = "Driver names read from driver_async_probe= (after the 256-byte cut), null before v5.1.", example = "[\"sd\"]") List<String> driverAsyncProbe,
        @Schema(description = "Whether '*' in driver_async_probe= makes every default-strategy driver async (v6.0+).", example = "false") boolean driverAsyncProbeWildcard,
        @Schema(description = "Modules whose async_probe_requested is set by their options or the command line.", example = "[\"mpt3sas\"]") List<String> modulesAsyncProbe,
        @Schema(description = "The deferred-probe timeout.", example = "10000000") long deferredProbeTimeoutUs,
        @Schema(description = "fw_devlink setting.", example = "on") String fwDevlink,
        @Schema(description = "rootdelay= in microseconds.", example = "0") long rootDelayUs,
        @Schema(description = "root= as given on the command line, null when absent.", example = "PARTUUID=8e1b1b0e-02") String root,
        @Schema(description = "Whether the kernel waits for the root device (rootwait; rootwait=<s> from v6.5 approx.).", example = "true") boolean rootWait,
        @Schema(description = "How long rootwait waits before giving up, null for ever.", example = "null") Long rootWaitTimeoutUs,
        @Schema(description = "udev event timeout T.", example = "180000000") long udevEventTimeoutUs,
        @Schema(description = "When a running event is warned about, after it is handed to a worker (T/3; null on systemd ≤ 216).", example = "60000000") Long udevWarnAfterUs,
        @Schema(description = "When a running event's worker is killed, after it is handed to a worker (T, or T + 10 s on systemd ≥ 256).", example = "180000000") long udevKillAfterUs,
        @Schema(description = "udev worker limit (children_max).", example = "24") int udevChildrenMax,
        @Schema(description = "Async workqueue max_active.", example = "512") int asyncMaxActive) {

    public EffectiveKnobs {
        driverAsyncProbe = driverAsyncProbe == null ? null : List.copyOf(driverAsyncProbe);
        modulesAsyncProbe = List.copyOf(modulesAsyncProbe);
    }
}
