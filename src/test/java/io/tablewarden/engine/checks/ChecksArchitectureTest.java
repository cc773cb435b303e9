package io.tablewarden.engine.checks;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Checks are pure functions of the inventory: no AWS SDK, no UI toolkit, no other engine layer. */
class ChecksArchitectureTest {

    private static final JavaClasses CHECKS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.tablewarden.engine.checks");

    @Test
    void checksDoNotTouchTheAwsSdkOrTheUi() {
        noClasses().that().resideInAPackage("io.tablewarden.engine.checks..")
                .should().dependOnClassesThat().resideInAnyPackage("software.amazon.awssdk..", "javafx..")
                .check(CHECKS);
    }

    @Test
    void checksDependOnTheModelNotOnOtherEngineParts() {
        noClasses().that().resideInAPackage("io.tablewarden.engine.checks..")
                .should().dependOnClassesThat().resideInAnyPackage("io.tablewarden.engine.collect..",
                        "io.tablewarden.store..", "io.tablewarden.ui..", "io.tablewarden.cli..",
                        "io.tablewarden.simulator..")
                .check(CHECKS);
    }
}
