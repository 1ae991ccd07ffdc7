package org.convene.gateway.graphql;

import java.util.Locale;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.IntValue;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;

/** {@code Long}: a 64-bit integer (GraphQL's Int has 32 bits), e.g. money in minor units. */
final class LongScalar {

	static final GraphQLScalarType INSTANCE = GraphQLScalarType.newScalar()
		.name("Long")
		.description("A 64-bit integer, e.g. an amount of money in minor units")
		.coercing(new LongCoercing())
		.build();

	private LongScalar() {
	}

	private static final class LongCoercing implements Coercing<Long, Long> {

		@Override
		public Long serialize(Object value, GraphQLContext context, Locale locale) {
			if (value instanceof Number number) {
				return number.longValue();
			}
			throw new CoercingSerializeException("Not a 64-bit integer: " + value);
		}

		@Override
		public Long parseValue(Object input, GraphQLContext context, Locale locale) {
			if (input instanceof Integer || input instanceof Long) {
				return ((Number) input).longValue();
			}
			if (input instanceof String text) {
				try {
					return Long.parseLong(text);
				}
				catch (NumberFormatException ex) {
					// reported below
				}
			}
			throw new CoercingParseValueException("Expected a 64-bit integer, got " + input);
		}

		@Override
		public Long parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
			try {
				if (input instanceof IntValue number) {
					return number.getValue().longValueExact();
				}
				if (input instanceof StringValue text) {
					return Long.parseLong(text.getValue());
				}
			}
			catch (ArithmeticException | NumberFormatException ex) {
				// reported below
			}
			throw new CoercingParseLiteralException("Expected a 64-bit integer");
		}

	}

}
