package dev.bootplan.ingest.dmesg;

import static dev.bootplan.ingest.dmesg.DmesgIssueKind.*;

import dev.bootplan.ingest.ImportIssue;
import dev.bootplan.ingest.Issues;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Reads a kernel log booted with {@code initcall_debug} (probe-model.md §12) line by line, in one pass and
 * constant memory per line. It pairs "calling"/"returned" lines, attributes probe lines to the initcall or
 * module load around them ({@link Attribution}), and reports every line it skipped or doubted. It never
 * invents data: an unmatched return is skipped, an unfinished call stays unfinished.
 */
public final class DmesgParser {

    /** Limits that keep one import bounded; {@code kernelVersion} overrides the version the log prints. */
    public record Options(String kernelVersion, int maxLineChars, int maxIssues) {
        public static Options defaults() {
            return new Options(null, 4096, 1000);
        }
    }

    private final Options options;

    public DmesgParser(Options options) {
        this.options = options;
    }

    public BootLog parse(String source, Reader in) {
        return new Run(source).read(in);
    }

    /** The state of one parse. */
    private final class Run {
        private final Issues issues;
        private final String source;
        private final Initcalls initcalls;
        private final Attribution attribution;
        private final List<LogEvent> events = new ArrayList<>();
        private String version;
        private String cmdline;
        private Integer systemd;
        private Integer cpus;
        private Long memory;
        private boolean udev;
        private boolean stamped;
        private long firstStamp;
        private long lastStamp;
        private long maxStamp;
        private long stepsForward;
        private long stepsBack;
        private long steps;
        private String level;
        private LogLine pending;
        private Message.Malformed pendingMessage;
        private int lines;

        Run(String source) {
            this.source = source;
            this.issues = new Issues(source, options.maxIssues());
            this.initcalls = new Initcalls(issues);
            this.attribution = new Attribution(initcalls);
        }

        BootLog read(Reader in) {
            LineReader reader = new LineReader(in, options.maxLineChars());
            String raw;
            while ((raw = reader.next()) != null) {
                lines = reader.lineNo();
                if (reader.truncated()) {
                    issues.add(lines, options.maxLineChars() + 1, LINE_TOO_LONG,
                            "line longer than " + options.maxLineChars() + " characters; the rest of it is ignored");
                }
                if (raw.isEmpty()) { // says nothing, and cannot continue a wrapped line; a gzip of newlines holds millions
                    flushPending();
                    continue;
                }
                LogLine line = LogLine.parse(lines, raw, 0);
                if (pending != null && joinWrapped(line, raw)) {
                    continue;
                }
                readLine(line, raw);
            }
            flushPending();
            return finish();
        }

        /** A malformed initcall_debug line followed by an unstamped line may be one message cut in two. */
        private boolean joinWrapped(LogLine next, String raw) {
            LogLine first = pending;
            Message.Malformed firstMessage = pendingMessage;
            pending = null;
            if (next.stampUs() == null && next.badStampColumn() == 0 && !raw.isBlank()) {
                for (String glue : new String[] {"", " "}) {
                    String joined = first.text() + glue + raw.strip();
                    Message m = Message.read(joined);
                    if (m != null && !(m instanceof Message.Malformed)) {
                        issues.add(first.line(), first.column(), WRAPPED_LINE,
                                "message continues on line " + next.line() + "; the two lines are read as one");
                        dispatch(new LogLine(first.line(), first.stampUs(), first.callerPid(), joined, first.column()), m);
                        return true;
                    }
                }
            }
            reportMalformed(first, firstMessage);
            return false;
        }

        private void flushPending() {
            if (pending != null) {
                reportMalformed(pending, pendingMessage);
                pending = null;
            }
        }

        private void reportMalformed(LogLine line, Message.Malformed m) {
            issues.add(line.line(), line.column(), MALFORMED_LINE, m.format() == null
                    ? "a number in this line does not fit the kernel's field; line skipped"
                    : "does not fit the format \"" + m.format() + "\"; line skipped");
        }

        private void readLine(LogLine line, String raw) {
            if (line.badStampColumn() > 0) {
                issues.add(line.line(), line.badStampColumn(), BAD_TIMESTAMP,
                        "\"[" + raw.substring(line.badStampColumn(), raw.indexOf(']', line.badStampColumn())).strip()
                                + "]\" is not a [seconds.micros] stamp; the line has no time");
            }
            // One record after another, in a loop: a line of 4096 characters holds 400 stamps, and a larger limit more.
            while (true) {
                int split = Interleaving.nextStamp(line.source(), line.from());
                int column = line.column() + split;
                LogLine next = split < 0 ? null : LogLine.parse(line.line(), raw, column - 1);
                // 0: an empty record, then a stamped one; only if the parse moved past that stamp, or this never ends
                if (next == null || (split == 0 && next.stampUs() == null)) {
                    readMessage(line, true);
                    return;
                }
                issues.add(line.line(), column, INTERLEAVED_LINE,
                        "a second message starts at column " + column + "; both are read");
                readMessage(new LogLine(line.line(), line.stampUs(), line.callerPid(),
                        line.source().substring(line.from(), line.from() + split).stripTrailing(), line.column()), false);
                line = next;
            }
        }

        private void readMessage(LogLine line, boolean mayWrap) {
            Long stamp = line.stampUs();
            if (stamp != null) {
                noteStamp(line, stamp);
            }
            Message m = Message.read(line.source(), line.from());
            if (m == null) {
                return;
            }
            if (m instanceof Message.Malformed bad) {
                if (mayWrap) {
                    pending = line;
                    pendingMessage = bad;
                } else {
                    reportMalformed(line, bad);
                }
                return;
            }
            dispatch(line, m);
        }

        private void noteStamp(LogLine line, long stamp) {
            if (!stamped) {
                stamped = true;
                firstStamp = stamp;
                maxStamp = stamp;
                if (stamp > 0) {
                    issues.add(line.line(), 1, TRUNCATED_START, "the log starts at " + Stamps.seconds(stamp)
                            + " s, not at 0: earlier lines were lost (ring buffer overrun); nothing before is imported");
                }
            } else {
                steps++;
                if (stamp > lastStamp) {
                    stepsForward++;
                } else if (stamp < lastStamp) {
                    stepsBack++;
                    issues.add(line.line(), 1, TIME_WENT_BACKWARDS, Stamps.seconds(stamp) + " s follows "
                            + Stamps.seconds(lastStamp) + " s (printk from another CPU); kept as printed");
                }
            }
            lastStamp = stamp;
            maxStamp = Math.max(maxStamp, stamp);
        }

        private void dispatch(LogLine line, Message m) {
            switch (m) {
                case Message.KernelVersion v -> version = version == null ? v.version() : version;
                case Message.CommandLine c -> cmdline = cmdline == null ? c.cmdline() : cmdline;
                case Message.SystemdVersion s -> {
                    systemd = systemd == null ? s.version() : systemd;
                    udev = true; // systemd's own udevd coldplugs (systemd-udev-trigger.service)
                }
                case Message.Cpus c -> cpus = cpus == null ? c.cpus() : cpus;
                case Message.Memory mem -> memory = memory == null ? mem.totalKiB() : memory;
                case Message.UdevMentioned u -> udev = true;
                case Message.QuirkCalling q -> issues.add(line.line(), line.column(), NOT_AN_INITCALL,
                        "\"calling\" of the device quirk " + q.function() + ", not an initcall; skipped");
                default -> {
                    if (line.stampUs() == null) {
                        issues.add(line.line(), line.column(), NO_TIMESTAMP,
                                "no [seconds.micros] stamp, so its time is unknown; line skipped");
                        return;
                    }
                    timed(line, line.stampUs(), m);
                }
            }
        }

        private void timed(LogLine line, long at, Message m) {
            switch (m) {
                case Message.Calling c -> {
                    if (c.module() == null && level == null) {
                        initcalls.levelUnknown(line);
                    }
                    initcalls.calling(line, at, c, c.module() == null ? level : null);
                }
                case Message.Returned r -> {
                    attribution.sawDuration(r.reportedUs());
                    initcalls.returned(line, at, r);
                }
                case Message.Probe p -> attribution.probe(line, at, p);
                case Message.Level l -> {
                    level = l.level();
                    events.add(new LogEvent.LevelEntered(at, line.line(), l.level()));
                }
                case Message.AsyncWaiting w -> events.add(new LogEvent.AsyncWait(at, line.line(), w.pid(), null));
                case Message.AsyncContinuing c -> events.add(new LogEvent.AsyncWait(at, line.line(), c.pid(), c.waitedUs()));
                case Message.DeferredPending d -> events.add(new LogEvent.DeferredPending(at, line.line(), d.device(), d.reason()));
                case Message.FirmwareFailed f ->
                        events.add(new LogEvent.FirmwareFailed(at, line.line(), f.device(), f.file(), f.error()));
                case Message.UdevTimeout u -> udev = events.add(
                        new LogEvent.UdevTimeout(at, line.line(), u.device(), u.worker(), u.seqnum(), u.killed()));
                case Message.InitStarted i -> events.add(new LogEvent.InitStarted(at, line.line(), i.init()));
                case Message.RootMounted r -> {
                    if (events.stream().noneMatch(LogEvent.RootMounted.class::isInstance)) {
                        events.add(new LogEvent.RootMounted(at, line.line(), r.text()));
                    }
                }
                case Message.ClocksourceSwitched s -> attribution.clockIsFine();
                case Message.DriverCore d ->
                        events.add(new LogEvent.DriverCore(at, line.line(), d.kind(), d.bus(), d.device(), d.driver()));
                case Message.DriverRegistered d -> events.add(new LogEvent.DriverRegistered(at, line.line(), d.driver()));
                case Message.ScsiDevice d -> events.add(new LogEvent.ScsiDevice(at, line.line(), d.device()));
                case Message.ScsiHost h -> events.add(new LogEvent.ScsiHost(at, line.line(), h.host()));
                case Message.RootWait r -> events.add(new LogEvent.RootWait(at, line.line(), r.device()));
                default -> throw new IllegalStateException("unhandled " + m);
            }
        }

        /**
         * Whether the log holds a boot at all; if not, it says why with an error, which fails the import. A boot needs
         * an initcall with both ends (a "calling" line alone has no time) and stamps that go forward: a few go back when
         * CPUs print at once, but a log where most do was printed newest first, and every span read from it is wrong.
         */
        private void usable() {
            if (initcalls.runs().isEmpty()) {
                issues.add(0, 0, NO_INITCALLS, "no \"calling\"/\"initcall … returned\" line in " + lines
                        + " lines: boot with initcall_debug (and a log level that keeps KERN_DEBUG)");
            } else if (initcalls.runs().stream().allMatch(r -> r.endUs() == null)) {
                issues.add(0, 0, NO_INITCALL_RETURNED, "no initcall returns: " + initcalls.runs().size() + " \"calling\""
                        + " line(s) in " + lines + " lines, and no \"initcall … returned\" line pairs with one, so no initcall"
                        + " has a time and there is no boot to import");
            }
            if (stepsBack >= 2 && stepsBack > stepsForward) {
                issues.add(0, 0, TIME_RUNS_BACKWARDS, "time runs backwards throughout: " + stepsBack + " of the " + steps
                        + " steps from one stamp to the next go back, " + stepsForward + " forward (printed newest first,"
                        + " by tac or journalctl -r?); put the log in time order, it is not imported");
            }
        }

        private BootLog finish() {
            initcalls.finish();
            String kernel = options.kernelVersion() != null ? options.kernelVersion() : version;
            List<ProbeRun> probes = attribution.probes(kernel, issues);
            usable();
            List<ImportIssue> sorted = new ArrayList<>(issues.list());
            sorted.sort(Comparator.comparingInt(ImportIssue::line).thenComparingInt(ImportIssue::column));
            Long first = stamped ? firstStamp : null;
            Long last = stamped ? maxStamp : null;
            return new BootLog(source, kernel, cmdline, systemd, cpus, memory, udev, first, last, lines, initcalls.runs(), probes, events,
                    sorted, issues.dropped());
        }
    }
}
