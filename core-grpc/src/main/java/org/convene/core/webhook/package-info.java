/**
 * Webhook subscriptions: where partners, organizers and administrators want Convene's domain
 * events delivered, the event types they want, how failures are retried, and the secrets
 * deliveries are signed with.
 */
package org.convene.core.webhook;
