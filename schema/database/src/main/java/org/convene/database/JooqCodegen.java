package org.convene.database;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.jooq.codegen.GenerationTool;
import org.jooq.meta.jaxb.Configuration;
import org.jooq.meta.jaxb.Database;
import org.jooq.meta.jaxb.ForcedType;
import org.jooq.meta.jaxb.Generate;
import org.jooq.meta.jaxb.Generator;
import org.jooq.meta.jaxb.Jdbc;
import org.jooq.meta.jaxb.Target;

/**
 * Build-time generator of the jOOQ classes: applies every changelog to an embedded
 * PostgreSQL and reads the resulting schemas over JDBC, so the classes always match what
 * the migrations really create. Skips the work when no changelog changed since the last run.
 *
 * One package per PostgreSQL schema.
 *
 * <p>Arguments: output folder, parent package name, working folder for the server.
 */
public final class JooqCodegen {

	private static final List<Changelog> CHANGELOGS = List.of(Changelog.CORE);

	private JooqCodegen() {
	}

	public static void main(String[] args) throws Exception {
		Path output = Path.of(args[0]);
		String packageName = args[1];
		Path work = Path.of(args[2]);
		Path stamp = output.resolve(".changelog-sha256");
		String digest = changelogDigest();
		if (Files.exists(stamp) && Files.readString(stamp).equals(digest)) {
			System.out.println("jOOQ classes are up to date with the changelogs");
			return;
		}
		try (LocalPostgres postgres = LocalPostgres.startEphemeral(work)) {
			postgres.createDatabaseIfMissing("convene");
			for (Changelog changelog : CHANGELOGS) {
				Migrations.apply(changelog, postgres.connect("convene"));
			}
			for (Changelog changelog : CHANGELOGS) {
				GenerationTool.generate(configuration(postgres.jdbcUrl("convene"), changelog.schema(), output,
						packageName + "." + changelog.schema()));
			}
		}
		Files.writeString(stamp, digest);
	}

	private static Configuration configuration(String url, String schema, Path output, String packageName) {
		Database database = new Database().withName("org.jooq.meta.postgres.PostgresDatabase")
			.withInputSchema(schema)
			.withForcedTypes(new ForcedType().withName("INSTANT").withIncludeTypes("(?i:timestamp\\ with\\ time\\ zone)"));
		return new Configuration().withJdbc(new Jdbc().withDriver("org.postgresql.Driver").withUrl(url).withUser(LocalPostgres.USER))
			.withGenerator(new Generator().withDatabase(database)
				.withGenerate(new Generate().withJavaTimeTypes(true).withDeprecationOnUnknownTypes(false))
				.withTarget(new Target().withPackageName(packageName).withDirectory(output.toString())));
	}

	private static String changelogDigest() throws Exception {
		MessageDigest sha = MessageDigest.getInstance("SHA-256");
		for (Changelog changelog : CHANGELOGS) {
			URI master = JooqCodegen.class.getClassLoader().getResource(changelog.path()).toURI();
			try (FileSystem jar = "jar".equals(master.getScheme()) ? FileSystems.newFileSystem(master, Map.of()) : null;
					Stream<Path> files = Files.walk(Path.of(master).getParent())) {
				for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
					sha.update(file.toString().getBytes(StandardCharsets.UTF_8));
					sha.update(Files.readAllBytes(file));
				}
			}
		}
		return HexFormat.of().formatHex(sha.digest());
	}

}
