package dev.bootplan;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import dev.bootplan.archfixture.engine.PureEngine;
import dev.bootplan.archfixture.engine.SpringAwareEngine;
import dev.bootplan.archfixture.gate.WebAwareGate;
import dev.bootplan.archfixture.report.FixtureReport;
import dev.bootplan.engine.WorkBudgetExceededException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Who may import whom (architecture.md), stated once so the picture stays true. Rules are built for a root
 * package so the engine rule can also be shown to fail on a deliberately bad fixture.
 */
class ArchitectureTests {

    private static final String ROOT = "dev.bootplan";
    private static final String FIXTURE_ROOT = "dev.bootplan.archfixture";

    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(ROOT);
    }

    static ArchRule engineDependsOnlyOnItselfTheReportAndTheJdk(String root) {
        return classes().that().resideInAPackage(root + ".engine..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(root + ".engine..", root + ".report..", "java..")
                .because("the engine is a pure simulation: a plan in, a report out, no framework");
    }

    static ArchRule pureCoreImportsNoSpringJacksonOrServlet(String root) {
        // Swagger's @Schema annotations (io.swagger..) are allowed: they document the wire records.
        return noClasses().that().resideInAnyPackage(root + ".manifest..", root + ".ingest..", root + ".render..", root + ".report..",
                        root + ".advice..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "tools.jackson..", "com.fasterxml.jackson..", "jakarta.servlet..")
                .because("parsers, validation, renderers and the report vocabulary are plain Java, testable without Spring");
    }

    static ArchRule traceExportImportsNoSpringOrServlet(String root) {
        // Jackson's streaming generator is allowed: it writes the trace's JSON, escaping included.
        return noClasses().that().resideInAPackage(root + ".trace..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.servlet..", root + ".web..",
                        root + ".service..")
                .because("the trace exporter is a pure function of a report, called alike by the service and the command line");
    }

    static ArchRule webUsesOnlyTheEnginesModesAndBudgetError(String root) {
        return noClasses().that().resideInAPackage(root + ".web..")
                .should().dependOnClassesThat(resideInAPackage(root + ".engine..")
                        .and(not(resideInAPackage(root + ".engine.mode..")))
                        .and(not(type(WorkBudgetExceededException.class))))
                .because("controllers talk to services; they only name a mode and map the budget error");
    }

    static ArchRule commandLineUsesNoWebNoServletAndNoSpring(String root) {
        return noClasses().that().resideInAPackage(root + ".cli..")
                .should().dependOnClassesThat().resideInAnyPackage(root + ".web..", "org.springframework..", "jakarta.servlet..")
                .because("the command line runs the use cases without Spring: no context, no web server, no MVC");
    }

    static ArchRule commandLineReachesNoWebOrSpringMvcEvenThroughOthers(String root) {
        return noClasses().that().resideInAPackage(root + ".cli..")
                .should().transitivelyDependOnClassesThat().resideInAnyPackage(
                        root + ".web..", "org.springframework.web..", "org.springframework.boot.webmvc..", "jakarta.servlet..")
                .because("what the command line calls (services, core) must work without the web layer");
    }

    static ArchRule gateIsAPureCoreTheCommandLineCanCall(String root) {
        // Jackson is allowed: the gate reads rules (YAML, JSON) and writes SARIF with it, as the CLI will.
        return noClasses().that().resideInAPackage(root + ".gate..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.servlet..",
                        root + ".web..", root + ".service..", root + ".config..")
                .because("the command line runs the gate without starting the web server");
    }

    static ArchRule noCyclesBetweenPackages(String root) {
        return slices().matching(root + ".(*)..").should().beFreeOfCycles();
    }

    @Test
    void engineDependsOnlyOnItselfTheReportAndTheJdk() {
        engineDependsOnlyOnItselfTheReportAndTheJdk(ROOT).check(production);
    }

    @Test
    void manifestIngestRenderAndReportImportNoSpringJacksonOrServlet() {
        pureCoreImportsNoSpringJacksonOrServlet(ROOT).check(production);
    }

    @Test
    void traceExportImportsNoSpringOrServlet() {
        traceExportImportsNoSpringOrServlet(ROOT).check(production);
    }

    @Test
    void webDependsOnNoEngineInternals() {
        webUsesOnlyTheEnginesModesAndBudgetError(ROOT).check(production);
    }

    @Test
    void commandLineDependsOnNoWebAndNoSpring() {
        commandLineUsesNoWebNoServletAndNoSpring(ROOT).check(production);
        commandLineReachesNoWebOrSpringMvcEvenThroughOthers(ROOT).check(production);
    }

    @Test
    void gateImportsNoSpringServletOrWebLayer() {
        gateIsAPureCoreTheCommandLineCanCall(ROOT).check(production);
    }

    @Test
    void gateRuleCatchesASpringWebImportInTheGate() {
        JavaClasses bad = new ClassFileImporter().importClasses(WebAwareGate.class);
        assertThatThrownBy(() -> gateIsAPureCoreTheCommandLineCanCall(FIXTURE_ROOT).check(bad))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("WebAwareGate")
                .hasMessageContaining("org.springframework.http.ResponseEntity");
    }

    @Test
    void packagesHaveNoCycles() {
        noCyclesBetweenPackages(ROOT).check(production);
    }

    @Test
    void engineRuleCatchesASpringImportInTheEngine() {
        JavaClasses bad = new ClassFileImporter().importClasses(SpringAwareEngine.class);
        assertThatThrownBy(() -> engineDependsOnlyOnItselfTheReportAndTheJdk(FIXTURE_ROOT).check(bad))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("SpringAwareEngine")
                .hasMessageContaining("org.springframework.core.env.Environment");
    }

    @Test
    void engineRuleAcceptsAnEngineThatUsesOnlyItsReportAndTheJdk() {
        JavaClasses good = new ClassFileImporter().importClasses(PureEngine.class, FixtureReport.class);
        assertThatCode(() -> engineDependsOnlyOnItselfTheReportAndTheJdk(FIXTURE_ROOT).check(good)).doesNotThrowAnyException();
    }
}
