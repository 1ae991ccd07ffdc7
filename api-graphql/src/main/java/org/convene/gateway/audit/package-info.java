/**
 * The audit log: what the gateway handles without calling core — sign-ins, token requests,
 * client administration — reported to core's log in batches, and the log read back by
 * administrators through REST and GraphQL.
 */
package org.convene.gateway.audit;
