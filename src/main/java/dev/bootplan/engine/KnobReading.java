package dev.bootplan.engine;

import dev.bootplan.engine.mode.PolicyInputs.Hazard;
import dev.bootplan.engine.plan.Plan;
import dev.bootplan.report.EffectiveKnobs;
import dev.bootplan.report.Finding;
import java.util.List;

/**
 * What a plan's kernel and systemd make of its knobs, without simulating: the effective knobs, the findings about
 * knobs that do nothing (the same {@link KnobReader} and {@link BootSettings} rules a run applies), and the drivers
 * that are hazardous to probe asynchronously ({@link Hazards}). For callers that weigh settings before running them.
 *
 * @param initrdEventTimeoutUs the udev event timeout inside the initrd (rd.udev.event_timeout= wins there)
 */
public record KnobReading(EffectiveKnobs knobs, long initrdEventTimeoutUs, List<Finding> findings, List<Hazard> hazards) {

    public KnobReading {
        findings = List.copyOf(findings);
        hazards = List.copyOf(hazards);
    }

    public static KnobReading of(Plan plan) {
        Findings findings = new Findings();
        Knobs knobs = KnobReader.read(plan, findings);
        BootSettings boot = BootSettings.read(plan, knobs.cmdline(), findings);
        DriverOwners owners = DriverOwners.of(plan);
        return new KnobReading(ReportAssembler.knobs(plan, knobs, boot), boot.udevInitrd().timeoutUs(), findings.sorted(),
                Hazards.of(plan, owners.module(), owners.initcall()));
    }

    /** The module registering each driver (-1 for a built-in or an unregistered driver), indexed like the plan's drivers. */
    public static int[] ownerModules(Plan plan) {
        return DriverOwners.of(plan).module().clone();
    }

    /** The built-in initcall registering each driver (-1 for none), indexed like the plan's drivers. */
    public static int[] ownerInitcalls(Plan plan) {
        return DriverOwners.of(plan).initcall().clone();
    }

    /** systemd's kill time for an event timeout (T, or T + 10 s on systemd ≥ 256). */
    public static long killAfterUs(int systemdVersion, long timeoutUs) {
        return UdevSettings.killAfter(systemdVersion, timeoutUs);
    }
}
