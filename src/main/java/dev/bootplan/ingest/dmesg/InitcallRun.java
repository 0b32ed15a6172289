package dev.bootplan.ingest.dmesg;

/**
 * One initcall as the log shows it: a built-in ({@code module == null}, PID 1) or a module's init run by the
 * loading task. Times are the stamps of its "calling" and "returned" lines; {@code endUs} and the return
 * fields are null while it is unfinished. {@code level} is the last "entering initcall level:" before it.
 */
public record InitcallRun(
        String function,
        String module,
        int pid,
        long startUs,
        Long endUs,
        Integer returnCode,
        Long reportedUs,
        String level,
        int callingLine,
        Integer returnLine) {

    public boolean builtin() {
        return module == null;
    }

    public boolean finished() {
        return endUs != null;
    }

    public String label() {
        return module == null ? function : function + " [" + module + "]";
    }
}
