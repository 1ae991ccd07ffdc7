/**
 * The audit log: every call core serves (and what the gateway reports of its own), written
 * in batches off the request path, and read by administrators with the changes each caused.
 */
package org.convene.core.audit;
