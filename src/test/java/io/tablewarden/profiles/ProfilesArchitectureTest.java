package io.tablewarden.profiles;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The profiles code is plain Java and Jackson: no AWS SDK, no UI toolkit, nothing above it. */
class ProfilesArchitectureTest {

    @Test
    void profilesStandOnTheirOwn() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.tablewarden");
        noClasses().that().resideInAPackage("io.tablewarden.profiles..")
                .should().dependOnClassesThat().resideInAnyPackage("software.amazon..", "javafx..",
                        "io.tablewarden.engine..", "io.tablewarden.store..", "io.tablewarden.ui..",
                        "io.tablewarden.cli..", "io.tablewarden.report..", "io.tablewarden.simulator..")
                .check(classes);
    }
}
