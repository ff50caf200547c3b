package cn.duban;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Rules within and around the modules that Spring Modulith does not express. That the modules depend on each other in
 * one direction, only through their APIs: {@link ModularityTests}.
 */
class ArchitectureTest {

    private static JavaClasses duban;

    @BeforeAll
    static void importClasses() {
        duban = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("cn.duban");
    }

    @Test
    void theParserOfPlanTextsKnowsNothingOfTheEngineOrTheDatabase() {
        noClasses()
                .that()
                .resideInAPackage("cn.duban.plan.text..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.camunda..", "org.springframework..", "javax.sql..", "java.sql..")
                .check(duban);
    }

    @Test
    void onlySecurityKnowsTheWebappsInternals() {
        noClasses()
                .that()
                .resideOutsideOfPackage("cn.duban.security..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.camunda.bpm.webapp..")
                .check(duban);
    }
}
