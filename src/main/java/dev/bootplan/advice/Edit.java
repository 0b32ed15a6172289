package dev.bootplan.advice;

import java.util.List;

/** One change the search may make to the plan as written; each becomes (part of) a line to ship. */
sealed interface Edit {

    /** {@code options <module> async_probe=1} (on), or the module's async_probe taken out and, if still on, {@code =0}. */
    record ModuleAsync(int module, boolean on) implements Edit {}

    /** async_probe on a module and every module of its modules.dep chain, which one udev worker loads in turn. */
    record ModuleChainAsync(List<Integer> modules) implements Edit {

        public ModuleChainAsync {
            modules = List.copyOf(modules);
        }
    }

    /** The driver named in driver_async_probe= (in) or taken out of it (out); all such edits make one line. */
    record DriverAsync(int driver, boolean in) implements Edit {}

    /** {@code key=value} (a bare flag when value is null) on the command line, replacing the key and {@code alsoRemoves}. */
    record Param(String key, String value, List<String> alsoRemoves) implements Edit {

        public Param {
            alsoRemoves = List.copyOf(alsoRemoves);
        }

        String text() {
            return value == null ? key : key + "=" + value;
        }
    }

    /** The key taken off the command line. */
    record Drop(String key) implements Edit {}
}
