/**
 * The doors of webhook subscriptions: REST {@code /api/v1/webhooks} and GraphQL, both over
 * core's {@code WebhookService}.
 */
package org.convene.gateway.webhook;
