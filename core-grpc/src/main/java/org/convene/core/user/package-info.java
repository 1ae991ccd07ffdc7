/**
 * Users: the people who organise, speak at and attend events, with their roles, speaker
 * profiles, preferences and credentials (Argon2 password hashes, linked external identities).
 */
package org.convene.core.user;
