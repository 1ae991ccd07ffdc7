/**
 * Convene's own OAuth 2.1 / OpenID Connect authorization server: clients, authorizations,
 * consents and signing keys in PostgreSQL; users authenticated by core-grpc; tokens that
 * core verifies with the published keys.
 */
package org.convene.gateway.auth;
