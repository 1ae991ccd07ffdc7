package org.convene.connectors;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The boundaries of the architecture: connectors keep no domain state and never call core. */
class ArchitectureTests {

	private final JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("org.convene.connectors");

	@Test
	void neverCallsCoreNorReadsTheDomainTables() {
		noClasses().should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.convene.core..", "org.convene.schema..", "org.convene.gateway..", "org.jooq..")
			.check(this.classes);
	}

	@Test
	void hasNoPackageCycles() {
		slices().matching("org.convene.connectors.(*)..").should().beFreeOfCycles().allowEmptyShould(true).check(this.classes);
	}

}
