package dev.bootplan.ingest.modules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** A module's name is its file's basename without .ko and a compression suffix, '-' spelled '_'. */
class ModuleNamesTests {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            kernel/drivers/scsi/sd_mod.ko             | sd_mod
            kernel/drivers/scsi/sd_mod.ko.xz          | sd_mod
            kernel/drivers/scsi/sd_mod.ko.zst         | sd_mod
            kernel/drivers/scsi/sd_mod.ko.gz          | sd_mod
            kernel/arch/x86/events/intel/intel-uncore.ko | intel_uncore
            kernel/drivers/tty/serial/8250/8250_dw.ko | 8250_dw
            updates/dkms/nvidia-drm.ko.xz             | nvidia_drm
            virtio_blk.ko                             | virtio_blk
            """)
    void namesAModulePathAsModprobeDoes(String path, String name) {
        assertThat(ModuleNames.fromPath(path)).isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "kernel/a.o", "kernel/a.ko.bz2", "kernel/.ko", "kernel/a.b.ko", "kernel/a b.ko", "kernel/sd_mod.ko/",
            "kernel/a.ko:"})
    void refusesWhatIsNotAKoPath(String path) {
        assertThat(ModuleNames.fromPath(path)).isNull();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"snd-hda-intel,snd_hda_intel", "sd_mod,sd_mod", "a-b_c,a_b_c"})
    void spellsDashesAsUnderscores(String name, String canonical) {
        assertThat(ModuleNames.canonical(name)).isEqualTo(canonical);
    }
}
