package org.convene.database;

/**
 * A Liquibase changelog and the bookkeeping tables it is tracked in. Each service owns
 * one PostgreSQL schema and applies its own changelog.
 *
 * @param path classpath location of the master changelog
 * @param schema the PostgreSQL schema its tables live in
 * @param changelogTable Liquibase's changelog table (in {@code public})
 * @param lockTable Liquibase's lock table (in {@code public})
 */
public record Changelog(String path, String schema, String changelogTable, String lockTable) {

	/** The domain tables of core-grpc. */
	public static final Changelog CORE = new Changelog("db/changelog/core.yaml", "core", "core_changelog",
			"core_changelog_lock");

	/** The authorization server's tables, owned by api-graphql. */
	public static final Changelog GATEWAY = new Changelog("db/changelog/gateway.yaml", "gateway", "gateway_changelog",
			"gateway_changelog_lock");

}
