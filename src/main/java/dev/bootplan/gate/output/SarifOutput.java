package dev.bootplan.gate.output;

import dev.bootplan.gate.Breach;
import dev.bootplan.gate.GateOutcome;
import dev.bootplan.gate.GateProblem;
import dev.bootplan.gate.RuleVerdict;
import dev.bootplan.gate.Verdict;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * SARIF 2.1.0 (OASIS; validated in the tests against the committed official schema). One reporting descriptor per
 * rule of the rules file, id {@code <type>/<n>}; one result per breach of a failed rule, at the breach's JSON pointer
 * in the input (a logical location) and at its line and column (a physical location's region). An unreadable input is
 * an invocation that did not succeed, with a notification at the place the parser gave.
 */
public final class SarifOutput {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

    private SarifOutput() {}

    public static String render(GateOutcome outcome) {
        ObjectNode log = JSON.createObjectNode();
        log.put("$schema", SCHEMA);
        log.put("version", "2.1.0");
        ObjectNode run = log.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "bootplan gate");
        driver.put("informationUri", "https://bootplan.dev/gate");
        ArrayNode rules = driver.putArray("rules");
        ObjectNode invocation = run.putArray("invocations").addObject();
        ArrayNode results = run.putArray("results");
        if (outcome.error() != null) {
            invocation.put("executionSuccessful", false);
            ArrayNode notes = invocation.putArray("toolExecutionNotifications");
            for (GateProblem p : outcome.error().problems()) {
                ObjectNode n = notes.addObject();
                n.put("level", "error");
                n.putObject("message").put("text", p.text());
                location(n.putArray("locations").addObject(), p.source(), p.line(), p.column(), p.pointer());
            }
            return JSON.writeValueAsString(log) + "\n";
        }
        invocation.put("executionSuccessful", true);
        Verdict v = outcome.verdict();
        List<RuleVerdict> rs = v.results();
        for (int i = 0; i < rs.size(); i++) {
            RuleVerdict r = rs.get(i);
            ObjectNode d = rules.addObject();
            d.put("id", id(r, i));
            d.put("name", r.type());
            d.putObject("shortDescription").put("text", r.rule());
            d.putObject("defaultConfiguration").put("level", "error");
        }
        for (int i = 0; i < rs.size(); i++) {
            RuleVerdict r = rs.get(i);
            if (r.passed()) {
                continue;
            }
            for (Breach b : r.breaches()) {
                ObjectNode res = results.addObject();
                res.put("ruleId", id(r, i));
                res.put("ruleIndex", i);
                res.put("level", "error");
                res.putObject("message").put("text", r.rule() + ": " + b.message());
                location(res.putArray("locations").addObject(), v.input(), b.line(), b.column(), b.pointer());
            }
        }
        return JSON.writeValueAsString(log) + "\n";
    }

    private static String id(RuleVerdict r, int i) {
        return r.type() + "/" + (i + 1);
    }

    private static void location(ObjectNode loc, String file, Integer line, Integer column, String pointer) {
        String uri = uri(file);
        if (uri != null) {
            ObjectNode physical = loc.putObject("physicalLocation");
            physical.putObject("artifactLocation").put("uri", uri);
            if (line != null) {
                ObjectNode region = physical.putObject("region");
                region.put("startLine", line);
                if (column != null) {
                    region.put("startColumn", column);
                }
            }
        }
        if (pointer != null) {
            ObjectNode logical = loc.putArray("logicalLocations").addObject();
            logical.put("fullyQualifiedName", pointer.isEmpty() ? "/" : pointer);
            logical.put("kind", "element");
        }
    }

    /** A relative URI reference for a file name ("examples/storage-server.json"); null for stdin. */
    private static String uri(String file) {
        if (file == null || file.equals("-")) {
            return null;
        }
        try {
            return new URI(null, null, file.replace('\\', '/'), null).toASCIIString();
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
