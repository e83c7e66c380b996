package org.waferscope.views;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.waferscope.engine.arch.ArchProfile;
import org.waferscope.engine.arch.Direction;
import org.waferscope.engine.arch.ElementType;
import org.waferscope.engine.ir.SourcePos;
import org.waferscope.engine.program.WaferProgram;

/**
 * Views see the engine only through {@code engine.api} and the value types it references;
 * they never hop threads themselves (only the app calls {@code Platform}), never reach into
 * the app, and their packages form no cycles.
 */
class ViewsLayeringTest {
    private static JavaClasses views;

    @BeforeAll
    static void importViews() {
        views = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.waferscope.views");
    }

    @Test
    void viewsUseOnlyTheEngineApi() {
        noClasses().should().dependOnClassesThat(resideInAPackage("org.waferscope.engine..")
                        .and(not(resideInAPackage("org.waferscope.engine.api..")))
                        .and(not(belongToAnyOf(ArchProfile.class, Direction.class, ElementType.class, SourcePos.class,
                                WaferProgram.class))))
                .check(views);
    }

    @Test
    void viewsDoNotHopThreads() {
        noClasses().should().dependOnClassesThat().haveFullyQualifiedName("javafx.application.Platform")
                .check(views);
    }

    @Test
    void viewsDoNotUseTheApp() {
        noClasses().should().dependOnClassesThat().resideInAPackage("org.waferscope.app..").check(views);
    }

    @Test
    void viewPackagesHaveNoCycles() {
        slices().matching("org.waferscope.views.(*)..").should().beFreeOfCycles().check(views);
    }
}
