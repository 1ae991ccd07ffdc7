/**
 * Administration of OAuth clients: register, list, rotate a secret, disable. Administrators
 * only; clients live in the authorization server's own tables.
 */
package org.convene.gateway.client;
