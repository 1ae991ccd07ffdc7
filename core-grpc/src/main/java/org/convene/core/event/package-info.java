/**
 * Events: standalone events, series with their generated occurrences, sub-events, their
 * lifecycle (draft, published, cancelled, completed), listing and statistics.
 */
package org.convene.core.event;
