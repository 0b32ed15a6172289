package dev.bootplan.manifest;

/** modprobe treats '-' and '_' in a module name as the same character; the kernel spells it with '_'. */
final class ModuleNames {

    private ModuleNames() {}

    static String canonical(String name) {
        return name.replace('-', '_');
    }
}
