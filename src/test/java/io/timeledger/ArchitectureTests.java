package io.timeledger;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.Slice;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.web.bind.annotation.RestController;

/** The layering of DESIGN.md §2, checked rather than hoped for. */
@AnalyzeClasses(packages = "io.timeledger", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    @ArchTest
    static final ArchRule coreKnowsNothingOfTheOuterLayers = noClasses()
        .that().resideInAPackage("io.timeledger.core..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "io.timeledger.api..", "io.timeledger.auth..", "io.timeledger.web..", "io.timeledger.admin..",
            "io.timeledger.database..")
        .because("the domain is plain Java plus Spring's JDBC and transactions");

    @ArchTest
    static final ArchRule coreUsesNeitherSpringWebNorJackson = noClasses()
        .that().resideInAPackage("io.timeledger.core..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "org.springframework.web..", "org.springframework.http..", "jakarta.servlet..",
            "tools.jackson..", "com.fasterxml.jackson..", "org.springframework.security..")
        .because("HTTP and JSON belong to the dialects");

    @ArchTest
    static final ArchRule dialectsNeverUseEachOther = slices()
        .matching("io.timeledger.api.(*)..")
        .that(DescribedPredicate.describe("are dialects", (Slice slice) -> !slice.getDescription().contains("common")))
        .should().notDependOnEachOther()
        .because("a dialect maps one vendor's JSON; what two share lives in api.common");

    @ArchTest
    static final ArchRule repositoriesStayInsideTheirFeature = classes()
        .that().areAnnotatedWith(Repository.class)
        .should().notBePublic()
        .because("a feature's public door is its service; its SQL stays package-private");

    @ArchTest
    static final ArchRule controllersStayInTheDialects = classes()
        .that().areAnnotatedWith(RestController.class)
        .should().resideInAPackage("io.timeledger.api..")
        .andShould().notBePublic();

    @ArchTest
    static final ArchRule controllersDoNotTouchTheDatabase = noClasses()
        .that().resideInAPackage("io.timeledger.api..")
        .should().dependOnClassesThat().resideInAnyPackage("org.springframework.jdbc..", "java.sql..")
        .because("a dialect controller parses, calls one core service, and renders");

    @ArchTest
    static final ArchRule pagesDoNotTouchTheDatabaseNorTheDialects = noClasses()
        .that().resideInAPackage("io.timeledger.web..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "org.springframework.jdbc..", "java.sql..", "io.timeledger.api..")
        .because("a page, like a dialect, calls the core and auth services");

    @ArchTest
    static final ArchRule featurePackagesAreFreeOfCycles = slices()
        .matching("io.timeledger.core.(*)..")
        .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule sqlRunsOnlyInRepositories = noClasses()
        .that().areNotAnnotatedWith(Repository.class)
        .and().resideOutsideOfPackage("io.timeledger.database..")
        // Spring Authorization Server's own JDBC store of registered clients, configured there
        .and().doNotHaveSimpleName("AuthorizationServerConfiguration")
        .should().callMethod(JdbcClient.class, "sql", String.class)
        .orShould().dependOnClassesThat().areAssignableTo(JdbcTemplate.class)
        .orShould().dependOnClassesThat().areAssignableTo(NamedParameterJdbcTemplate.class)
        .because("a feature's SQL is in its repositories, where the next reader looks for it");

    @ArchTest
    static final ArchRule theOuterLayersKeepTheirPlaces = layeredArchitecture().consideringOnlyDependenciesInLayers()
        .layer("Application").definedBy("io.timeledger")
        .layer("Api").definedBy("io.timeledger.api..")
        .layer("Web").definedBy("io.timeledger.web..")
        .layer("Admin").definedBy("io.timeledger.admin..")
        .layer("Auth").definedBy("io.timeledger.auth..")
        .layer("Database").definedBy("io.timeledger.database..")
        .layer("Core").definedBy("io.timeledger.core..")
        .whereLayer("Api").mayOnlyBeAccessedByLayers("Application")
        .whereLayer("Web").mayOnlyBeAccessedByLayers("Application")
        .whereLayer("Admin").mayOnlyBeAccessedByLayers("Application")
        .whereLayer("Auth").mayOnlyBeAccessedByLayers("Application", "Api", "Web", "Admin")
        .whereLayer("Database").mayOnlyBeAccessedByLayers("Application")
        .whereLayer("Core").mayOnlyBeAccessedByLayers("Application", "Api", "Web", "Admin", "Auth", "Database")
        .because("the dialects, the pages and the command line stand on auth and core; the database layer "
            + "runs PostgreSQL and hears its announcements; none reaches into another");
}
