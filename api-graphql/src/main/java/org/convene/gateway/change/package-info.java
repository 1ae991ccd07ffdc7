/**
 * GraphQL subscriptions over WebSocket: each one a {@code ChangeService.WatchChanges} stream
 * of core, forwarded with the connection's credentials; every rule is core's.
 */
package org.convene.gateway.change;
