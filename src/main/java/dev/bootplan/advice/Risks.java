package dev.bootplan.advice;

import dev.bootplan.engine.plan.DevicePlan;
import dev.bootplan.engine.plan.ModulePlan;
import dev.bootplan.engine.plan.Plan;
import dev.bootplan.engine.plan.ProbeType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a line risks (docs/advice.md, "Risk rules"): a PROBE_FORCE_SYNCHRONOUS driver it cannot move, block devices whose
 * names follow probe order once their driver (or the host adapter above them) probes asynchronously, userspace that
 * loads the module by name and uses it at once, and kernels that read the knob differently.
 */
final class Risks {

    /**
     * Drivers whose devices are block devices named in probe order: drivers/scsi/sd.c ("sd", sdX), drivers/scsi/sr.c
     * ("sr", srN), drivers/nvme/host/pci.c ("nvme", nvmeXnY), drivers/mmc/core/block.c ("mmcblk", mmcblkN),
     * drivers/block/virtio_blk.c ("virtio_blk", vdX).
     */
    static final Set<String> BLOCK_DRIVERS = Set.of("sd", "sr", "nvme", "mmcblk", "virtio_blk");

    private final Plan plan;
    private final Set<String> storage;
    private final Set<String> loadedByName = new HashSet<>();

    Risks(Plan plan) {
        this.plan = plan;
        this.storage = storageDrivers(plan);
        for (var load : plan.moduleLoads()) {
            for (int m : load.modules()) {
                loadedByName.add(plan.modules().get(m).name());
            }
        }
    }

    /** Drivers of block devices and of every device above one (host adapters, controllers), and of the root device's chain. */
    private static Set<String> storageDrivers(Plan plan) {
        Set<String> out = new HashSet<>();
        List<DevicePlan> devices = plan.devices();
        boolean[] done = new boolean[devices.size()];
        for (int i = 0; i < devices.size(); i++) {
            DevicePlan d = devices.get(i);
            String name = plan.drivers().get(d.driver()).name();
            if (BLOCK_DRIVERS.contains(name) || d.name().equals(plan.rootDevice())) {
                // Walk up to the first device already walked: each device is visited once, however many disks share it.
                for (int p = i; p >= 0 && !done[p]; p = devices.get(p).parent()) {
                    done[p] = true;
                    out.add(plan.drivers().get(devices.get(p).driver()).name());
                }
            }
        }
        return out;
    }

    List<String> ofModule(ModulePlan module, boolean on, String lineText) {
        List<String> out = new ArrayList<>();
        if (on) {
            for (int d : module.drivers()) {
                var driver = plan.drivers().get(d);
                if (driver.probeType() == ProbeType.FORCE_SYNC) {
                    out.add(driver.name() + " is PROBE_FORCE_SYNCHRONOUS: it stays synchronous whatever the knobs "
                            + "(drivers/base/dd.c: driver_allows_async_probing()); the line only spares the load the wait "
                            + "for other modules' async work.");
                } else if (driver.probeType() == ProbeType.DEFAULT) {
                    out.addAll(naming(driver.name())); // a PROBE_PREFER_ASYNCHRONOUS driver already probes async
                }
            }
            if (loadedByName.contains(module.name())) {
                out.add(module.name() + " is loaded by name by userspace: modprobe now returns before its devices are "
                        + "bound, so whatever uses them next must wait for them (a udev rule, udevadm settle).");
            }
        } else if (lineText != null) {
            out.add("On kernels before v6.0 async_probe=0 ENABLES async probing (any value does): do not ship this line "
                    + "to an older kernel.");
        }
        return out;
    }

    List<String> ofDriverList(List<String> added, String lineText) {
        List<String> out = new ArrayList<>();
        for (String d : added) {
            out.addAll(naming(d));
        }
        out.add("Kernels before v5.1 ignore driver_async_probe= (drivers/base/dd.c).");
        if (lineText != null && lineText.length() > 200) {
            out.add("The list is " + lineText.length() + " characters, close to the 255 the kernel keeps.");
        }
        return out;
    }

    private List<String> naming(String driver) {
        if (!storage.contains(driver)) {
            return List.of();
        }
        String root = rootParam();
        String rootRisk = root != null && (root.startsWith("/dev/sd") || root.startsWith("/dev/nvme")
                || root.startsWith("/dev/mmcblk") || root.startsWith("/dev/vd"))
                ? " This command line's root=" + root + " would then name the wrong disk." : "";
        return List.of(driver + " then probes asynchronously: block devices below it (sdX, nvmeXnY, mmcblkN) can be "
                + "named in a different order each boot; name filesystems by UUID=, PARTUUID= or /dev/disk/by-id, never "
                + "/dev/sdX." + rootRisk);
    }

    private String rootParam() {
        String root = null;
        for (String t : Edits.tokens(plan.cmdline())) {
            if (t.startsWith("root=")) {
                root = t.substring(5);
            }
        }
        return root;
    }
}
