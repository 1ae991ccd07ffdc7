/**
 * Convene's PostgreSQL: the Liquibase changelogs, an embedded server for local runs,
 * and the build-time jOOQ generator that reads the schema from a real server.
 */
package org.convene.database;
