package dev.bootplan.manifest;

/** modprobe treats '-' and '_' in a module name as the same character; the kernel spells it with '_'. */
public final class ModuleNames {

    private ModuleNames() {}

    /** The one spelling of a module name: the importers of module metadata use it too. */
    public static String canonical(String name) {
        return name.replace('-', '_');
    }
}
