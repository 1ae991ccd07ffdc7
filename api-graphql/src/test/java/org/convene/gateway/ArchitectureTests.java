package org.convene.gateway;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The gateway holds no domain state: it reaches the domain only through the services' gRPC contracts. */
class ArchitectureTests {

	private final JavaClasses gateway = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("org.convene.gateway");

	@Test
	void neverReadsTheDomainTables() {
		noClasses().should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.convene.schema..", "org.jooq..")
			.check(this.gateway);
	}

	/**
	 * Its own tables (schema "gateway", the connections' only search path) belong to the
	 * authorization server and its federated sign-in.
	 */
	@Test
	void usesTheDatabaseOnlyForSigningIn() {
		noClasses().that()
			.resideOutsideOfPackages("org.convene.gateway.auth..", "org.convene.gateway.federation..",
					"org.convene.gateway.launcher..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("java.sql..", "javax.sql..", "org.springframework.jdbc..")
			.check(this.gateway);
	}

	@Test
	void reachesCoreOnlyThroughItsGrpcContract() {
		noClasses().should()
			.dependOnClassesThat(com.tngtech.archunit.base.DescribedPredicate.describe("core classes other than its contract",
					c -> c.getPackageName().startsWith("org.convene.core")
							&& !c.getPackageName().startsWith("org.convene.core.v1.proto")))
			.orShould()
			.dependOnClassesThat()
			.resideInAnyPackage("org.convene.connectors..")
			.check(this.gateway);
	}

	@Test
	void usesTheEmbeddedDatabaseOnlyToLaunchThePlatform() {
		noClasses().that()
			.resideOutsideOfPackage("org.convene.gateway.launcher..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.convene.database..")
			.check(this.gateway);
	}

	@Test
	void hasNoPackageCycles() {
		slices().matching("org.convene.gateway.(*)..").should().beFreeOfCycles().check(this.gateway);
	}

}
