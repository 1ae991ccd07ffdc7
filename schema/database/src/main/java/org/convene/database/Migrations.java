package org.convene.database;

import java.sql.Connection;
import java.sql.SQLException;

import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;
import liquibase.resource.ClassLoaderResourceAccessor;

/** Applies changelogs outside Spring, for the code generator and tools. */
public final class Migrations {

	private Migrations() {
	}

	/** Applies the changelog over the connection, which Liquibase closes when done. */
	public static void apply(Changelog changelog, Connection connection) throws SQLException {
		try {
			Database database = DatabaseFactory.getInstance()
				.findCorrectDatabaseImplementation(new JdbcConnection(connection));
			database.setDatabaseChangeLogTableName(changelog.changelogTable());
			database.setDatabaseChangeLogLockTableName(changelog.lockTable());
			try (Liquibase liquibase = new Liquibase(changelog.path(),
					new ClassLoaderResourceAccessor(Migrations.class.getClassLoader()), database)) {
				liquibase.update();
			}
		}
		catch (LiquibaseException ex) {
			throw new SQLException("Applying " + changelog.path() + " failed: " + ex.getMessage(), ex);
		}
	}

}
