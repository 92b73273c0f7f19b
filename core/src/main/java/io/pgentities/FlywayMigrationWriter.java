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
package io.pgentities;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.sql.DataSource;

import io.pgentities.internal.sql.Identifiers;
import org.jspecify.annotations.Nullable;

/**
 * Writes a {@link MigrationPlan} as the next Flyway versioned migration,
 * {@code V<next>__<description>.sql}. The next version is one above the highest of the
 * migrations in the directory, of the versions given (those of other locations), and, when a
 * data source is given, of the database's Flyway history; integer and dotted versions are both respected ({@code 7} → {@code 8},
 * {@code 1.2} → {@code 1.3}).
 * <p>
 * A plan whose SQL contains {@code ${} gets a companion {@code .sql.conf} file that turns
 * Flyway's placeholder replacement off for that script, so routine bodies reach PostgreSQL
 * exactly as declared.
 */
public final class FlywayMigrationWriter {

	private static final Pattern VERSIONED = Pattern.compile("V(\\d+(?:[._]\\d+)*)__.*\\.sql");

	private final Path directory;

	private final @Nullable DataSource history;

	private final String historyTable;

	private final boolean undo;

	private final List<String> knownVersions;

	private final Duration lockTimeout;

	private final MigrationGuard guard;

	/**
	 * Creates a writer for a directory of Flyway migrations (created if absent).
	 * @param directory the directory
	 */
	public FlywayMigrationWriter(Path directory) {
		this(directory, null, "flyway_schema_history", false, List.of(), PgEntitiesEngine.DEFAULT_LOCK_TIMEOUT,
				new MigrationGuard(List.of()));
	}

	private FlywayMigrationWriter(Path directory, @Nullable DataSource history, String historyTable, boolean undo,
			List<String> knownVersions, Duration lockTimeout, MigrationGuard guard) {
		this.directory = Objects.requireNonNull(directory, "directory must not be null");
		this.history = history;
		this.historyTable = historyTable;
		this.undo = undo;
		this.knownVersions = knownVersions;
		this.lockTimeout = lockTimeout;
		this.guard = guard;
	}

	/**
	 * A writer that also considers the versions in the database's Flyway history table
	 * ({@code flyway_schema_history} on the {@code search_path}), if it exists.
	 * @param dataSource the database
	 * @return the writer
	 */
	public FlywayMigrationWriter withHistory(DataSource dataSource) {
		return new FlywayMigrationWriter(this.directory, dataSource, this.historyTable, this.undo, this.knownVersions,
				this.lockTimeout, this.guard);
	}

	/**
	 * A writer that reads the history from another table.
	 * @param table the table, as Flyway's {@code table} setting names it (optionally schema-qualified)
	 * @return the writer
	 */
	public FlywayMigrationWriter withHistoryTable(String table) {
		return new FlywayMigrationWriter(this.directory, this.history, table, this.undo, this.knownVersions,
				this.lockTimeout, this.guard);
	}

	/**
	 * A writer that also writes the matching undo script {@code U<version>__<description>.sql}.
	 * @param undo whether to write undo scripts
	 * @return the writer
	 */
	public FlywayMigrationWriter withUndo(boolean undo) {
		return new FlywayMigrationWriter(this.directory, this.history, this.historyTable, undo, this.knownVersions,
				this.lockTimeout, this.guard);
	}

	/**
	 * A writer that also considers versions known elsewhere: those of migrations in other
	 * locations, or all that Flyway reports as applied or pending. Versions that are no
	 * dotted numbers are left out.
	 * @param versions the versions, such as {@code 7} or {@code 1.2}
	 * @return the writer
	 */
	public FlywayMigrationWriter withVersions(Collection<String> versions) {
		Objects.requireNonNull(versions, "versions must not be null");
		List<String> numeric = versions.stream().filter((version) -> version.matches("\\d+(\\.\\d+)*")).toList();
		return new FlywayMigrationWriter(this.directory, this.history, this.historyTable, this.undo, numeric,
				this.lockTimeout, this.guard);
	}

	/**
	 * A writer whose scripts start with {@code SET LOCAL lock_timeout}: Flyway runs a
	 * PostgreSQL migration in one transaction, so a statement that waits longer than this for
	 * a lock fails the migration, which is rolled back as a whole, instead of queueing every
	 * reader of the relation behind its {@code ACCESS EXCLUSIVE} request. The setting ends
	 * with the migration's transaction. Zero leaves the setting out. Default 5 seconds.
	 * @param lockTimeout the timeout
	 * @return the writer
	 */
	public FlywayMigrationWriter withLockTimeout(Duration lockTimeout) {
		Objects.requireNonNull(lockTimeout, "lockTimeout must not be null");
		if (lockTimeout.isNegative()) {
			throw new IllegalArgumentException("lockTimeout must not be negative");
		}
		return new FlywayMigrationWriter(this.directory, this.history, this.historyTable, this.undo,
				this.knownVersions, lockTimeout, this.guard);
	}

	/**
	 * A writer whose versioned scripts start, after the {@code lock_timeout} setting, with a
	 * guard ({@link PgEntitiesEngine#guard}) that fails the migration when an object it drops,
	 * replaces or alters differs from the definition it was generated from. Undo scripts have
	 * no guard.
	 * @param guard the guard of the plan the writer writes
	 * @return the writer
	 */
	public FlywayMigrationWriter withGuard(MigrationGuard guard) {
		Objects.requireNonNull(guard, "guard must not be null");
		return new FlywayMigrationWriter(this.directory, this.history, this.historyTable, this.undo,
				this.knownVersions, this.lockTimeout, guard);
	}

	/**
	 * Writes the plan, if it is not empty.
	 * @param plan the plan
	 * @param description what the migration does; becomes part of the file name
	 * @return the file written, or empty when the plan has nothing to do
	 */
	public Optional<Path> write(MigrationPlan plan, String description) {
		return write(plan, null, description);
	}

	/**
	 * Writes the plan and, if enabled, its undo script.
	 * @param plan the plan
	 * @param undoPlan the plan that reverts it, or {@code null}
	 * @param description what the migration does; becomes part of the file name
	 * @return the file written, or empty when the plan has nothing to do
	 * @throws PlanRefusedException if the plan is refused: there is nothing a migration could run
	 */
	public Optional<Path> write(MigrationPlan plan, @Nullable MigrationPlan undoPlan, String description) {
		PlanRefusal refusal = plan.refusal();
		if (refusal != null) {
			throw new PlanRefusedException(refusal, null);
		}
		if (plan.isEmpty()) {
			return Optional.empty();
		}
		String version = nextVersion();
		String name = version + "__" + fileDescription(description) + ".sql";
		try {
			Files.createDirectories(this.directory);
			Path file = this.directory.resolve("V" + name);
			writeScript(file, plan, "from the declared entities: " + description, this.guard);
			if (this.undo && undoPlan != null) {
				writeScript(this.directory.resolve("U" + name), undoPlan, "to undo V" + name, new MigrationGuard(List.of()));
			}
			return Optional.of(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write migration " + name + " into " + this.directory, ex);
		}
	}

	private void writeScript(Path file, MigrationPlan plan, String purpose, MigrationGuard guard) throws IOException {
		String sql = header(plan, purpose) + lockTimeoutSetting() + guard.toSql() + plan.toSql();
		Files.writeString(file, sql, StandardCharsets.UTF_8);
		if (sql.contains("${")) {
			Files.writeString(file.resolveSibling(file.getFileName() + ".conf"),
					"# Written by pg-entities: this script contains text Flyway would take for placeholders\n"
							+ "placeholderReplacement=false\n",
					StandardCharsets.UTF_8);
		}
	}

	private String lockTimeoutSetting() {
		if (this.lockTimeout.isZero()) {
			return "";
		}
		long millis = this.lockTimeout.toMillis();
		String value = (millis % 1000 == 0) ? (millis / 1000) + "s" : millis + "ms";
		return "-- A statement that waits longer than this for a lock fails the migration, which is\n"
				+ "-- rolled back whole: run it again once the blocking transaction has ended.\n"
				+ "SET LOCAL lock_timeout = '" + value + "';\n\n";
	}

	/**
	 * Return the header of a script, whose first line says what the file is, such as
	 * {@code -- Generated by pg-entities on 2026-05-04T10:15:30Z from the declared entities:
	 * pg_entities}, followed by the changes it makes.
	 */
	private static String header(MigrationPlan plan, String purpose) {
		OffsetDateTime now = OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS);
		StringBuilder header = new StringBuilder();
		header.append("-- Generated by pg-entities on ")
			.append(now.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME))
			.append(' ')
			.append(purpose)
			.append('\n')
			.append("--\n-- Changes:\n");
		plan.summary().forEach((line) -> header.append("--   ").append(line).append('\n'));
		if (!plan.drops().isEmpty()) {
			header.append("--\n-- Drops (objects removed and not recreated):\n");
			plan.drops().forEach((drop) -> header.append("--   ").append(drop).append('\n'));
		}
		if (plan.steps().stream().anyMatch((step) -> step.kind() != null || !step.body().isEmpty())) {
			header.append("--\n-- Statements (lock held until the migration commits; hazards):\n");
			List<PlannedStatement> steps = plan.steps();
			for (int i = 0; i < steps.size(); i++) {
				PlannedStatement step = steps.get(i);
				String number = String.valueOf(i + 1);
				if (step.body().isEmpty()) {
					statement(header, number, step, "");
					continue;
				}
				header.append(String.format(Locale.ROOT, "--   %2s. ", number)).append(step.firstLine()).append('\n');
				for (int j = 0; j < step.body().size(); j++) {
					statement(header, number + "." + (j + 1), step.body().get(j), "   ");
				}
			}
		}
		return header.append('\n').toString();
	}

	private static void statement(StringBuilder header, String number, PlannedStatement step, String indent) {
		String label = String.format(Locale.ROOT, "--   %s%2s. ", indent, number);
		header.append(label)
			.append(step.firstLine())
			.append('\n')
			.append("--")
			.append(" ".repeat(label.length() - 2))
			.append(risks(step))
			.append('\n');
	}

	private static String risks(PlannedStatement step) {
		PlannedStatement.Lock lock = step.lock();
		String risks = (lock != null) ? lock.toString() : "no lock on an existing relation";
		if (!step.hazards().isEmpty()) {
			risks += "; " + step.hazards().stream().map(Hazard::name).collect(Collectors.joining(", "));
		}
		return risks;
	}

	/**
	 * The version the next migration gets.
	 * @return the version, e.g. {@code 8} or {@code 1.3}
	 */
	public String nextVersion() {
		List<String> versions = new ArrayList<>(directoryVersions());
		versions.addAll(historyVersions());
		versions.addAll(this.knownVersions);
		return versions.stream().max(FlywayMigrationWriter::compareVersions).map(FlywayMigrationWriter::increment)
			.orElse("1");
	}

	private List<String> directoryVersions() {
		if (!Files.isDirectory(this.directory)) {
			return List.of();
		}
		try (Stream<Path> files = Files.walk(this.directory)) {
			return files.map((file) -> VERSIONED.matcher(file.getFileName().toString()))
				.filter(Matcher::matches)
				.map((matcher) -> matcher.group(1).replace('_', '.'))
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot list migrations in " + this.directory, ex);
		}
	}

	private List<String> historyVersions() {
		if (this.history == null) {
			return List.of();
		}
		List<String> versions = new ArrayList<>();
		try (Connection connection = this.history.getConnection(); Statement statement = connection.createStatement()) {
			String table = qualifiedHistoryTable();
			try (ResultSet exists = statement.executeQuery("select to_regclass(" + Identifiers.literal(table) + ")")) {
				if (!exists.next() || exists.getString(1) == null) {
					return List.of();
				}
			}
			try (ResultSet rows = statement.executeQuery("select version from " + table + " where version is not null")) {
				while (rows.next()) {
					versions.add(rows.getString(1));
				}
			}
		}
		catch (SQLException ex) {
			throw new PgEntitiesException("Cannot read the Flyway history table " + this.historyTable + ": "
					+ ex.getMessage(), ex);
		}
		return versions.stream().filter((version) -> version.matches("\\d+(\\.\\d+)*")).toList();
	}

	private String qualifiedHistoryTable() {
		String[] parts = this.historyTable.split("\\.", 2);
		return (parts.length == 2) ? Identifiers.qualify(parts[0], parts[1]) : Identifiers.quote(parts[0]);
	}

	static int compareVersions(String a, String b) {
		String[] left = a.split("\\.");
		String[] right = b.split("\\.");
		for (int i = 0; i < Math.max(left.length, right.length); i++) {
			BigInteger l = (i < left.length) ? new BigInteger(left[i]) : BigInteger.ZERO;
			BigInteger r = (i < right.length) ? new BigInteger(right[i]) : BigInteger.ZERO;
			int compared = l.compareTo(r);
			if (compared != 0) {
				return compared;
			}
		}
		return 0;
	}

	private static String increment(String version) {
		int lastDot = version.lastIndexOf('.');
		String last = version.substring(lastDot + 1);
		return version.substring(0, lastDot + 1) + new BigInteger(last).add(BigInteger.ONE);
	}

	private static String fileDescription(String description) {
		String cleaned = description.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
		return cleaned.isEmpty() ? "pg_entities" : cleaned;
	}

}
