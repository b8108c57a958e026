package io.rollcheck.platform;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

class ArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.rollcheck.platform");

    @Test
    void platform_depends_on_libraries_only() {
        noClasses().that().resideInAPackage("io.rollcheck.platform..")
                .should().dependOnClassesThat().resideInAnyPackage("io.rollcheck.tenantadmin..", "io.rollcheck.webui..")
                .check(classes);
    }

    @Test
    void controllers_never_touch_stores_or_raw_connections() {
        noClasses().that().areAnnotatedWith(io.micronaut.http.annotation.Controller.class)
                .should().dependOnClassesThat().haveSimpleNameEndingWith("Store")
                .orShould().dependOnClassesThat().resideInAPackage("io.rollcheck.platform.db..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.sql.Connection")
                .check(classes);
    }

    @Test
    void nothing_below_the_edge_reads_host_headers() {
        noClasses().that().resideInAnyPackage("io.rollcheck.platform.db..", "io.rollcheck.platform.audit..",
                        "io.rollcheck.platform.cache..", "io.rollcheck.platform.crypto..")
                .and().areNotAnnotatedWith(io.micronaut.http.annotation.Controller.class)
                .and().haveNameNotMatching(".*\\.\\$.*") // Micronaut's generated bean definitions
                .should().dependOnClassesThat().resideInAnyPackage("io.micronaut.http..")
                .check(classes);
    }
}
