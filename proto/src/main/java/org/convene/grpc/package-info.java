/**
 * Hand-written companions of the generated contracts: the metadata keys every call may
 * carry and the one translation between {@link org.convene.common.v1.proto.ErrorCode}s and
 * gRPC statuses, used by the services to fail calls and by the gateway to read failures.
 */
package org.convene.grpc;
