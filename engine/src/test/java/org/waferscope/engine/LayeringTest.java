package org.waferscope.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The engine knows nothing of JavaFX, the views or the app, and its packages form no cycles. */
class LayeringTest {
    private static JavaClasses engine;

    @BeforeAll
    static void importEngine() {
        engine = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.waferscope.engine");
    }

    @Test
    void engineDoesNotUseJavaFx() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("javafx..")
                .check(engine);
    }

    @Test
    void engineDoesNotUseViewsOrApp() {
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("org.waferscope.views..", "org.waferscope.app..")
                .check(engine);
    }

    @Test
    void enginePackagesHaveNoCycles() {
        slices().matching("org.waferscope.engine.(*)..").should().beFreeOfCycles().check(engine);
    }
}
