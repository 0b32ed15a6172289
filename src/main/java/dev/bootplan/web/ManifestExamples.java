package dev.bootplan.web;

/** Request examples for the OpenAPI description. A test posts each one and expects a 200, so they stay valid. */
final class ManifestExamples {

    private ManifestExamples() {}

    // springdoc does not read a swagger @RequestBody through a meta-annotation, so controllers repeat it with these.
    static final String BODY_DESCRIPTION =
            "The manifest: one machine's kernel, built-in initcalls, modules, drivers, devices and udev settings.";

    static final String STORAGE_SERVER_SUMMARY = "A small storage server: a SAS HBA module and the built-in AHCI";

    static final String STORAGE_SERVER_DESCRIPTION = "Two SAS HBAs probed by mpt3sas (a module in the initramfs that "
            + "needs scsi_transport_sas) and the root disk behind the built-in AHCI controller.";

    static final String STORAGE_SERVER = """
            {
              "name": "storage-server",
              "kernel": {
                "version": "6.12",
                "cmdline": "root=/dev/sda2 ro quiet",
                "modulesEnabled": true,
                "initramfs": { "present": true, "unpackTime": "350ms" }
              },
              "systemd": { "version": 257 },
              "machine": { "cpus": 8, "memory": "32GiB" },
              "initcalls": [
                { "name": "ahci_pci_driver_init", "level": "device", "duration": "1ms", "drivers": ["ahci"] },
                { "name": "init_sd", "level": "device", "duration": "200us", "drivers": ["sd"] }
              ],
              "modules": [
                { "name": "scsi_transport_sas", "init": "2ms", "size": "48KiB", "inInitramfs": true },
                { "name": "mpt3sas", "init": "40ms", "size": "520KiB", "dependsOn": ["scsi_transport_sas"],
                  "inInitramfs": true, "drivers": ["mpt3sas"] }
              ],
              "drivers": [
                { "name": "ahci" },
                { "name": "sd", "probeType": "prefer-async" },
                { "name": "mpt3sas", "probeType": "default" }
              ],
              "devices": [
                { "name": "0000:00:1f.2", "driver": "ahci", "probeTime": "120ms", "asyncWork": "350ms" },
                { "name": "sda", "driver": "sd", "parent": "0000:00:1f.2", "probeTime": "30ms" },
                { "name": "0000:01:00.0", "driver": "mpt3sas", "probeTime": "1.5s", "count": 2 }
              ],
              "userspace": { "rootDevice": "sda" }
            }
            """;
}
