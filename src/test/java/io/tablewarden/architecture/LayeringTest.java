package io.tablewarden.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Keeps the layers honest: model ← engine ← store ← ui / cli, the simulator on its own, the AWS SDK
 * only in collectors, JavaFX only in the UI.
 */
class LayeringTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.tablewarden");
    }

    @Test
    void modelDependsOnNothingOfOurs() {
        noClasses().that().resideInAPackage("io.tablewarden.model..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.tablewarden.engine..", "io.tablewarden.store..", "io.tablewarden.ui..",
                        "io.tablewarden.cli..", "io.tablewarden.report..", "io.tablewarden.simulator..",
                        "software.amazon..", "com.fasterxml..", "javafx..")
                .check(classes);
    }

    @Test
    void checksAreFreeOfTheAwsSdk() {
        noClasses().that().resideInAnyPackage("io.tablewarden.engine.checks..", "io.tablewarden.engine.remediation..")
                .should().dependOnClassesThat().resideInAnyPackage("software.amazon..", "javafx..",
                        "io.tablewarden.engine.aws..", "io.tablewarden.engine.collect..")
                .check(classes);
    }

    @Test
    void awsSdkOnlyInCollectorsAndClientFactory() {
        noClasses().that().resideOutsideOfPackages("io.tablewarden.engine.aws..", "io.tablewarden.engine.collect..")
                .should().dependOnClassesThat().resideInAPackage("software.amazon.awssdk..")
                .check(classes);
    }

    @Test
    void javafxOnlyInTheUi() {
        noClasses().that().resideOutsideOfPackage("io.tablewarden.ui..")
                .and().doNotHaveFullyQualifiedName("io.tablewarden.Main")
                .should().dependOnClassesThat().resideInAPackage("javafx..")
                .check(classes);
    }

    @Test
    void engineDoesNotReachUp() {
        noClasses().that().resideInAPackage("io.tablewarden.engine..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.tablewarden.store..", "io.tablewarden.ui..", "io.tablewarden.cli..",
                        "io.tablewarden.report..", "io.tablewarden.simulator..")
                .check(classes);
    }

    @Test
    void simulatorStandsAlone() {
        noClasses().that().resideInAPackage("io.tablewarden.simulator..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.tablewarden.model..", "io.tablewarden.engine..", "io.tablewarden.store..",
                        "io.tablewarden.ui..", "io.tablewarden.cli..", "io.tablewarden.report..")
                .check(classes);
    }

    @Test
    void reportsAreBelowTheFrontEnds() {
        noClasses().that().resideInAPackage("io.tablewarden.report..")
                .should().dependOnClassesThat().resideInAnyPackage("io.tablewarden.ui..", "io.tablewarden.cli..")
                .check(classes);
    }
}
