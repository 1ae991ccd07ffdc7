package org.convene.gateway.graphql;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;

/**
 * Documents parsed and validated once, by their text: clients send the same few documents
 * again and again with other variables, and parsing and validating took a sixth of the
 * gateway's time per request. Documents with errors are not kept. Bounded: when full, it
 * starts over.
 */
final class ParsedDocuments implements PreparsedDocumentProvider {

	private final Map<String, PreparsedDocumentEntry> documents = new ConcurrentHashMap<>();

	private final int capacity;

	ParsedDocuments(int capacity) {
		this.capacity = capacity;
	}

	@Override
	public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
			Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
		PreparsedDocumentEntry entry = this.documents.get(input.getQuery());
		if (entry == null) {
			entry = parseAndValidate.apply(input);
			if (!entry.hasErrors()) {
				if (this.documents.size() >= this.capacity) {
					this.documents.clear();
				}
				this.documents.put(input.getQuery(), entry);
			}
		}
		return CompletableFuture.completedFuture(entry);
	}

}
