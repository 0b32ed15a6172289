package dev.bootplan.ingest.dmesg;

import java.util.Map;

/**
 * Built-in initcalls whose level every kernel fixes in its own source, for logs that print no "entering initcall
 * level:" line (kernels before 6.x's initcall_debug level lines, or a log level that drops them). Each is built in
 * whatever the configuration that reaches a shell (pipes, chardevs, block, printk, the driver core), and each is
 * registered with the same macro in 6.1 and 6.12 (checked in Debian's linux-source-6.1 and -6.12):
 * <ul>
 * <li>pure: {@code ipc_ns_init} ipc/shm.c, {@code init_mmap_min_addr} security/min_addr.c (pure_initcall);</li>
 * <li>core: {@code ksysfs_init} kernel/ksysfs.c, {@code filelock_init} fs/locks.c, {@code init_elf_binfmt}
 * fs/binfmt_elf.c, {@code fsnotify_init} fs/notify/fsnotify.c (core_initcall);</li>
 * <li>postcore: {@code kobject_uevent_init} lib/kobject_uevent.c, {@code bdi_class_init} mm/backing-dev.c,
 * {@code tty_class_init} drivers/tty/tty_io.c (postcore_initcall);</li>
 * <li>subsys: {@code init_bio} block/bio.c, {@code genhd_device_init} block/genhd.c, {@code misc_init}
 * drivers/char/misc.c, {@code proto_init} net/core/sock.c (subsys_initcall);</li>
 * <li>fs: {@code init_pipe_fs} fs/pipe.c, {@code anon_inode_init} fs/anon_inodes.c, {@code eventpoll_init}
 * fs/eventpoll.c, {@code chr_dev_init} drivers/char/mem.c (fs_initcall);</li>
 * <li>rootfs: {@code populate_rootfs} init/initramfs.c, {@code default_rootfs} init/noinitramfs.c (rootfs_initcall,
 * one of the two is always built);</li>
 * <li>device: {@code pty_init} drivers/tty/pty.c (device_initcall);</li>
 * <li>late: {@code printk_late_init} kernel/printk/printk.c, {@code sync_state_resume_initcall}
 * drivers/base/core.c, {@code deferred_probe_initcall} drivers/base/dd.c (late_initcall).</li>
 * </ul>
 * arch_initcall has no such call (every one lives under arch/), so a log without level lines never places a call
 * at arch: those calls stay at postcore, which runs them in the same order.
 */
final class LevelAnchors {

    /** The level order of init/main.c's initcall_level_names[]. */
    static final java.util.List<String> ORDER =
            java.util.List.of("pure", "core", "postcore", "arch", "subsys", "fs", "rootfs", "device", "late");

    private static final Map<String, String> LEVEL = Map.ofEntries(
            Map.entry("ipc_ns_init", "pure"), Map.entry("init_mmap_min_addr", "pure"),
            Map.entry("ksysfs_init", "core"), Map.entry("filelock_init", "core"), Map.entry("init_elf_binfmt", "core"),
            Map.entry("fsnotify_init", "core"),
            Map.entry("kobject_uevent_init", "postcore"), Map.entry("bdi_class_init", "postcore"),
            Map.entry("tty_class_init", "postcore"),
            Map.entry("init_bio", "subsys"), Map.entry("genhd_device_init", "subsys"), Map.entry("misc_init", "subsys"),
            Map.entry("proto_init", "subsys"),
            Map.entry("init_pipe_fs", "fs"), Map.entry("anon_inode_init", "fs"), Map.entry("eventpoll_init", "fs"),
            Map.entry("chr_dev_init", "fs"),
            Map.entry("populate_rootfs", "rootfs"), Map.entry("default_rootfs", "rootfs"),
            Map.entry("pty_init", "device"),
            Map.entry("printk_late_init", "late"), Map.entry("sync_state_resume_initcall", "late"),
            Map.entry("deferred_probe_initcall", "late"));

    /** Where each anchor is registered, for the issue that names it. */
    private static final Map<String, String> SOURCE = Map.ofEntries(
            Map.entry("ipc_ns_init", "ipc/shm.c"), Map.entry("init_mmap_min_addr", "security/min_addr.c"),
            Map.entry("ksysfs_init", "kernel/ksysfs.c"), Map.entry("filelock_init", "fs/locks.c"),
            Map.entry("init_elf_binfmt", "fs/binfmt_elf.c"), Map.entry("fsnotify_init", "fs/notify/fsnotify.c"),
            Map.entry("kobject_uevent_init", "lib/kobject_uevent.c"), Map.entry("bdi_class_init", "mm/backing-dev.c"),
            Map.entry("tty_class_init", "drivers/tty/tty_io.c"),
            Map.entry("init_bio", "block/bio.c"), Map.entry("genhd_device_init", "block/genhd.c"),
            Map.entry("misc_init", "drivers/char/misc.c"), Map.entry("proto_init", "net/core/sock.c"),
            Map.entry("init_pipe_fs", "fs/pipe.c"), Map.entry("anon_inode_init", "fs/anon_inodes.c"),
            Map.entry("eventpoll_init", "fs/eventpoll.c"), Map.entry("chr_dev_init", "drivers/char/mem.c"),
            Map.entry("populate_rootfs", "init/initramfs.c"), Map.entry("default_rootfs", "init/noinitramfs.c"),
            Map.entry("pty_init", "drivers/tty/pty.c"),
            Map.entry("printk_late_init", "kernel/printk/printk.c"),
            Map.entry("sync_state_resume_initcall", "drivers/base/core.c"),
            Map.entry("deferred_probe_initcall", "drivers/base/dd.c"));

    private LevelAnchors() {}

    /** The level the kernel's source gives {@code function}, or null when it is not an anchor. */
    static String levelOf(String function) {
        return LEVEL.get(function);
    }

    static String sourceOf(String function) {
        return SOURCE.get(function);
    }
}
