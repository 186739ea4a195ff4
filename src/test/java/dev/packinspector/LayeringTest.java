package dev.packinspector;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** DESIGN.md §2: only the app layer touches JavaFX, and lower layers never depend on higher ones. */
class LayeringTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importProductionClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.packinspector");
    }

    @Test
    void onlyTheAppLayerUsesJavaFx() {
        noClasses().that().resideOutsideOfPackage("dev.packinspector.app..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void storeDependsOnNoOtherLayer() {
        noClasses().that().resideInAPackage("dev.packinspector.store..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.packinspector.catalog..", "dev.packinspector.restore..",
                        "dev.packinspector.cli..", "dev.packinspector.app..")
                .check(classes);
    }

    @Test
    void blobPacksDoNotDependOnTheTreePack() {
        // store.tree builds on the blob-pack layer's ids, hashing and mappings; never the other way round
        noClasses().that().resideInAPackage("dev.packinspector.store")
                .should().dependOnClassesThat().resideInAPackage("dev.packinspector.store.tree")
                .check(classes);
    }

    @Test
    void engineLayersDoNotDependOnFrontEnds() {
        noClasses().that().resideInAnyPackage("dev.packinspector.catalog..", "dev.packinspector.restore..", "dev.packinspector.history..",
                        "dev.packinspector.workspace..", "dev.packinspector.mount..", "dev.packinspector.legacy..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.packinspector.cli..", "dev.packinspector.app..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void onlyTheMountPackageTouchesFuse() {
        noClasses().that().resideOutsideOfPackage("dev.packinspector.mount..")
                .should().dependOnClassesThat().resideInAnyPackage("org.cryptomator.jfuse..")
                .check(classes);
    }

    @Test
    void theUsersSentenceAndTheVersionDependOnNoFrontEnd() {
        // both front ends use them: Errors.sentence and Version must stay UI-free
        noClasses().that().belongToAnyOf(Errors.class, Version.class)
                .should().dependOnClassesThat().resideInAnyPackage("dev.packinspector.cli..", "dev.packinspector.app..", "javafx..")
                .check(classes);
    }
}
