/**
 * core's view of connectors-grpc, which it calls for everything that leaves Convene.
 */
package org.convene.core.connectors;
