package io.tablewarden.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * Every architecture rule in one place. The layers, from the bottom:
 *
 * <pre>
 *   model, profiles                     plain data and the AWS shared files, depending on nothing of ours
 *   engine                              collects from AWS and runs the checks
 *   store, report                       keep scans, write reports
 *   publish                             sends a stored scan's findings to Security Hub (the one write)
 *   app                                 the scan → record → report flow both front ends call
 *   cli, ui                             the two front ends, started by io.tablewarden.Main
 *   simulator                           stands alone; only app serves accounts with it (tests use it freely)
 * </pre>
 *
 * The AWS SDK stays in the engine's collectors and client factory, JavaFX in the workbench, the console in the
 * command line; checks are pure functions of the inventory; the simulator needs only the JDK and Jackson.
 */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.tablewarden");
    }

    @Test
    void layersOnlyDependDownwards() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Launcher").definedBy("io.tablewarden")
                .layer("Cli").definedBy("io.tablewarden.cli..")
                .layer("Ui").definedBy("io.tablewarden.ui..")
                .layer("App").definedBy("io.tablewarden.app..")
                .layer("Store").definedBy("io.tablewarden.store..")
                .layer("Report").definedBy("io.tablewarden.report..")
                .layer("Publish").definedBy("io.tablewarden.publish..")
                .layer("Engine").definedBy("io.tablewarden.engine..")
                .layer("Profiles").definedBy("io.tablewarden.profiles..")
                .layer("Model").definedBy("io.tablewarden.model..")
                .layer("Simulator").definedBy("io.tablewarden.simulator..")
                .whereLayer("Launcher").mayNotBeAccessedByAnyLayer()
                .whereLayer("Cli").mayOnlyBeAccessedByLayers("Launcher")
                .whereLayer("Ui").mayOnlyBeAccessedByLayers("Launcher")
                .whereLayer("App").mayOnlyBeAccessedByLayers("Cli", "Ui")
                .whereLayer("Store").mayOnlyBeAccessedByLayers("App", "Cli", "Ui")
                .whereLayer("Report").mayOnlyBeAccessedByLayers("Publish", "App", "Cli", "Ui")
                .whereLayer("Publish").mayOnlyBeAccessedByLayers("Cli")
                .whereLayer("Engine").mayOnlyBeAccessedByLayers("Store", "Report", "Publish", "App", "Cli", "Ui")
                .whereLayer("Profiles").mayOnlyBeAccessedByLayers("Engine", "App", "Cli", "Ui")
                .whereLayer("Model").mayOnlyBeAccessedByLayers("Engine", "Store", "Report", "Publish", "App", "Cli",
                        "Ui")
                .whereLayer("Simulator").mayOnlyBeAccessedByLayers("App")
                .check(classes);
    }

    @Test
    void modelAndProfilesDependOnNoLibraryOfTheUpperLayers() {
        noClasses().that().resideInAnyPackage("io.tablewarden.model..", "io.tablewarden.profiles..")
                .should().dependOnClassesThat().resideInAnyPackage("software.amazon..", "javafx..", "picocli..")
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
        noClasses().that().resideOutsideOfPackages("io.tablewarden.engine.aws..", "io.tablewarden.engine.collect..",
                        "io.tablewarden.publish..")
                .should().dependOnClassesThat().resideInAPackage("software.amazon.awssdk..")
                .check(classes);
    }

    @Test
    void onlyPublishingWritesToAws() {
        noClasses().that().resideOutsideOfPackage("io.tablewarden.publish..")
                .should().dependOnClassesThat().resideInAPackage("software.amazon.awssdk.services.securityhub..")
                .because("the Security Hub client is the one client that writes; only publish builds it")
                .check(classes);
        noClasses().that().resideOutsideOfPackage("io.tablewarden.publish..")
                .and().doNotHaveFullyQualifiedName("io.tablewarden.cli.PublishCommand")
                .and().doNotHaveFullyQualifiedName("io.tablewarden.cli.Cli")
                .should().dependOnClassesThat().resideInAPackage("io.tablewarden.publish..")
                .because("nothing on the scan's path can reach the publishing client")
                .check(classes);
    }

    @Test
    void noAwsSdkTypeAboveTheEngine() {
        noClasses().that().resideInAnyPackage("io.tablewarden.store..", "io.tablewarden.report..",
                        "io.tablewarden.app..", "io.tablewarden.cli..", "io.tablewarden.ui..")
                .should().dependOnClassesThat().resideInAPackage("software.amazon..")
                .because("the engine turns every AWS answer and error into our own types")
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
    void picocliOnlyInTheCommandLine() {
        noClasses().that().resideOutsideOfPackage("io.tablewarden.cli..")
                .should().dependOnClassesThat().resideInAPackage("picocli..")
                .check(classes);
    }

    @Test
    void theFrontEndsDoNotWireTheEngineThemselves() {
        noClasses().that().resideInAnyPackage("io.tablewarden.cli..", "io.tablewarden.ui..")
                .should().dependOnClassesThat().haveFullyQualifiedName("io.tablewarden.engine.ScanEngine")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("io.tablewarden.store.ScanRecorder")
                .because("scans are run and recorded by io.tablewarden.app.ScanService")
                .check(classes);
    }

    @Test
    void simulatorDependsOnTheJdkAndJacksonOnly() {
        classes().that().resideInAPackage("io.tablewarden.simulator..")
                .should().onlyDependOnClassesThat()
                .resideInAnyPackage("io.tablewarden.simulator..", "java..", "javax..", "com.fasterxml.jackson..",
                        "com.sun.net.httpserver..", "")
                .check(classes);
    }

    @Test
    void simulatorStandsAlone() {
        noClasses().that().resideInAPackage("io.tablewarden.simulator..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.tablewarden.model..", "io.tablewarden.engine..", "io.tablewarden.store..",
                        "io.tablewarden.ui..", "io.tablewarden.cli..", "io.tablewarden.report..",
                        "io.tablewarden.app..", "io.tablewarden.profiles..")
                .check(classes);
    }

    /**
     * The workbench's feature packages may use the shell and the shared UI types, but no two of them may need
     * each other.
     */
    @Test
    void uiPackagesAreFreeOfCycles() {
        slices().matching("io.tablewarden.ui.(*)..").should().beFreeOfCycles().check(classes);
    }

    /** Only the command line and the launcher talk to the console; everything else reports through them. */
    @Test
    void onlyTheCommandLineAndTheLauncherUseTheConsole() {
        console(noClasses().that().resideOutsideOfPackage("io.tablewarden.cli..")
                .and().doNotHaveFullyQualifiedName("io.tablewarden.Main")).check(classes);
    }

    /* The workbench's features rest on the shared contracts in ui.shell, ui.model and ui.tasks; only the
       composition root in ui.app knows the features. */

    @Test
    void onlyTheCompositionRootDependsOnIt() {
        noClasses().that().resideOutsideOfPackage("io.tablewarden.ui.app..")
                .and().doNotHaveFullyQualifiedName("io.tablewarden.Main")
                .should().dependOnClassesThat().resideInAPackage("io.tablewarden.ui.app..")
                .check(classes);
    }

    @Test
    void theSharedContractsKnowNoFeature() {
        noClasses().that().resideInAnyPackage("io.tablewarden.ui.shell..", "io.tablewarden.ui.model..",
                        "io.tablewarden.ui.tasks..")
                .should().dependOnClassesThat().resideInAnyPackage("io.tablewarden.ui.app..",
                        "io.tablewarden.ui.profiles..", "io.tablewarden.ui.scan..", "io.tablewarden.ui.results..",
                        "io.tablewarden.ui.history..", "io.tablewarden.ui.mute..", "io.tablewarden.ui.export..")
                .check(classes);
    }

    @Test
    void noStaticStateBetweenWindows() {
        // What one window shares with its pages goes through the context it owns, never through a static field.
        fields().that().areDeclaredInClassesThat().resideInAPackage("io.tablewarden.ui..").and().areStatic()
                .should().beFinal()
                .check(classes);
    }

    private static ArchRule console(com.tngtech.archunit.lang.syntax.elements.GivenClassesConjunction classes) {
        return classes.should().accessField(System.class, "out").orShould().accessField(System.class, "err")
                .because("the command line owns stdout and stderr");
    }
}
