/**
 * Who is calling and what they may do: bearer tokens verified against the authorization
 * server's keys, API keys, the scopes and roles that rules in every feature check.
 */
package org.convene.core.auth;
