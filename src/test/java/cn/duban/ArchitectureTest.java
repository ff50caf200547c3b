package cn.duban;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The feature packages (plan, dispatch, plantask, supervision, identity, …) depend on each other in one direction. */
class ArchitectureTest {

    private static JavaClasses duban;

    @BeforeAll
    static void importClasses() {
        duban = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("cn.duban");
    }

    @Test
    void featurePackagesHaveNoCycles() {
        slices().matching("cn.duban.(*)..").should().beFreeOfCycles().check(duban);
    }

    @Test
    void theParserOfPlanTextsKnowsNothingOfTheEngineOrTheDatabase() {
        noClasses().that().resideInAPackage("cn.duban.plan.text..")
                .should().dependOnClassesThat().resideInAnyPackage("org.camunda..", "org.springframework..",
                        "javax.sql..", "java.sql..")
                .check(duban);
    }

    @Test
    void onlySecurityKnowsTheWebappsInternals() {
        noClasses().that().resideOutsideOfPackage("cn.duban.security..")
                .should().dependOnClassesThat().resideInAPackage("org.camunda.bpm.webapp..")
                .check(duban);
    }
}
