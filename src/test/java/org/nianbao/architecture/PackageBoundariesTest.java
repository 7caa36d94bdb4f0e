package org.nianbao.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The packages follow the flow — read → extract facts → assess (rules) → score → store / present — and no package
 * depends on one that depends on it.
 */
class PackageBoundariesTest {

    private static final JavaClasses PROJECT = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.nianbao");

    @Test
    void noPackageDependsOnAPackageThatDependsOnIt() {
        slices().matching("org.nianbao.(*)..").should().beFreeOfCycles().check(PROJECT);
    }

    @Test
    void theFactModelAndTheReadersDependOnNoOtherPartOfTheProject() {
        noClasses().that().resideInAnyPackage("org.nianbao.report..", "org.nianbao.reading..")
                .should().dependOnClassesThat().resideInAnyPackage("org.nianbao.extraction..", "org.nianbao.rules..",
                        "org.nianbao.scoring..", "org.nianbao.assessment..", "org.nianbao.policy..", "org.nianbao.store..",
                        "org.nianbao.submission..", "org.nianbao.web..", "org.nianbao.cli..", "org.nianbao.export..",
                        "org.nianbao.accounts..")
                .check(PROJECT);
    }

    @Test
    void readingAssessingAndScoringKnowNothingOfTheDatabaseTheWebOrTheCommandLine() {
        noClasses().that().resideInAnyPackage("org.nianbao.reading..", "org.nianbao.extraction..", "org.nianbao.rules..",
                        "org.nianbao.scoring..", "org.nianbao.assessment..")
                .should().dependOnClassesThat().resideInAnyPackage("org.nianbao.store..", "org.nianbao.policy..",
                        "org.nianbao.submission..", "org.nianbao.web..", "org.nianbao.cli..", "org.nianbao.accounts..",
                        "org.springframework.jdbc..", "org.springframework.web..")
                .check(PROJECT);
    }

    @Test
    void nothingButTheWebDependsOnTheWebOrOnAccounts() {
        noClasses().that().resideOutsideOfPackages("org.nianbao.web..", "org.nianbao.accounts..")
                .should().dependOnClassesThat().resideInAnyPackage("org.nianbao.web..", "org.nianbao.accounts..")
                .check(PROJECT);
    }
}
