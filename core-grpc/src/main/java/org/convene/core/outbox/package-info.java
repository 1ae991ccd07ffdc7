/**
 * The transactional outbox: every change records its domain event here, in the same
 * transaction, for delivery to webhooks and subscriptions.
 */
package org.convene.core.outbox;
