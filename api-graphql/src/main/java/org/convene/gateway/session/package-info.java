/**
 * Sessions of events and their speakers (spec 4.4) through REST and GraphQL; the rules,
 * conflict detection included, are core's ({@code convene.session.v1.SessionService}).
 */
package org.convene.gateway.session;
