package io.tablewarden.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The workbench's packages depend on each other in one direction: features (profiles, scan, results, history,
 * mute, export) rest on the shared contracts in {@code ui.shell}, {@code ui.model} and {@code ui.tasks}; only the
 * composition root in {@code ui.app} knows the features.
 */
class UiSlicesTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.tablewarden.ui");
    }

    @Test
    void uiSlicesAreFreeOfCycles() {
        slices().matching("io.tablewarden.ui.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void onlyTheCompositionRootDependsOnIt() {
        noClasses().that().resideOutsideOfPackage("io.tablewarden.ui.app..")
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
}
