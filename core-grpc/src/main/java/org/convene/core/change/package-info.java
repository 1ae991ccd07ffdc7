/**
 * Live changes: the outbox's domain events, heard as they commit, fanned out to the open
 * {@code ChangeService.WatchChanges} streams allowed to see them.
 */
package org.convene.core.change;
