/**
 * The local platform: one command starts an embedded PostgreSQL and the three services as
 * separate processes, configured by the same environment variables as docker-compose.yml.
 */
package org.convene.gateway.launcher;
