/**
 * The one place tests get a real PostgreSQL from: a server named by
 * {@code CONVENE_TEST_DATABASE_URL}, else a Testcontainers container when a Docker engine
 * answers, else an embedded server.
 */
package org.convene.database.testing;
