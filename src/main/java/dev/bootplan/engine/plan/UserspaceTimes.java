package dev.bootplan.engine.plan;

/**
 * How long userspace takes before it triggers udev coldplug (probe-model.md §4.2 starts at the trigger; a real
 * boot spends time before it: systemd starting, fsck, switch_root). All 0 unless the plan says otherwise, so a
 * plan without them coldplugs at /init as the spec's examples do.
 *
 * @param initrdStartupUs /init exec to the initrd's coldplug (initramfs only)
 * @param rootSwitchUs the initrd's queue drained and root device bound, to the real root mounted (initramfs only)
 * @param rootStartupUs the real root mounted (or /init exec without an initramfs) to the root's coldplug
 */
public record UserspaceTimes(long initrdStartupUs, long rootSwitchUs, long rootStartupUs) {

    public UserspaceTimes {
        if (initrdStartupUs < 0 || rootSwitchUs < 0 || rootStartupUs < 0) {
            throw new IllegalArgumentException("userspace times are durations");
        }
    }

    public static UserspaceTimes none() {
        return new UserspaceTimes(0, 0, 0);
    }
}
