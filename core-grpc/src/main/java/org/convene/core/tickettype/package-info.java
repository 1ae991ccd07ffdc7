/**
 * Ticket types: the kinds of ticket an event sells, with their price, quantity, sales window,
 * order and per-user limits, visibility and the questions asked of each attendee.
 */
package org.convene.core.tickettype;
