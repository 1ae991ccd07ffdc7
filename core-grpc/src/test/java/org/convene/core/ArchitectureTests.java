package org.convene.core;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The package structure of core-grpc: features that do not tangle, and no reach into other services. */
class ArchitectureTests {

	private static final JavaClasses CORE = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
		.importPackages("org.convene.core")
		.that(resideOutsideOfPackage("org.convene.core.v1.proto.."));

	@Test
	void hasNoCyclesBetweenItsPackages() {
		slices().matching("org.convene.core.(*)..").should().beFreeOfCycles().check(CORE);
	}

	@Test
	void neverDependsOnTheGatewayOrTheConnectorsBeyondTheirGeneratedStubs() {
		noClasses().that()
			.resideInAPackage("org.convene.core..")
			.should()
			.dependOnClassesThat(resideInAPackage("org.convene.gateway..")
				.or(resideInAPackage("org.convene.connectors..")
					.and(resideOutsideOfPackage("org.convene.connectors.v1.proto.."))))
			.check(CORE);
	}

	@Test
	void keepsGrpcServicesPackagePrivateInTheirFeaturePackages() {
		classes().that()
			.haveSimpleNameEndingWith("GrpcService")
			.should()
			.bePackagePrivate()
			.andShould()
			.resideInAPackage("org.convene.core.*")
			.andShould()
			.resideOutsideOfPackages("org.convene.core.grpc", "org.convene.core.paging", "org.convene.core.outbox")
			.check(CORE);
	}

}
