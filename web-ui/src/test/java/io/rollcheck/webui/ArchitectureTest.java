package io.rollcheck.webui;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.vaadin.flow.router.Route;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The layering of the web UI: views call services only, and stay private to their feature. */
class ArchitectureTest {

    private static final JavaClasses UI = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.rollcheck.webui");

    @Test
    void ui_never_touches_repositories_or_the_database_layer() {
        noClasses().that().resideInAPackage("io.rollcheck.webui..")
                .should().dependOnClassesThat().haveSimpleNameEndingWith("Store")
                .orShould().dependOnClassesThat().resideInAPackage("io.rollcheck.platform.db..")
                .orShould().dependOnClassesThat().resideInAPackage("java.sql..")
                .check(UI);
    }

    @Test
    void views_are_package_private() {
        classes().that().areAnnotatedWith(Route.class).should().notBePublic().check(UI);
    }

    @Test
    void views_belong_to_one_site_and_are_prototype_beans() {
        classes().that().areAnnotatedWith(Route.class)
                .should().beAnnotatedWith(io.rollcheck.webui.site.SiteRoute.class)
                .andShould().beAnnotatedWith(io.micronaut.context.annotation.Prototype.class)
                .check(UI);
    }

    @Test
    void feature_packages_do_not_depend_on_each_other() {
        String[] features = {"signup", "operator", "portal", "account", "audit", "selfcheck", "admin.roster", "admin.org",
                "admin.campaign", "admin.branding", "signoff"};
        for (String feature : features) {
            noClasses().that().resideInAPackage("io.rollcheck.webui." + feature + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(
                            java.util.Arrays.stream(features)
                                    .filter(f -> !f.equals(feature))
                                    .map(f -> "io.rollcheck.webui." + f + "..")
                                    .toArray(String[]::new))
                    .check(UI);
        }
    }
}
