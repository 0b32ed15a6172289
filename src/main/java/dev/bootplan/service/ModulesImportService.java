package dev.bootplan.service;

import dev.bootplan.ingest.ImportIssue;
import dev.bootplan.ingest.modules.ModuleMetadataImport;
import dev.bootplan.ingest.modules.ModuleMetadataImport.Input;
import dev.bootplan.ingest.modules.ModuleMetadataImport.Inputs;
import dev.bootplan.manifest.ManifestLimits;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * A plan skeleton for a whole kernel from its module metadata and a machine's devices, with the times of a dmesg
 * import of the same machine merged in when one is given.
 */
@Service
public class ModulesImportService {

    /** The inputs one import reads; only modules.dep is required. */
    public record Files(Input modulesDep, Input modulesBuiltin, Input builtinModinfo, Input modulesAlias, Input modaliases,
            Input dmesg) {}

    /** The import, and every issue: the metadata's, then the log's own (its parse and its plan), in that order. */
    public record Imported(ModuleMetadataImport.Result result, List<ImportIssue> issues, long issuesDropped) {}

    private final DmesgImportService dmesg;
    private final ManifestLimits limits;
    private final Admission admission;

    /** {@code limits}: those /api/v1/evaluations holds a plan to (the normalizer's), so a plan over them fails here. */
    ModulesImportService(DmesgImportService dmesg, ManifestLimits limits, Admission admission) {
        this.dmesg = dmesg;
        this.admission = admission;
        this.limits = limits;
    }

    /** Reading a kernel's module metadata is CPU work like a simulation: it takes a turn on a simulation thread. */
    public Imported importMetadata(Files files, String kernelRelease, String name) {
        return admission.run(stop -> importNow(files, kernelRelease, name));
    }

    private Imported importNow(Files files, String kernelRelease, String name) {
        Inputs inputs = Inputs.of(files.modulesDep());
        if (files.modulesBuiltin() != null) {
            inputs = inputs.withBuiltin(files.modulesBuiltin());
        }
        if (files.builtinModinfo() != null) {
            inputs = inputs.withBuiltinModinfo(files.builtinModinfo());
        }
        if (files.modulesAlias() != null) {
            inputs = inputs.withAliases(files.modulesAlias());
        }
        if (files.modaliases() != null) {
            inputs = inputs.withDevices(files.modaliases());
        }
        List<ImportIssue> logIssues = List.of();
        long logDropped = 0;
        if (files.dmesg() != null) {
            Reader log = files.dmesg().reader();
            DmesgImportService.Imported imported = dmesg.importLog(files.dmesg().source(), log, null, null);
            inputs = inputs.withLog(files.dmesg().source(), imported.plan());
            logIssues = imported.issues();
            logDropped = imported.log().issuesDropped();
        }
        var options = ModuleMetadataImport.Options.defaults().withKernelRelease(kernelRelease).withName(name).withLimits(limits);
        ModuleMetadataImport.Result result = new ModuleMetadataImport(options).build(inputs);
        List<ImportIssue> issues = new ArrayList<>(result.issues());
        issues.addAll(logIssues);
        return new Imported(result, issues, result.counts().issuesLeftOut() + logDropped);
    }
}
