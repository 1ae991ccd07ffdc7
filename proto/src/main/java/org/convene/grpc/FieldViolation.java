package org.convene.grpc;

/**
 * One invalid input field.
 *
 * @param field path of the field in the caller's terms, e.g. {@code venue.address.country}
 * @param description what is wrong and what is expected
 */
public record FieldViolation(String field, String description) {
}
