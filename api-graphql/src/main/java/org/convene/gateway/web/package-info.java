/**
 * Helpers every door shares for reading input: JSON and GraphQL input into protobuf
 * requests with field-level errors, and ETags.
 */
package org.convene.gateway.web;
