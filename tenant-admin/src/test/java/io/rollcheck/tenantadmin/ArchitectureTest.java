package io.rollcheck.tenantadmin;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

class ArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.rollcheck.tenantadmin");

    @Test
    void tenant_admin_depends_on_platform_and_libraries_only() {
        noClasses().that().resideInAPackage("io.rollcheck.tenantadmin..")
                .should().dependOnClassesThat().resideInAnyPackage("io.rollcheck.webui..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void controllers_never_touch_raw_connections() {
        noClasses().that().areAnnotatedWith(io.micronaut.http.annotation.Controller.class)
                .should().dependOnClassesThat().resideInAPackage("io.rollcheck.platform.db..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void the_record_reads_no_http() {
        noClasses().that().resideInAPackage("io.rollcheck.tenantadmin.record..")
                .and().areNotAnnotatedWith(io.micronaut.http.annotation.Controller.class)
                .and().haveNameNotMatching(".*\\.\\$.*") // Micronaut's generated bean definitions
                .should().dependOnClassesThat().resideInAnyPackage("io.micronaut.http..")
                .check(classes);
    }
}
