package io.luxaris.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The layering of luxaris-core (docs/architecture.md §1–2), enforced. */
class LayeringTest {
    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.luxaris");

    @Test
    void theDomain_dependsOnNoApplicationEngineOrStorageCode() {
        noClasses()
                .that()
                .resideInAPackage("io.luxaris.domain..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.luxaris.usecase..",
                        "io.luxaris.internal..",
                        "io.luxaris.memory..",
                        "io.luxaris.spi..",
                        "io.luxaris.generation..")
                .orShould()
                .dependOnClassesThat()
                .haveFullyQualifiedName("io.luxaris.Luxaris")
                .check(CORE);
    }

    @Test
    void theSpis_doNotDependOnImplementations() {
        noClasses()
                .that()
                .resideInAPackage("io.luxaris.spi..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.luxaris.usecase..", "io.luxaris.internal..", "io.luxaris.memory..")
                .check(CORE);
    }

    @Test
    void useCases_doNotDependOnTheEngineOrTheInMemoryStore() {
        noClasses()
                .that()
                .resideInAnyPackage("io.luxaris.usecase..", "io.luxaris.internal.usecase..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.luxaris.internal.engine..", "io.luxaris.memory..")
                .check(CORE);
    }

    @Test
    void theUseCaseApi_dependsOnNoImplementation() {
        noClasses()
                .that()
                .resideInAPackage("io.luxaris.usecase..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.luxaris.internal..", "io.luxaris.memory..", "io.luxaris.generation..")
                .check(CORE);
    }

    @Test
    void thePackages_areFreeOfCycles() {
        slices().matching("io.luxaris.(*)..").should().beFreeOfCycles().check(CORE);
    }

    /** Package by package, not only top-level areas: {@code internal} and {@code internal.engine} may not cycle. */
    @Test
    void everySinglePackage_isFreeOfCycles() {
        slices().matching("io.luxaris.(**)").should().beFreeOfCycles().check(CORE);
    }

    @Test
    void theRootPackage_holdsTheFacadeOnly() {
        classes()
                .that()
                .resideInAPackage("io.luxaris")
                .should()
                .haveNameMatching("io\\.luxaris\\.(Luxaris(\\$.*)?|package-info)")
                .check(CORE);
    }

    @Test
    void nothingButTheFacade_dependsOnTheRootPackage() {
        noClasses()
                .that()
                .resideOutsideOfPackage("io.luxaris")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.luxaris")
                .check(CORE);
    }

    @Test
    void theEngine_usesStorageOnlyThroughTheSpi() {
        noClasses()
                .that()
                .resideInAPackage("io.luxaris.internal.engine..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.luxaris.memory..", "io.luxaris.usecase..", "io.luxaris.internal.usecase..")
                .check(CORE);
    }

    @Test
    void core_importsNoAdapterLibrary() {
        noClasses()
                .that()
                .resideInAPackage("io.luxaris..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "com.fasterxml..",
                        "org.jdbi..",
                        "okhttp3..",
                        "com.google.crypto..",
                        "java.sql..",
                        "com.zaxxer..",
                        "org.flywaydb..",
                        "com.twitter..",
                        "com.google.common..")
                .check(CORE);
    }
}
