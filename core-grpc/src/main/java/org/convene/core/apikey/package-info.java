/**
 * API keys for server-to-server integrations: created by organizers and administrators,
 * acting for their owner within their scopes, stored only as hashes.
 */
package org.convene.core.apikey;
