/**
 * api-graphql: the gateway. GraphQL and the REST /api/v1 facade for the outside world,
 * gRPC to core-grpc and connectors-grpc behind it. It holds no domain state.
 */
package org.convene.gateway;
