/**
 * Tickets and check-in through REST and GraphQL: translations of {@code convene.ticket.v1};
 * every rule is core's.
 */
package org.convene.gateway.checkin;
