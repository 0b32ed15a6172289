package dev.bootplan.ingest.modules;

import dev.bootplan.ingest.IssueKind;
import dev.bootplan.ingest.IssueSeverity;

/** What the module metadata importer skipped, doubted or inferred, one constant per kind of place. */
public enum ModulesIssueKind implements IssueKind {

    // Reading any of the five inputs.
    /** modules.dep holds no module line: there is nothing to build a plan from. */
    NOTHING_TO_IMPORT("nothing-to-import", IssueSeverity.error),
    /** A line (or modinfo record) longer than the importer reads: skipped whole, never read in part. */
    LINE_TOO_LONG("line-too-long", IssueSeverity.warning),
    /** An empty line (or empty modinfo record); nothing to read. */
    BLANK_LINE("blank-line", IssueSeverity.info),

    // modules.dep and modules.builtin.
    /** A modules.dep line without the ':' after the module's path. */
    MISSING_COLON("missing-colon", IssueSeverity.warning),
    /** An entry that is not a {@code .ko} path (optionally {@code .xz}, {@code .zst}, {@code .gz}). */
    NOT_A_MODULE_PATH("not-a-module-path", IssueSeverity.warning),
    /** A module listed a second time (names compared as modprobe does, '-' = '_'); the first is kept. */
    DUPLICATE_MODULE("duplicate-module", IssueSeverity.warning),
    /** A dependency that has no modules.dep line of its own: the plan cannot load it, so it is dropped. */
    UNKNOWN_DEPENDENCY("unknown-dependency", IssueSeverity.warning),
    /** A module listed among its own dependencies; dropped. */
    SELF_DEPENDENCY("self-dependency", IssueSeverity.warning),
    /** A dependency listed twice on one line; the second is dropped. */
    DUPLICATE_DEPENDENCY("duplicate-dependency", IssueSeverity.info),
    /** Modules that depend on each other in a circle: none can be loaded, and the plan would be refused. */
    DEPENDENCY_CYCLE("dependency-cycle", IssueSeverity.error),
    /** A module both built in (modules.builtin) and loadable (modules.dep); the plan keeps it loadable. */
    BUILTIN_AND_LOADABLE("builtin-and-loadable", IssueSeverity.warning),

    // modules.builtin.modinfo and modules.alias.
    /** A modinfo record that is not {@code module.key=value}. */
    MALFORMED_MODINFO("malformed-modinfo", IssueSeverity.warning),
    /** modinfo of modules that modules.builtin does not list (core code such as debugfs); their aliases are not used. */
    MODINFO_NOT_BUILTIN("modinfo-not-builtin", IssueSeverity.info),
    /** A modules.alias line that is not {@code alias <pattern> <module>}. */
    MALFORMED_ALIAS("malformed-alias", IssueSeverity.warning),
    /** An alias for a module that modules.dep does not list (files of two kernels mixed?); not used. */
    ALIAS_FOR_UNKNOWN_MODULE("alias-for-unknown-module", IssueSeverity.warning),

    // The machine's devices.
    /** A devices line that is neither {@code <sysfs dir>/modalias:<modalias>} nor a bare {@code <bus>:<…>}. */
    MALFORMED_DEVICE("malformed-device", IssueSeverity.warning),
    /** Bare modalias lines have no sysfs path: the importer names their devices and gives them no parent. */
    BARE_MODALIAS("bare-modalias", IssueSeverity.info),
    /** A device whose name is already taken by an earlier device in the plan; the first is kept. */
    DUPLICATE_DEVICE("duplicate-device", IssueSeverity.warning),

    // Matching devices to drivers.
    /** No built-in or loadable module's alias matches a device's modalias: the plan leaves the device out. */
    NO_DRIVER("no-driver", IssueSeverity.info),
    /** More than one module's alias matches a device; the plan binds it to one and says which. */
    SEVERAL_MATCHES("several-matches", IssueSeverity.info),
    /** A device's nearest listed ancestor is not in the plan; it hangs from the next one up, or from none. */
    PARENT_LEFT_OUT("parent-left-out", IssueSeverity.info),

    // The kernel version and a merged dmesg plan.
    /** No usable kernel release was given; the plan says a version the inputs do not confirm. */
    VERSION_ASSUMED("version-assumed", IssueSeverity.warning),
    /** Module inits in the log of modules modules.dep does not list; their times are not used. */
    LOG_MODULE_UNKNOWN("log-module-unknown", IssueSeverity.info),
    /** The log's driver core names a driver the metadata named after its module: the plan takes the kernel's name. */
    DRIVER_NAMED_BY_LOG("driver-named-by-log", IssueSeverity.info),
    /** Devices probed in the log that are not in the plan; their probe times are not used. */
    LOG_DEVICE_UNKNOWN("log-device-unknown", IssueSeverity.info),
    /** A built-in module whose devices the log never probes: its initcall is placed at the end of the device level. */
    BUILTIN_NOT_IN_LOG("builtin-not-in-log", IssueSeverity.info),

    // The plan as /api/v1/evaluations will see it: an import does not answer with a plan that would be refused.
    /** More modules, devices, drivers or initcalls than the service's limits (bootplan.limits.*) allow in one plan. */
    PLAN_OVER_LIMIT("plan-over-limit", IssueSeverity.error),
    /** Anything else the evaluation's validation refuses in the plan built (a name longer than 256 characters…). */
    PLAN_REFUSED("plan-refused", IssueSeverity.error);

    private final String code;
    private final IssueSeverity severity;

    ModulesIssueKind(String code, IssueSeverity severity) {
        this.code = code;
        this.severity = severity;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public IssueSeverity severity() {
        return severity;
    }
}
