package org.convene.gateway.graphql;

import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;

import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/** Scalars and the limits that keep one query from exhausting the gateway. */
@Configuration(proxyBeanMethods = false)
class GraphQlConfiguration {

	/** Deeper queries are refused before they run. */
	static final int MAX_DEPTH = 12;

	/** Queries selecting more fields than this (lists counted once) are refused before they run. */
	static final int MAX_COMPLEXITY = 1000;

	@Bean
	RuntimeWiringConfigurer scalars() {
		return wiring -> wiring.scalar(DateTimeScalar.INSTANCE).scalar(LongScalar.INSTANCE);
	}

	/** A schema field no controller or property serves fails the start-up instead of answering null. */
	@Bean
	GraphQlSourceBuilderCustomizer failOnUnmappedFields() {
		return builder -> builder.inspectSchemaMappings(report -> {
			if (!report.unmappedFields().isEmpty() || !report.unmappedArguments().isEmpty()
					|| !report.unmappedRegistrations().isEmpty()) {
				throw new IllegalStateException("GraphQL schema is not fully mapped:\n" + report);
			}
		});
	}

	@Bean
	GraphQlSourceBuilderCustomizer parsedDocuments() {
		return builder -> builder.configureGraphQl(graphQl -> graphQl.preparsedDocumentProvider(new ParsedDocuments(1000)));
	}

	@Bean
	MaxQueryDepthInstrumentation maxQueryDepth() {
		return new MaxQueryDepthInstrumentation(MAX_DEPTH);
	}

	@Bean
	MaxQueryComplexityInstrumentation maxQueryComplexity() {
		return new MaxQueryComplexityInstrumentation(MAX_COMPLEXITY);
	}

}
