package org.convene.gateway.graphql;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import graphql.ExecutionInput;
import graphql.GraphQLError;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.language.Document;
import graphql.validation.ValidationError;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ParsedDocumentsTests {

	private final AtomicInteger parsed = new AtomicInteger();

	private final Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate = input -> {
		this.parsed.incrementAndGet();
		if (input.getQuery().contains("invalid")) {
			GraphQLError error = ValidationError.newValidationError().description("invalid").build();
			return new PreparsedDocumentEntry(List.of(error));
		}
		return new PreparsedDocumentEntry(Document.newDocument().build());
	};

	private PreparsedDocumentEntry get(ParsedDocuments documents, String query) {
		return documents.getDocumentAsync(ExecutionInput.newExecutionInput(query).build(), this.parseAndValidate).join();
	}

	@Test
	void parsesAndValidatesEachDocumentOnce() {
		ParsedDocuments documents = new ParsedDocuments(10);

		PreparsedDocumentEntry first = get(documents, "{ events { nodes { id } } }");
		PreparsedDocumentEntry again = get(documents, "{ events { nodes { id } } }");
		get(documents, "{ event(id: 1) { id } }");

		assertThat(again).isSameAs(first);
		assertThat(this.parsed).hasValue(2);
	}

	@Test
	void keepsNoDocumentWithErrors() {
		ParsedDocuments documents = new ParsedDocuments(10);

		get(documents, "{ invalid }");
		PreparsedDocumentEntry again = get(documents, "{ invalid }");

		assertThat(again.hasErrors()).isTrue();
		assertThat(this.parsed).hasValue(2);
	}

	@Test
	void startsOverWhenFull() {
		ParsedDocuments documents = new ParsedDocuments(1);

		get(documents, "{ a }");
		get(documents, "{ b }");
		get(documents, "{ a }");

		assertThat(this.parsed).hasValue(3);
	}

}
