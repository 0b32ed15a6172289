package dev.bootplan.ingest.modules;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.bootplan.ingest.modules.ModuleMetadataImport.Input;
import dev.bootplan.ingest.modules.ModuleMetadataImport.Inputs;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.zip.GZIPInputStream;

/** The real Debian metadata and VM device list under src/test/resources/modules, and small inputs from strings. */
final class ModuleFixtures {

    static final String DEBIAN = "/modules/debian-6.1.0-57-amd64/";
    static final String VM_DEVICES = "/modules/firecracker-vm.modaliases";

    private ModuleFixtures() {}

    /** A gzip resource, decompressed as it is read. */
    static Reader gunzip(String resource) {
        try {
            InputStream in = ModuleFixtures.class.getResourceAsStream(resource);
            if (in == null) {
                throw new IllegalStateException("no test resource " + resource);
            }
            return new InputStreamReader(new GZIPInputStream(in), UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Reader resource(String resource) {
        InputStream in = ModuleFixtures.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("no test resource " + resource);
        }
        return new InputStreamReader(in, UTF_8);
    }

    /** The four Debian files and the VM's devices. */
    static Inputs debianOnVm() {
        return Inputs.of(Input.of("modules.dep", gunzip(DEBIAN + "modules.dep.gz")))
                .withBuiltin(Input.of("modules.builtin", gunzip(DEBIAN + "modules.builtin.gz")))
                .withBuiltinModinfo(Input.of("modules.builtin.modinfo", gunzip(DEBIAN + "modules.builtin.modinfo.gz")))
                .withAliases(Input.of("modules.alias", gunzip(DEBIAN + "modules.alias.gz")))
                .withDevices(Input.of("firecracker-vm.modaliases", resource(VM_DEVICES)));
    }

    static Input text(String source, String text) {
        return Input.of(source, new StringReader(text));
    }
}
