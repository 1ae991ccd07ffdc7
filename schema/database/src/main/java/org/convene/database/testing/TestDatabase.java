package org.convene.database.testing;

/**
 * How to reach one test database.
 *
 * @param jdbcUrl JDBC URL of the database
 * @param username user name
 * @param password password, possibly empty
 */
public record TestDatabase(String jdbcUrl, String username, String password) {
}
