/**
 * Users: the people who organise, speak at and attend events.
 */
package org.convene.core.user;
