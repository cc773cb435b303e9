package io.tablewarden.platform;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The platform package sits below every layer, so it may use nothing of ours and no library. */
class PlatformIndependenceTest {

    @Test
    void platformDependsOnlyOnTheJdk() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.tablewarden.platform");
        noClasses().that().resideInAPackage("io.tablewarden.platform..")
                .should().dependOnClassesThat().resideOutsideOfPackages("io.tablewarden.platform..", "java..")
                .check(classes);
    }
}
