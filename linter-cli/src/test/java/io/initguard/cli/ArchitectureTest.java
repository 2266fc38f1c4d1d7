package io.initguard.cli;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Modules depend downward only: cli -> rules -> core, never back. */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void load() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.initguard");
    }

    @Test
    void allThreeModulesAreImported() {
        for (String pkg : new String[]{"io.initguard.core", "io.initguard.rules", "io.initguard.cli"}) {
            assertTrue(classes.stream().anyMatch(c -> c.getPackageName().startsWith(pkg)), "no classes in " + pkg);
        }
    }

    @Test
    void coreDependsOnNeitherRulesNorCli() {
        noClasses().that().resideInAPackage("io.initguard.core..")
                .should().dependOnClassesThat().resideInAnyPackage("io.initguard.rules..", "io.initguard.cli..")
                .check(classes);
    }

    @Test
    void rulesDoNotDependOnCli() {
        noClasses().that().resideInAPackage("io.initguard.rules..")
                .should().dependOnClassesThat().resideInAPackage("io.initguard.cli..")
                .check(classes);
    }
}
