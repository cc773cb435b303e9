package io.tablewarden.simulator;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

/** The simulator stands alone: JDK and Jackson only, nothing from the application it serves. */
class SimulatorArchitectureTest {

    @Test
    void simulatorDependsOnTheJdkAndJacksonOnly() {
        JavaClasses simulator = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.tablewarden.simulator");
        classes().that().resideInAPackage("io.tablewarden.simulator..")
                .should().onlyDependOnClassesThat()
                .resideInAnyPackage("io.tablewarden.simulator..", "java..", "javax..", "com.fasterxml.jackson..",
                        "com.sun.net.httpserver..", "")
                .check(simulator);
    }
}
