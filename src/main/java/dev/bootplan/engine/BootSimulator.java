package dev.bootplan.engine;

import dev.bootplan.engine.mode.PolicyInputs;
import dev.bootplan.engine.mode.ProbingMode;
import dev.bootplan.engine.plan.Plan;
import dev.bootplan.report.FindingCode;
import dev.bootplan.report.Report;
import dev.bootplan.report.Severity;
import java.util.List;
import java.util.function.BooleanSupplier;

/** The engine's entry point: a plan and a mode in, a report (or the predicted kernel log) out. Pure and deterministic. */
public final class BootSimulator {

    private static final BooleanSupplier NEVER = () -> false;

    private final EngineSettings settings;

    public BootSimulator(EngineSettings settings) {
        this.settings = settings;
    }

    public Report simulate(Plan plan, ProbingMode mode) {
        return simulate(plan, mode, NEVER);
    }

    /** As {@link #simulate(Plan, ProbingMode)}, ending with {@link RunStoppedException} once {@code stop} says so. */
    public Report simulate(Plan plan, ProbingMode mode, BooleanSupplier stop) {
        Run run = run(plan, mode, -1, false, stop);
        mode.costedAgainst().ifPresent(other -> {
            Run base = run(plan, other, -1, false, stop);
            long cost = run.sim.settledUs() - base.sim.settledUs();
            run.findings.add(FindingCode.FORCED_SYNC, Severity.info, mode.name(), null,
                    "Against " + other.name() + ", " + mode.name() + " settles every device " + TimeText.of(Math.abs(cost))
                            + (cost >= 0 ? " later" : " earlier") + " (" + TimeText.of(run.sim.settledUs()) + " vs "
                            + TimeText.of(base.sim.settledUs()) + ").",
                    "The price of the synchronous blacklist; fix the hazards to win it back.");
        });
        Report report = ReportAssembler.assemble(run.sim, mode, run.findings);
        if (!UnknownShares.any(plan)) {
            return report;
        }
        // When every uncertain share is estimated as 0 (left out), the all-waiting run is the prediction itself.
        var allWaiting = UnknownShares.anyEstimatedAbove0(plan)
                ? ReportAssembler.milestones(run(plan, mode, 0, false, stop).sim)
                : report.milestones();
        Run allCpu = run(plan, mode, 100, false, stop);
        return report.withUncertainty(UnknownShares.bounds(plan, report.milestones(), allWaiting,
                ReportAssembler.milestones(allCpu.sim)));
    }

    /** What the kernel would print with initcall_debug for this run (probe-model.md §12 formats). */
    public String predictLog(Plan plan, ProbingMode mode) {
        return predictLog(plan, mode, NEVER);
    }

    /** As {@link #predictLog(Plan, ProbingMode)}, ending with {@link RunStoppedException} once {@code stop} says so. */
    public String predictLog(Plan plan, ProbingMode mode, BooleanSupplier stop) {
        return run(plan, mode, -1, true, stop).sim.log.text();
    }

    private record Run(Simulation sim, Findings findings) {}

    private Run run(Plan plan, ProbingMode mode, int boundPercent, boolean recordLog, BooleanSupplier stop) {
        long floor = minimumEvents(plan);
        if (floor > settings.maxEvents()) {
            throw new WorkBudgetExceededException(settings.maxEvents(), "this plan needs at least " + floor
                    + " events before any retry");
        }
        Findings findings = new Findings();
        Knobs knobs = KnobReader.read(plan, findings);
        BootSettings boot = BootSettings.read(plan, knobs.cmdline(), findings);
        DriverOwners owners = DriverOwners.of(plan);
        Inputs inputs = new Inputs(plan, knobs, owners);
        Simulation sim = new Simulation(plan, owners, knobs, boot, mode.policy(inputs), settings.maxEvents(), findings,
                boundPercent, settings.maxReportSpans(), recordLog, stop);
        sim.run();
        return new Run(sim, findings);
    }

    /**
     * A floor on the events a plan costs, known before it runs: each device's probe ends once and each modular
     * device's udev event ends once, each initcall and module load spends its time once. Deferred retries come on
     * top, and the event loop itself stops the run when the budget is spent.
     */
    static long minimumEvents(Plan plan) {
        return 2L * plan.devices().size() + 2L * plan.modules().size() + plan.initcalls().size();
    }

    /** What modes may read: the plan and the knobs as this kernel reads them. */
    private static final class Inputs implements PolicyInputs {
        private final Plan plan;
        private final Knobs knobs;
        private final DriverOwners owners;

        Inputs(Plan plan, Knobs knobs, DriverOwners owners) {
            this.plan = plan;
            this.knobs = knobs;
            this.owners = owners;
        }

        @Override
        public Plan plan() {
            return plan;
        }

        @Override
        public boolean asyncProbingExists() {
            return knobs.asyncProbingExists();
        }

        @Override
        public boolean driverRequestedOnCmdline(int driver) {
            return knobs.asyncProbingExists() && knobs.driverRequested(plan.drivers().get(driver).name());
        }

        @Override
        public boolean moduleRequested(int module) {
            return knobs.moduleRequested(plan.modules().get(module));
        }

        @Override
        public int ownerModule(int driver) {
            return owners.module()[driver];
        }

        @Override
        public List<Hazard> hazards() {
            return Hazards.of(plan, owners.module(), owners.initcall());
        }
    }
}
