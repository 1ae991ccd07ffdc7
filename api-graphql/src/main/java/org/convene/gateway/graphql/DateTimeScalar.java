package org.convene.gateway.graphql;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;

/** {@code DateTime}: an RFC 3339 date-time with offset, read as {@link OffsetDateTime}. */
final class DateTimeScalar {

	static final GraphQLScalarType INSTANCE = GraphQLScalarType.newScalar()
		.name("DateTime")
		.description("An RFC 3339 date-time with offset, e.g. 2026-05-04T18:00:00+02:00")
		.coercing(new DateTimeCoercing())
		.build();

	private DateTimeScalar() {
	}

	private static final class DateTimeCoercing implements Coercing<OffsetDateTime, String> {

		@Override
		public String serialize(Object value, GraphQLContext context, Locale locale) {
			if (value instanceof OffsetDateTime time) {
				return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time);
			}
			if (value instanceof Instant instant) {
				return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atOffset(ZoneOffset.UTC));
			}
			if (value instanceof TemporalAccessor temporal) {
				return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(temporal);
			}
			throw new CoercingSerializeException("Not a date-time: " + value);
		}

		@Override
		public OffsetDateTime parseValue(Object input, GraphQLContext context, Locale locale) {
			if (input instanceof String text) {
				return parse(text, CoercingParseValueException::new);
			}
			throw new CoercingParseValueException("Expected an RFC 3339 date-time string");
		}

		@Override
		public OffsetDateTime parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context,
				Locale locale) {
			if (input instanceof StringValue text) {
				return parse(text.getValue(), CoercingParseLiteralException::new);
			}
			throw new CoercingParseLiteralException("Expected an RFC 3339 date-time string");
		}

		private static <E extends RuntimeException> OffsetDateTime parse(String text,
				java.util.function.Function<String, E> error) {
			try {
				return OffsetDateTime.parse(text);
			}
			catch (DateTimeParseException ex) {
				throw error.apply("'" + text + "' is not an RFC 3339 date-time with offset, e.g. 2026-05-04T18:00:00+02:00");
			}
		}

	}

}
