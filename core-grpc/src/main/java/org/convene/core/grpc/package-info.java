/**
 * What every gRPC call into core passes through: its request context (correlation id,
 * caller, client address) and the translation of failures into statuses.
 */
package org.convene.core.grpc;
