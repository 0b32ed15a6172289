package dev.bootplan.service;

import dev.bootplan.engine.mode.ProbingModes;
import dev.bootplan.report.ModeInfo;
import java.util.List;
import org.springframework.stereotype.Service;

/** Describes the four modes. */
@Service
public class ModeCatalogService {

    public List<ModeInfo> modes() {
        return ProbingModes.all(false).stream().map(m -> new ModeInfo(m.name(), m.tells(), m.rule())).toList();
    }
}
