/**
 * Ticket types and registrations through REST and GraphQL: translations of
 * {@code convene.registration.v1}; every rule is core's.
 */
package org.convene.gateway.registration;
