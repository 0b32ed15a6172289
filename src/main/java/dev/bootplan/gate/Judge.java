package dev.bootplan.gate;

import dev.bootplan.gate.input.Boot;
import dev.bootplan.gate.input.BootKind;
import dev.bootplan.gate.rules.BaselineSlowdown;
import dev.bootplan.gate.rules.DeviceLimitHeadroom;
import dev.bootplan.gate.rules.GateMilestone;
import dev.bootplan.gate.rules.MilestoneDeadline;
import dev.bootplan.gate.rules.NoDeviceLost;
import dev.bootplan.gate.rules.NoFindings;
import dev.bootplan.gate.rules.Percent;
import dev.bootplan.gate.rules.Rule;
import dev.bootplan.gate.rules.WithinNoise;
import dev.bootplan.report.DeviceLimit;
import dev.bootplan.report.DeviceOutcome;
import dev.bootplan.report.DeviceState;
import dev.bootplan.report.Finding;
import java.util.ArrayList;
import java.util.List;

/**
 * Holds one boot against one rule. Rules about findings, device limits and lost devices need a prediction (a manifest
 * or a report): on an observed boot they fail and say so, never pass on data that is not there. Rules against
 * baselines compare milestone by milestone; one a baseline lacks cannot be judged ({@link GateInputException}).
 */
final class Judge {

    private final Boot boot;
    private final List<Boot> baselines;

    Judge(Boot boot, List<Boot> baselines) {
        this.boot = boot;
        this.baselines = baselines;
    }

    RuleVerdict judge(Rule rule) {
        return switch (rule) {
            case MilestoneDeadline r -> deadline(r);
            case NoFindings r -> findings(r);
            case DeviceLimitHeadroom r -> headroom(r);
            case NoDeviceLost r -> lost(r);
            case BaselineSlowdown r -> slowdown(r);
            case WithinNoise r -> noise(r);
        };
    }

    private RuleVerdict deadline(MilestoneDeadline r) {
        Long at = boot.milestone(r.milestone());
        if (at == null) {
            return failed(r, r.milestone() + " is never reached", List.of(milestone(r.milestone(),
                    r.milestone() + " is never reached" + (boot.kind() == BootKind.observed ? " (or the log does not show it)" : ""))));
        }
        if (at <= r.noLaterThan().micros()) {
            return passed(r, r.milestone() + " at " + Times.of(at));
        }
        String m = r.milestone() + " at " + Times.of(at) + ", later than " + r.noLaterThan().text();
        return failed(r, m, List.of(milestone(r.milestone(), m)));
    }

    private RuleVerdict findings(NoFindings r) {
        if (boot.report() == null) {
            return needsPrediction(r, "findings");
        }
        List<Breach> out = new ArrayList<>();
        List<Finding> warnings = boot.report().warnings();
        for (int i = 0; i < warnings.size(); i++) {
            Finding f = warnings.get(i);
            boolean byCode = r.codes().contains(f.code());
            boolean bySeverity = r.atOrAbove() != null && f.severity() != null && f.severity().compareTo(r.atOrAbove()) >= 0;
            if (byCode || bySeverity) {
                out.add(new Breach(f.code() + " " + f.subject(), f.code() + " (" + f.severity() + ") " + f.subject() + ": "
                        + f.message(), boot.locator().finding(i, f), null, null));
            }
        }
        return out.isEmpty() ? passed(r, "no such finding among " + warnings.size())
                : failed(r, out.size() + " finding(s)", out);
    }

    private RuleVerdict headroom(DeviceLimitHeadroom r) {
        if (boot.report() == null) {
            return needsPrediction(r, "device limits");
        }
        List<Breach> out = new ArrayList<>();
        List<DeviceLimit> limits = boot.report().deviceLimits();
        int bounded = 0;
        for (int i = 0; i < limits.size(); i++) {
            DeviceLimit l = limits.get(i);
            if (l.limit() == null) {
                continue;
            }
            bounded++;
            int headroom = l.headroom() != null ? l.headroom() : l.limit() - l.devices();
            double percent = l.devices() == 0 ? Double.POSITIVE_INFINITY : headroom * 100.0 / l.devices();
            boolean shortOfDevices = r.atLeast() != null && headroom < r.atLeast();
            boolean shortOfPercent = r.atLeastPercent() != null && percent < r.atLeastPercent();
            if (shortOfDevices || shortOfPercent) {
                out.add(new Breach(l.driver(), l.driver() + ": headroom " + headroom + " device(s), " + Times.percent(percent)
                        + " of its " + l.devices() + " (limit " + l.limit() + ")", boot.locator().deviceLimit(i, l.driver()),
                        null, null));
            }
        }
        return out.isEmpty() ? passed(r, bounded + " bounded driver(s), each with the headroom")
                : failed(r, out.size() + " driver(s) short of headroom", out);
    }

    private RuleVerdict lost(NoDeviceLost r) {
        if (boot.report() == null) {
            return needsPrediction(r, "device outcomes");
        }
        List<Breach> out = new ArrayList<>();
        List<DeviceOutcome> devices = boot.report().devices();
        for (int i = 0; i < devices.size(); i++) {
            DeviceOutcome d = devices.get(i);
            if (d.state() != DeviceState.bound) {
                out.add(new Breach(d.name(), d.name() + " (" + d.driver() + ") lost: " + d.state()
                        + (d.failure() == null ? "" : ", " + d.failure()), boot.locator().device(i), null, null));
            }
        }
        return out.isEmpty() ? passed(r, "all " + devices.size() + " device(s) bound")
                : failed(r, out.size() + " device(s) lost", out);
    }

    private RuleVerdict slowdown(BaselineSlowdown r) {
        List<GateMilestone> milestones = Baselines.milestones(r, r.milestones(), boot, baselines, 1);
        List<Breach> out = new ArrayList<>();
        StringBuilder seen = new StringBuilder();
        for (GateMilestone m : milestones) {
            Long at = boot.milestone(m);
            double mean = Baselines.mean(baselines, m);
            if (at == null) {
                out.add(milestone(m, m + " is never reached (baseline mean " + Times.of(mean) + ")"));
                continue;
            }
            double slower = (at - mean) * 100.0 / mean;
            seen.append(seen.isEmpty() ? "" : "; ").append(m).append(' ').append(signed(slower));
            if (at > mean * (1 + r.maxPercent() / 100.0)) {
                out.add(milestone(m, m + " at " + Times.of(at) + " is " + Times.percent(slower) + " slower than the baseline"
                        + (baselines.size() > 1 ? "s' mean " : " ") + Times.of(mean) + " (at most " + Percent.text(r.maxPercent()) + " %)"));
            }
        }
        return out.isEmpty() ? passed(r, seen.toString()) : failed(r, out.size() + " milestone(s) too slow", out);
    }

    private RuleVerdict noise(WithinNoise r) {
        List<GateMilestone> milestones = Baselines.milestones(r, r.milestones(), boot, baselines, 2);
        List<Breach> out = new ArrayList<>();
        StringBuilder seen = new StringBuilder();
        for (GateMilestone m : milestones) {
            Long at = boot.milestone(m);
            double mean = Baselines.mean(baselines, m);
            double sigma = Baselines.sigma(baselines, m, mean);
            double limit = mean + r.k() * sigma;
            String band = "mean " + Times.of(mean) + ", σ " + Times.of(sigma) + " over " + baselines.size() + " baselines";
            if (at == null) {
                out.add(milestone(m, m + " is never reached (" + band + ")"));
                continue;
            }
            seen.append(seen.isEmpty() ? "" : "; ").append(m).append(' ').append(Times.of(at)).append(" ≤ ").append(Times.of(limit));
            if (at > limit) {
                String z = sigma == 0 ? "" : ", " + Percent.text(Math.round((at - mean) / sigma * 10) / 10.0) + "·σ";
                out.add(milestone(m, m + " at " + Times.of(at) + " is beyond the baselines' noise: above mean + "
                        + Percent.text(r.k()) + "·σ = " + Times.of(limit) + " (" + band + z + ")"));
            }
        }
        return out.isEmpty() ? passed(r, seen.toString()) : failed(r, out.size() + " milestone(s) beyond the noise", out);
    }

    private static String signed(double percent) {
        return (percent >= 0 ? "+" : "") + Times.percent(percent);
    }

    private Breach milestone(GateMilestone m, String message) {
        return new Breach(m.name(), message, boot.locator().milestone(m), null, null);
    }

    private RuleVerdict needsPrediction(Rule r, String what) {
        String m = "an observed boot has no " + what + "; give a manifest or an evaluation report";
        return failed(r, m, List.of(new Breach(r.type(), m, null, null, null)));
    }

    private static RuleVerdict passed(Rule r, String message) {
        return new RuleVerdict(r.label(), r.type(), true, message, List.of());
    }

    private static RuleVerdict failed(Rule r, String message, List<Breach> breaches) {
        return new RuleVerdict(r.label(), r.type(), false, message, breaches);
    }
}
