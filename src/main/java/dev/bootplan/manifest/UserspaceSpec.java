package dev.bootplan.manifest;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

@Schema(description = "What userspace expects, and how long it takes before it asks udev for devices.")
public record UserspaceSpec(
        @Schema(description = "Drivers whose devices userspace uses right after `modprobe` returns "
                + "(they break if the driver probes async).", example = "[\"snd_hda_intel\"]")
        List<String> expectsSyncProbe,
        @Schema(description = "The device holding the root filesystem.", example = "sda")
        String rootDevice,
        @Schema(description = "With an initramfs: from /init's exec to the initrd's udev coldplug (systemd-udev-trigger"
                + " or dracut's udevadm trigger), e.g. the initrd's systemd starting up.", example = "120ms", defaultValue = "0")
        String initrdStartup,
        @Schema(description = "With an initramfs: from the initrd's udev queue draining (and the root device bound) to the"
                + " real root mounted (fsck, mount, switch_root).", example = "600ms", defaultValue = "0")
        String rootSwitch,
        @Schema(description = "From the real root mounted (the kernel's /init exec without an initramfs) to the root's udev"
                + " coldplug: systemd starting up until systemd-udev-trigger runs.", example = "3s", defaultValue = "0")
        String rootStartup,
        @Schema(description = "Whether systemd-udevd coldplugs the devices and loads their modules; false for a minimal "
                + "/init that loads modules itself (then only moduleLoads and the kernel load anything).",
                example = "true", defaultValue = "true")
        Boolean udev,
        @Schema(description = "Modules userspace loads by name, besides udev: an initramfs script's insmods, "
                + "systemd-modules-load (modules-load.d), modprobe@ units, PID 1. A module may be listed although no "
                + "device asks for it.")
        List<ModuleLoadSpec> moduleLoads) {

    public UserspaceSpec {
        expectsSyncProbe = expectsSyncProbe == null ? List.of() : expectsSyncProbe;
        moduleLoads = moduleLoads == null ? List.of() : moduleLoads;
    }

    /** Userspace as it was before it could load modules by name. */
    public UserspaceSpec(List<String> expectsSyncProbe, String rootDevice, String initrdStartup, String rootSwitch,
            String rootStartup) {
        this(expectsSyncProbe, rootDevice, initrdStartup, rootSwitch, rootStartup, null, null);
    }

    /** Nothing expected, no root device, no startup time. */
    public static UserspaceSpec none() {
        return new UserspaceSpec(null, null, null, null, null);
    }
}
