package org.aigaq;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

/** Keeps the package layout: capabilities over a small platform, dependencies pointing toward the platform. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.aigaq");

    private static final DescribedPredicate<JavaClass> CAPABILITY = DescribedPredicate.describe("a capability",
            c -> c.getPackageName().startsWith("org.aigaq.") && !c.getPackageName().startsWith("org.aigaq.platform"));

    @Test
    void thePlatformDependsOnNoCapability() {
        noClasses().that().resideInAPackage("org.aigaq.platform..")
                .should().dependOnClassesThat(CAPABILITY)
                .because("capabilities build on the platform, never the other way round")
                .check(CLASSES);
    }

    @Test
    void packagesDoNotDependOnEachOtherInCycles() {
        slices().matching("org.aigaq.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void nobodyReachesIntoAnotherCapabilitysWebApiOrStore() {
        for (String layer : new String[] {"web", "api", "store"}) {
            slices().matching("org.aigaq.(*).." + layer + "..").should().notDependOnEachOther().allowEmptyShould(true).check(CLASSES);
            noClasses().that().resideOutsideOfPackages("org.aigaq.platform..")
                    .should().dependOnClassesThat().resideInAPackage("org.aigaq.platform.." + layer + "..")
                    .allowEmptyShould(true).check(CLASSES);
        }
    }

    @Test
    void controllersLiveInWebOrApiPackages() {
        classes().that().areAnnotatedWith(Controller.class).should().resideInAPackage("..web..").check(CLASSES);
        classes().that().areAnnotatedWith(RestController.class).should().resideInAPackage("..api..").check(CLASSES);
    }
}
