/**
 * Events through GraphQL and REST: both doors convert their input in one place
 * ({@link org.convene.gateway.event.EventInputs}), call EventService on core-grpc and
 * render the same {@link org.convene.gateway.event.EventView}.
 */
package org.convene.gateway.event;
