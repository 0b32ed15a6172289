package dev.bootplan.gate.input;

import dev.bootplan.gate.rules.GateMilestone;
import dev.bootplan.report.Finding;

/** Pointers into a report JSON (an evaluation's answer): the report's own arrays and milestone fields. */
final class ReportLocator implements Locator {

    @Override
    public String device(int index) {
        return "/devices/" + index;
    }

    @Override
    public String finding(int index, Finding finding) {
        return "/warnings/" + index;
    }

    @Override
    public String deviceLimit(int index, String driver) {
        return "/deviceLimits/" + index;
    }

    @Override
    public String milestone(GateMilestone milestone) {
        return milestone == GateMilestone.lastProbe ? null : "/milestones/" + milestone + "Us";
    }
}
