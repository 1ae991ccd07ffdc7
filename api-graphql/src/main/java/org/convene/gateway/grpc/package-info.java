/**
 * The gateway's gRPC clients of core-grpc and connectors-grpc: channels, the forwarding of
 * request context as metadata, and health of the backends.
 */
package org.convene.gateway.grpc;
