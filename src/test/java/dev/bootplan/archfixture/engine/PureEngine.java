package dev.bootplan.archfixture.engine;

import dev.bootplan.archfixture.report.FixtureReport;
import java.util.List;

/** A well-behaved "engine" class: its report vocabulary and the JDK only. */
public class PureEngine {

    public FixtureReport run(List<Long> probeTimesUs) {
        return new FixtureReport(probeTimesUs.stream().mapToLong(Long::longValue).sum());
    }
}
