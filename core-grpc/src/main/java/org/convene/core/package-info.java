/**
 * core-grpc: Convene's domain, one package per feature, served over gRPC.
 */
package org.convene.core;
