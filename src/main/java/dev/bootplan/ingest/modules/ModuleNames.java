package dev.bootplan.ingest.modules;

import java.util.List;

/**
 * Module names as kmod derives them from a path in modules.dep or modules.builtin: the file's basename up to
 * {@code .ko} (and a compression suffix), with '-' spelled '_' because modprobe treats the two alike and the
 * kernel reports '_' (libkmod's {@code modname_normalize()}; the manifest does the same).
 */
final class ModuleNames {

    /** The suffixes depmod writes: plain, and the compressions kmod can read. */
    private static final List<String> SUFFIXES = List.of(".ko", ".ko.xz", ".ko.zst", ".ko.gz");

    private ModuleNames() {}

    /** The module name of {@code path}, or null when it is not a path to a {@code .ko} file. */
    static String fromPath(String path) {
        if (path.isEmpty() || path.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            return null;
        }
        String base = path.substring(path.lastIndexOf('/') + 1);
        for (String suffix : SUFFIXES) {
            if (base.endsWith(suffix)) {
                String stem = base.substring(0, base.length() - suffix.length());
                // kmod stops a name at its first '.', so "a.b.ko" would silently be "a": refuse it instead.
                return stem.isEmpty() || stem.indexOf('.') >= 0 ? null : canonical(stem);
            }
        }
        return null;
    }

    static String canonical(String name) {
        return dev.bootplan.manifest.ModuleNames.canonical(name); // the manifest's rule, so the two cannot drift apart
    }
}
