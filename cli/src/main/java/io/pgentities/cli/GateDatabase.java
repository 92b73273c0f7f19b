/*
 * Copyright 2026 the pg-entities authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package io.pgentities.cli;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;

import io.pgentities.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.jspecify.annotations.Nullable;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The database a run of the gate works on: the one at the given URL or, without one, an
 * embedded PostgreSQL on which the Flyway migrations have run. Closing it stops the embedded
 * server.
 */
public final class GateDatabase implements AutoCloseable {

	private static final int CONNECT_TIMEOUT_SECONDS = 10;

	private final DataSource dataSource;

	private final String description;

	private final @Nullable EmbeddedPostgres embedded;

	private GateDatabase(DataSource dataSource, String description, @Nullable EmbeddedPostgres embedded) {
		this.dataSource = dataSource;
		this.description = description;
		this.embedded = embedded;
	}

	/**
	 * Opens the database of the settings, and checks that it can be reached.
	 * @param settings the settings
	 * @return the database
	 * @throws GateException if there is neither a URL nor migrations, the database cannot be
	 * reached, or the migrations fail
	 */
	public static GateDatabase open(GateSettings settings) {
		if (settings.url() != null) {
			PGSimpleDataSource dataSource = dataSource(settings.url());
			if (settings.user() != null) {
				dataSource.setUser(settings.user());
			}
			if (settings.password() != null) {
				dataSource.setPassword(settings.password());
			}
			return reachable(new GateDatabase(dataSource, redacted(settings.url()), null));
		}
		if (settings.migrations().isEmpty()) {
			throw new GateException("No database: give a JDBC URL, or Flyway migrations to run on an embedded PostgreSQL");
		}
		EmbeddedPostgres embedded = startEmbedded(settings);
		try {
			GateDatabase database = reachable(new GateDatabase(dataSource(embedded.jdbcUrl("postgres")),
					"embedded PostgreSQL " + embedded.version(), embedded));
			database.migrate(locations(settings));
			return database;
		}
		catch (RuntimeException ex) {
			embedded.close();
			throw ex;
		}
	}

	/**
	 * The data source.
	 * @return the data source
	 */
	public DataSource dataSource() {
		return this.dataSource;
	}

	/**
	 * The database, as messages name it (never with its password).
	 * @return the description
	 */
	public String description() {
		return this.description;
	}

	@Override
	public void close() {
		if (this.embedded != null) {
			this.embedded.close();
		}
	}

	private static PGSimpleDataSource dataSource(String url) {
		if (!url.startsWith("jdbc:postgresql:")) {
			throw new GateException("Not a PostgreSQL JDBC URL: " + redacted(url) + " (expected jdbc:postgresql://host:port/database)");
		}
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		try {
			dataSource.setUrl(url);
		}
		catch (IllegalArgumentException ex) {
			throw new GateException("Invalid JDBC URL " + redacted(url) + ": " + ex.getMessage(), ex);
		}
		dataSource.setConnectTimeout(CONNECT_TIMEOUT_SECONDS);
		dataSource.setApplicationName("pg-entities");
		return dataSource;
	}

	private static GateDatabase reachable(GateDatabase database) {
		try (Connection connection = database.dataSource.getConnection()) {
			connection.isValid(CONNECT_TIMEOUT_SECONDS);
			return database;
		}
		catch (SQLException ex) {
			database.close();
			throw new GateException("Cannot connect to " + database.description + ": " + ex.getMessage(), ex);
		}
	}

	private static EmbeddedPostgres startEmbedded(GateSettings settings) {
		EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
		String version = settings.postgresVersion();
		try {
			if (version != null) {
				if (version.matches("\\d+")) {
					builder.majorVersion(Integer.parseInt(version));
				}
				else {
					builder.version(version);
				}
			}
			return builder.start();
		}
		catch (IllegalArgumentException ex) {
			throw new GateException("Unsupported PostgreSQL version " + version + ": " + ex.getMessage(), ex);
		}
		catch (RuntimeException ex) {
			throw new GateException("Cannot start the embedded PostgreSQL: " + ex.getMessage(), ex);
		}
	}

	private static List<String> locations(GateSettings settings) {
		return settings.migrations().stream().map((location) -> {
			if (location.startsWith("filesystem:") || location.startsWith("classpath:")) {
				return location;
			}
			Path directory = settings.workingDirectory().resolve(location).normalize();
			if (!java.nio.file.Files.isDirectory(directory)) {
				throw new GateException("Migrations directory " + location + " does not exist (relative to "
						+ settings.workingDirectory() + ")");
			}
			return "filesystem:" + directory;
		}).toList();
	}

	private void migrate(List<String> locations) {
		try {
			Flyway.configure(GateDatabase.class.getClassLoader())
				.loggers("slf4j")
				.dataSource(this.dataSource)
				.locations(locations.toArray(String[]::new))
				.load()
				.migrate();
		}
		catch (FlywayException ex) {
			throw new GateException("Running the migrations " + locations + " on the " + this.description + " failed: "
					+ ex.getMessage(), ex);
		}
	}

	private static String redacted(String url) {
		return url.replaceAll("(?i)(password=)[^&]*", "$1***");
	}

}
