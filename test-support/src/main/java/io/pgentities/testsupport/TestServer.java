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

package io.pgentities.testsupport;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.charset.Charset;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.pgentities.embedded.EmbeddedPostgres;
import org.jspecify.annotations.Nullable;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A PostgreSQL server that tests create their databases on. The {@link #shared() shared}
 * one is, in this order:
 * <ol>
 * <li>the server of the JDBC URL in the {@code PG_ENTITIES_TEST_JDBC_URL} environment
 * variable, with user and password as {@code user} and {@code password} parameters of the
 * URL or in the {@code PG_ENTITIES_TEST_USER} and {@code PG_ENTITIES_TEST_PASSWORD}
 * environment variables; databases are created from a connection to the URL's database,
 * so the user needs the {@code CREATEDB} privilege;</li>
 * <li>a Testcontainers {@code postgres} container, when a Docker engine is available;</li>
 * <li>an {@link EmbeddedPostgres}.</li>
 * </ol>
 * The container and the embedded server run the major version named by the
 * {@code pg-entities.postgres.version} system property or the
 * {@code PG_ENTITIES_POSTGRES_VERSION} environment variable, 17 by default, and stop
 * when the JVM exits.
 */
public final class TestServer {

	static final String JDBC_URL_ENVIRONMENT_VARIABLE = "PG_ENTITIES_TEST_JDBC_URL";

	static final String USER_ENVIRONMENT_VARIABLE = "PG_ENTITIES_TEST_USER";

	static final String PASSWORD_ENVIRONMENT_VARIABLE = "PG_ENTITIES_TEST_PASSWORD";

	/** Set by the build to one value for all its test JVMs, so that only one tells the console. */
	static final String BUILD_ENVIRONMENT_VARIABLE = "PG_ENTITIES_TEST_BUILD";

	private static final Duration DOCKER_PROBE_TIMEOUT = Duration.ofSeconds(20);

	// Test suites that cache Spring contexts keep a connection pool per context open
	private static final int MAX_CONNECTIONS = 300;

	private static final int MAX_IDENTIFIER_BYTES = 63;

	private static final int ATTEMPTS = 10;

	private static final Pattern VERSION_SETTING = Pattern.compile("(\\d+)(?:\\.(\\d+)\\.\\d+(?:-\\d+)?)?");

	private static final Logger logger = System.getLogger(TestServer.class.getName());

	private static final Object sharedLock = new Object();

	private static @Nullable TestServer shared;

	private static @Nullable RuntimeException sharedFailure;

	private final String description;

	private final JdbcUrl url;

	private final String adminDatabase;

	private final String user;

	private final String password;

	private final int majorVersion;

	private final String serverVersion;

	private @Nullable String reason;

	TestServer(String description, JdbcUrl url, String user, String password) {
		this.description = description;
		this.url = url;
		this.adminDatabase = url.database().isEmpty() ? user : url.database();
		this.user = user;
		this.password = password;
		try (Connection connection = dataSource(this.adminDatabase).getConnection();
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SELECT current_setting('server_version_num')::int / 10000, "
						+ "current_setting('server_version')")) {
			result.next();
			this.majorVersion = result.getInt(1);
			this.serverVersion = result.getString(2);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not connect to " + description + " as user '" + user + "': "
					+ ex.getMessage(), ex);
		}
	}

	/**
	 * Return the server shared by all tests of this JVM, finding or starting it on first
	 * use.
	 * @return the shared server
	 * @throws IllegalStateException if no server can be had, saying how to provide one
	 */
	public static TestServer shared() {
		synchronized (sharedLock) {
			if (shared == null) {
				if (sharedFailure != null) {
					throw new IllegalStateException(sharedFailure.getMessage(), sharedFailure);
				}
				try {
					shared = discover();
				}
				catch (RuntimeException ex) {
					sharedFailure = ex;
					throw ex;
				}
			}
			return shared;
		}
	}

	/**
	 * Return what the server is and where it runs, such as
	 * {@code embedded PostgreSQL 17.6.0 on port 54321}.
	 * @return the description
	 */
	public String description() {
		return this.description;
	}

	/**
	 * Return the sentence that says which PostgreSQL the tests use and why, such as
	 * {@code Tests use PostgreSQL 17.6: embedded PostgreSQL 17.6.0 on port 54321, because
	 * ...}. The shared server writes it to the console once per JVM.
	 * @return the announcement
	 */
	public String announcement() {
		return "Tests use PostgreSQL " + this.serverVersion + ": " + this.description
				+ ((this.reason != null) ? ", because " + this.reason : "");
	}

	/**
	 * Return the JDBC URL of a database on this server, without user or password in it.
	 * @param database the name of the database
	 * @return the JDBC URL
	 * @see #user()
	 * @see #password()
	 */
	public String adminJdbcUrl(String database) {
		return this.url.withDatabase(database);
	}

	/**
	 * Return the user that connects to the server and creates databases.
	 * @return the user name
	 */
	public String user() {
		return this.user;
	}

	/**
	 * Return the password of the {@link #user() user}.
	 * @return the password, possibly empty
	 */
	public String password() {
		return this.password;
	}

	/**
	 * Return the major version of the server, such as {@code 17}.
	 * @return the major version
	 */
	public int majorVersion() {
		return this.majorVersion;
	}

	/**
	 * Create a fresh database, named after the given prefix plus {@code _} and six random
	 * hexadecimal digits. Safe to call from several threads at once.
	 * @param namePrefix the prefix of the name; characters other than ASCII letters,
	 * digits and {@code _} become {@code _}, and it is shortened to fit PostgreSQL's limit
	 * on identifiers
	 * @return the database, to be closed to drop it
	 * @throws IllegalStateException if the database cannot be created
	 */
	public TestDatabase createDatabase(String namePrefix) {
		for (int attempt = 1;; attempt++) {
			String name = databaseName(namePrefix);
			try (Connection connection = dataSource(this.adminDatabase).getConnection();
					Statement statement = connection.createStatement()) {
				// template1 may have connections, which make CREATE DATABASE fail
				statement.execute("CREATE DATABASE " + quoteIdentifier(name) + " TEMPLATE template0");
				return new TestDatabase(this, name);
			}
			catch (SQLException ex) {
				// 55006: the template is in use; 42P04: a database of that name exists
				boolean retry = "55006".equals(ex.getSQLState()) || "42P04".equals(ex.getSQLState());
				if (!retry || attempt == ATTEMPTS) {
					throw new IllegalStateException("Could not create database " + name + " on " + this.description
							+ ": " + ex.getMessage(), ex);
				}
				pause(attempt);
			}
		}
	}

	@Override
	public String toString() {
		return this.description;
	}

	void dropDatabase(String name) {
		String drop = "DROP DATABASE IF EXISTS " + quoteIdentifier(name);
		for (int attempt = 1;; attempt++) {
			try (Connection connection = dataSource(this.adminDatabase).getConnection();
					Statement statement = connection.createStatement()) {
				if (this.majorVersion >= 13) {
					statement.execute(drop + " WITH (FORCE)");
				}
				else {
					try (PreparedStatement terminate = connection.prepareStatement("SELECT pg_terminate_backend(pid) "
							+ "FROM pg_stat_activity WHERE datname = ? AND pid <> pg_backend_pid()")) {
						terminate.setString(1, name);
						terminate.execute();
					}
					statement.execute(drop);
				}
				return;
			}
			catch (SQLException ex) {
				if (!"55006".equals(ex.getSQLState()) || attempt == ATTEMPTS) {
					throw new IllegalStateException("Could not drop database " + name + " on " + this.description
							+ ": " + ex.getMessage(), ex);
				}
				pause(attempt);
			}
		}
	}

	PGSimpleDataSource dataSource(String database) {
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		dataSource.setURL(adminJdbcUrl(database));
		dataSource.setUser(this.user);
		dataSource.setPassword(this.password);
		return dataSource;
	}

	static String databaseName(String namePrefix) {
		String prefix = namePrefix.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
		String suffix = "_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()).substring(2);
		int maxPrefixLength = MAX_IDENTIFIER_BYTES - suffix.length();
		return ((prefix.length() > maxPrefixLength) ? prefix.substring(0, maxPrefixLength) : prefix) + suffix;
	}

	private static String quoteIdentifier(String name) {
		return "\"" + name.replace("\"", "\"\"") + "\"";
	}

	private static void pause(int attempt) {
		try {
			Thread.sleep(50L * attempt);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted", ex);
		}
	}

	private static TestServer discover() {
		String jdbcUrl = System.getenv(JDBC_URL_ENVIRONMENT_VARIABLE);
		if (jdbcUrl != null && !jdbcUrl.isBlank()) {
			return chosen(fromJdbcUrl(jdbcUrl.trim()), JDBC_URL_ENVIRONMENT_VARIABLE + " is set");
		}
		String tag = imageTag();
		String noDocker;
		try {
			if (TestcontainersServer.isDockerAvailable(DOCKER_PROBE_TIMEOUT)) {
				return chosen(TestcontainersServer.start(tag, MAX_CONNECTIONS),
						JDBC_URL_ENVIRONMENT_VARIABLE + " is not set and a Docker engine is available");
			}
			noDocker = "Testcontainers found no Docker engine";
		}
		catch (TimeoutException ex) {
			noDocker = "Testcontainers did not find a Docker engine within " + DOCKER_PROBE_TIMEOUT.toSeconds() + " s";
		}
		catch (Throwable ex) {
			logger.log(Level.WARNING, "Testcontainers could not provide postgres:" + tag, ex);
			noDocker = "Testcontainers could not provide postgres:" + tag + " (" + ex + ")";
		}
		try {
			EmbeddedPostgres postgres = EmbeddedPostgres.builder()
				.serverSetting("max_connections", String.valueOf(MAX_CONNECTIONS))
				.start();
			return chosen(embedded(postgres), JDBC_URL_ENVIRONMENT_VARIABLE + " is not set and " + noDocker);
		}
		catch (RuntimeException ex) {
			throw new IllegalStateException("No PostgreSQL server for tests: " + JDBC_URL_ENVIRONMENT_VARIABLE
					+ " is not set, " + noDocker + ", and the embedded PostgreSQL did not start: " + ex.getMessage()
					+ System.lineSeparator() + "Provide a server by setting " + JDBC_URL_ENVIRONMENT_VARIABLE
					+ " to a JDBC URL such as jdbc:postgresql://localhost:5432/postgres?user=postgres&password=secret"
					+ " (the user needs CREATEDB), or by starting a Docker engine", ex);
		}
	}

	static TestServer embedded(EmbeddedPostgres postgres) {
		return new TestServer(
				"embedded PostgreSQL " + postgres.version() + (postgres.isStandby() ? " standby" : "") + " on port "
						+ postgres.port(),
				JdbcUrl.parse("jdbc:postgresql://" + postgres.host() + ":" + postgres.port() + "/postgres"),
				postgres.user(), "");
	}

	private static TestServer fromJdbcUrl(String jdbcUrl) {
		JdbcUrl url;
		try {
			url = JdbcUrl.parse(jdbcUrl);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException(JDBC_URL_ENVIRONMENT_VARIABLE + " is invalid: " + ex.getMessage(), ex);
		}
		String user = firstNonBlank(url.user(), System.getenv(USER_ENVIRONMENT_VARIABLE), "postgres");
		String password = firstNonBlank(url.password(), System.getenv(PASSWORD_ENVIRONMENT_VARIABLE), "");
		String database = url.database().isEmpty() ? user : url.database();
		return new TestServer(JDBC_URL_ENVIRONMENT_VARIABLE + " (" + url.withDatabase(database) + ")", url, user,
				password);
	}

	private static TestServer chosen(TestServer server, String reason) {
		server.reason = reason;
		String announcement = server.announcement();
		logger.log(Level.INFO, announcement);
		if (firstAnnouncementOfTheBuild()) {
			announceOnConsole(announcement);
		}
		return server;
	}

	/**
	 * Whether no other test JVM of this build has told the console yet. Each module's tests
	 * run in a JVM of their own; the build passes them one build id
	 * ({@value #BUILD_ENVIRONMENT_VARIABLE}) and one directory, where the first JVM leaves a
	 * marker. Outside such a build, every JVM tells.
	 */
	private static boolean firstAnnouncementOfTheBuild() {
		String build = System.getenv(BUILD_ENVIRONMENT_VARIABLE);
		String directory = System.getenv(EmbeddedPostgres.BASE_DIRECTORY_ENVIRONMENT_VARIABLE);
		if (build == null || build.isBlank() || directory == null || directory.isBlank()) {
			return true;
		}
		String name = "announced-" + build.replaceAll("[^0-9A-Za-z]", "");
		Path marker = Path.of(directory).resolve(name);
		try {
			Files.createDirectories(marker.getParent());
			Files.createFile(marker);
		}
		catch (FileAlreadyExistsException ex) {
			return false;
		}
		catch (IOException ex) {
			return true;
		}
		try (DirectoryStream<Path> earlier = Files.newDirectoryStream(marker.getParent(), "announced-*")) {
			for (Path other : earlier) {
				if (!other.getFileName().toString().equals(name)) {
					Files.deleteIfExists(other);
				}
			}
		}
		catch (IOException ex) {
			// markers of earlier builds are a few empty files; leaving them is harmless
		}
		return true;
	}

	/**
	 * Write a line to the process's own standard output, once per JVM as the shared server
	 * is chosen. Maven's test runner sends {@code System.out} to report files; this line is
	 * meant for the build's console, which the build's forked test JVMs reach through their
	 * native standard output (Surefire's TCP channel leaves it free for that).
	 */
	private static void announceOnConsole(String line) {
		@SuppressWarnings("resource") // closing it would close the process's standard output
		PrintStream console = new PrintStream(new FileOutputStream(FileDescriptor.out), true,
				Charset.defaultCharset());
		console.println(line);
	}

	private static String imageTag() {
		String setting = System.getProperty("pg-entities.postgres.version");
		if (setting == null || setting.isBlank()) {
			setting = System.getenv("PG_ENTITIES_POSTGRES_VERSION");
		}
		if (setting == null || setting.isBlank()) {
			return "17";
		}
		Matcher matcher = VERSION_SETTING.matcher(setting.trim());
		if (!matcher.matches()) {
			throw new IllegalStateException("PostgreSQL version setting '" + setting
					+ "' is neither a major version such as 17 nor a full version such as 17.6.0");
		}
		// A full version such as 16.10.0 maps to the image tag 16.10
		return (matcher.group(2) != null) ? matcher.group(1) + "." + matcher.group(2) : matcher.group(1);
	}

	private static String firstNonBlank(@Nullable String first, @Nullable String second, String fallback) {
		if (first != null && !first.isBlank()) {
			return first;
		}
		return (second != null && !second.isBlank()) ? second : fallback;
	}

}
