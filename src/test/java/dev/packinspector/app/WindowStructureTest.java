package dev.packinspector.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * DESIGN.md §2b: the window's packages. A feature uses {@code common} and {@code session}, never
 * another feature; only {@code shell} wires features together; nothing depends upward on the shell
 * or the entry points; {@code common} and {@code session} know no feature.
 */
class WindowStructureTest {
    private static final String APP = "dev.packinspector.app";
    private static final List<String> FEATURES = List.of("snapshots", "packs", "objects", "preview", "problems", "history", "restore");
    private static JavaClasses classes;

    @BeforeAll
    static void importProductionClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(APP);
    }

    @Test
    void aFeatureUsesNoOtherFeature() {
        for (String feature : FEATURES) {
            String[] others = FEATURES.stream().filter(f -> !f.equals(feature)).map(f -> APP + "." + f + "..").toArray(String[]::new);
            noClasses().that().resideInAPackage(APP + "." + feature + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(others)
                    .because("only the shell wires features together")
                    .check(classes);
        }
    }

    @Test
    void onlyTheEntryPointsUseTheShell() {
        noClasses().that().resideInAnyPackage(APP + ".common..", APP + ".session..", APP + ".snapshots..", APP + ".packs..", APP + ".objects..",
                APP + ".preview..", APP + ".problems..", APP + ".history..", APP + ".restore..")
                .should().dependOnClassesThat().resideInAnyPackage(APP + ".shell..")
                .check(classes);
    }

    @Test
    void nothingUsesTheEntryPoints() {
        noClasses().that().resideInAPackage(APP + ".(*)..")
                .should().dependOnClassesThat().resideInAPackage(APP)
                .check(classes);
    }

    @Test
    void commonAndSessionKnowNoFeature() {
        noClasses().that().resideInAnyPackage(APP + ".common..", APP + ".session..")
                .should().dependOnClassesThat().resideInAnyPackage(FEATURES.stream().map(f -> APP + "." + f + "..").toArray(String[]::new))
                .check(classes);
    }

    @Test
    void commonKnowsNoSession() {
        noClasses().that().resideInAPackage(APP + ".common..")
                .should().dependOnClassesThat().resideInAPackage(APP + ".session..")
                .check(classes);
    }
}
