package dev.bootplan.gate.output;

import dev.bootplan.gate.Breach;
import dev.bootplan.gate.GateOutcome;
import dev.bootplan.gate.GateProblem;
import dev.bootplan.gate.RuleVerdict;
import dev.bootplan.gate.Verdict;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * JUnit XML as CI servers read it (the Ant/Surefire schema: testsuites › testsuite › testcase › failure|error), written
 * with the JDK's StAX writer, which escapes. One test case per rule (class {@code bootplan.gate.rules}) and one per
 * device lost (class {@code bootplan.gate.devices}, named after the device); a failure's message names what broke.
 * An unreadable input is one test case in error, so a CI that publishes the file still shows red.
 */
public final class JUnitOutput {

    private static final String SUITE = "bootplan gate";
    private static final String RULES = "bootplan.gate.rules";
    private static final String DEVICES = "bootplan.gate.devices";
    private static final String NO_DEVICE_LOST = "no-device-lost";

    private JUnitOutput() {}

    private record Case(String classname, String name, String type, String failure, String details) {}

    public static String render(GateOutcome outcome) {
        List<Case> cases = new ArrayList<>();
        boolean error = outcome.error() != null;
        String suite = SUITE;
        if (error) {
            cases.add(new Case("bootplan.gate", "read the " + outcome.error().part(), "unreadable",
                    outcome.error().getMessage(),
                    outcome.error().problems().stream().map(GateProblem::text).collect(Collectors.joining("\n"))));
        } else {
            Verdict v = outcome.verdict();
            suite = SUITE + ": " + Heading.of(v);
            for (RuleVerdict r : v.results()) {
                cases.add(new Case(RULES, r.rule(), r.type(), r.passed() ? null : r.rule() + ": " + r.message(),
                        r.breaches().stream().map(b -> Where.of(v.input(), b) + ": " + b.message())
                                .collect(Collectors.joining("\n"))));
            }
            for (RuleVerdict r : v.results()) {
                if (r.type().equals(NO_DEVICE_LOST)) {
                    for (Breach b : r.breaches()) {
                        cases.add(new Case(DEVICES, b.subject(), "device-lost", b.message(), Where.of(v.input(), b)));
                    }
                }
            }
        }
        long failures = error ? 0 : cases.stream().filter(c -> c.failure() != null).count();
        try {
            StringWriter out = new StringWriter();
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            x.writeStartDocument("UTF-8", "1.0");
            x.writeCharacters("\n");
            x.writeStartElement("testsuites");
            counts(x, suite, cases.size(), failures, error ? 1 : 0);
            x.writeCharacters("\n  ");
            x.writeStartElement("testsuite");
            counts(x, suite, cases.size(), failures, error ? 1 : 0);
            x.writeAttribute("skipped", "0");
            for (Case c : cases) {
                x.writeCharacters("\n    ");
                x.writeStartElement("testcase");
                x.writeAttribute("classname", xml(c.classname()));
                x.writeAttribute("name", xml(c.name()));
                x.writeAttribute("time", "0");
                if (c.failure() != null) {
                    x.writeCharacters("\n      ");
                    x.writeStartElement(error ? "error" : "failure");
                    x.writeAttribute("message", xml(c.failure()));
                    x.writeAttribute("type", c.type());
                    x.writeCharacters(xml(c.details()));
                    x.writeEndElement();
                    x.writeCharacters("\n    ");
                }
                x.writeEndElement();
            }
            x.writeCharacters("\n  ");
            x.writeEndElement();
            x.writeCharacters("\n");
            x.writeEndElement();
            x.writeCharacters("\n");
            x.writeEndDocument();
            x.close();
            return out.toString();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing JUnit XML to a string", e);
        }
    }

    /** StAX escapes markup but not characters XML 1.0 forbids (control characters in a device name): replace them. */
    static String xml(String text) {
        StringBuilder s = new StringBuilder(text.length());
        text.codePoints().forEach(c -> s.appendCodePoint(c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                || (c >= 0xE000 && c <= 0xFFFD) || c >= 0x10000 ? c : 0xFFFD));
        return s.toString();
    }

    private static void counts(XMLStreamWriter x, String name, int tests, long failures, int errors) throws XMLStreamException {
        x.writeAttribute("name", xml(name));
        x.writeAttribute("tests", Integer.toString(tests));
        x.writeAttribute("failures", Long.toString(failures));
        x.writeAttribute("errors", Integer.toString(errors));
    }
}
