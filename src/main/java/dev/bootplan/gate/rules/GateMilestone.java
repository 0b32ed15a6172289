package dev.bootplan.gate.rules;

/**
 * The milestones a rule may name: the ones a predicted report and an observed boot share, spelled as in the rules
 * file. A predicted report has all but may leave some null (a root that never mounts); an observed boot has no
 * {@code udevSettled} or {@code allDevicesSettled} (a log does not show them).
 */
public enum GateMilestone {
    /** The last built-in initcall returned. */
    initcallsDone,
    /** /init is executed. */
    initStart,
    /** The real root filesystem is mounted. */
    rootMounted,
    /** udev's coldplug on the real root drained (predicted only). */
    udevSettled,
    /** Every device bound, failed or left pending for good (predicted only). */
    allDevicesSettled,
    /** The last probe that bound a device ended (predicted: the latest probe end of a bound device). */
    lastProbe
}
