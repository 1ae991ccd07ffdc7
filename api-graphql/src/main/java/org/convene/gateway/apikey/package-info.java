/**
 * API keys through GraphQL and REST: creating a key (its secret is shown only in that
 * answer), listing and revoking keys. Both doors convert their input in one place
 * ({@link org.convene.gateway.apikey.ApiKeyInputs}) and call ApiKeyService on core-grpc,
 * which decides who may hold a key and what it may grant.
 */
package org.convene.gateway.apikey;
