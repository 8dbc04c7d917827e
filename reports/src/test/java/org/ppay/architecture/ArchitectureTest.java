package org.ppay.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The project's structure as rules that fail when it drifts: the one-way arrows between the modules, and no cycles
 * between packages. Reads the compiled classes of every module (the reports module sees them all: as class folders in
 * a reactor's test phase, as jars in its verify phase).
 */
class ArchitectureTest {

    private static final JavaClasses PPAY = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.ppay");

    @Test
    void shouldKeepTheModulesArrowsOneWay() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("core").definedBy("org.ppay.core..")
                .layer("benchmarks").definedBy("org.ppay.bench..")
                .layer("cost-calibration").definedBy("org.ppay.costs..")
                .layer("simulator").definedBy("org.ppay.sim..")
                .layer("validation").definedBy("org.ppay.validation..")
                .layer("reports").definedBy("org.ppay.reports..", "org.ppay.cli..")
                .whereLayer("reports").mayNotBeAccessedByAnyLayer()
                .whereLayer("validation").mayOnlyBeAccessedByLayers("reports")
                .whereLayer("simulator").mayOnlyBeAccessedByLayers("validation", "reports")
                .whereLayer("cost-calibration").mayOnlyBeAccessedByLayers("simulator", "validation", "reports")
                .whereLayer("benchmarks").mayOnlyBeAccessedByLayers("reports")
                .check(PPAY);
    }

    @Test
    void shouldHaveNoCyclesBetweenModules() {
        slices().matching("org.ppay.(*)..").should().beFreeOfCycles().check(PPAY);
    }

    /**
     * No cycles between packages, but one known and named: the simulator's models (churn, credit, guess) read their
     * settings from {@code SimulationParameters} and {@code WindowType}, declared in the root package that builds the
     * models. Any other dependency closing a cycle fails.
     */
    @Test
    void shouldHaveNoCyclesBetweenPackagesButTheModelsParameters() {
        slices().matching("org.ppay.(**)").should().beFreeOfCycles()
                .ignoreDependency(resideInAnyPackage("org.ppay.sim.churn..", "org.ppay.sim.credit..",
                        "org.ppay.sim.guess.."), name("org.ppay.sim.SimulationParameters")
                        .or(name("org.ppay.sim.WindowType")))
                .check(PPAY);
    }

    /** The frame between processes and the placement of an exchange's ends are declared once, in core. */
    @Test
    void shouldDeclareTheFrameHeaderAndThePlacementOnlyInCore() {
        noFields().that().areStatic().and().haveNameMatching(".*HEADER_BYTES")
                .should().beDeclaredInClassesThat().resideOutsideOfPackage("org.ppay.core..")
                .because("the inter-process frame header is core's FrameHeader")
                .allowEmptyShould(true).check(PPAY);
        classes().that().haveSimpleName("Placement").should().resideInAPackage("org.ppay.core.transport")
                .check(PPAY);
    }
}
