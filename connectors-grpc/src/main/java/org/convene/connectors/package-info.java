/**
 * connectors-grpc: one package per external system, behind gRPC services core calls.
 * It keeps no domain state and never calls core.
 */
package org.convene.connectors;
