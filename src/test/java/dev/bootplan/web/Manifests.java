package dev.bootplan.web;

/** Request bodies shared by the web tests. */
final class Manifests {

    private Manifests() {}

    static final String MINIMAL = """
            {"kernel": {"version": "6.12"}, "drivers": [{"name": "ahci"}],
             "devices": [{"name": "0000:00:1f.2", "driver": "ahci", "probeTime": "120ms"}]}
            """;

    /** Five independent mistakes, one per line of the contract's 422 list. */
    static final String FIVE_MISTAKES = """
            {
              "kernel": {"version": "6.12"},
              "modules": [
                {"name": "mpt3sas", "dependsOn": ["scsi_transport_sas"], "drivers": ["mpt3sas"]},
                {"name": "scsi_transport_sas", "dependsOn": ["mpt3sas"]},
                {"name": "mpt3sas"}
              ],
              "drivers": [{"name": "mpt3sas", "probeType": "sometimes-async"}],
              "devices": [
                {"name": "0000:01:00.0", "driver": "mpt3sass", "probeTime": "1.5s"},
                {"name": "0000:02:00.0", "driver": "mpt3sas", "probeTime": "-5ms"}
              ]
            }
            """;

    static final String[] FIVE_MISTAKES_POINTERS = {
        "/devices/0/driver", "/modules/2/name", "/modules/0/dependsOn", "/drivers/0/probeType", "/devices/1/probeTime"
    };
}
