/**
 * What the gateway handles without calling core — sign-ins, token requests, client
 * administration — reported to core's audit log in batches.
 */
package org.convene.gateway.audit;
