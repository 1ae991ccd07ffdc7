package org.convene.gateway.idempotency;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.convene.database.testing.TestDatabase;
import org.convene.gateway.support.TestBackends;

/** Counts what core stored, straight from its database. */
final class EventCounts {

	private EventCounts() {
	}

	static int titled(String title) {
		TestDatabase database = TestBackends.get().database();
		try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.username(),
				database.password());
				PreparedStatement count = connection.prepareStatement("SELECT count(*) FROM core.event WHERE title = ?")) {
			count.setString(1, title);
			try (ResultSet result = count.executeQuery()) {
				result.next();
				return result.getInt(1);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
