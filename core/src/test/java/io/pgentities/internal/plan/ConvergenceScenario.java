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
package io.pgentities.internal.plan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.pgentities.DriftReport;
import io.pgentities.DriftStatus;
import io.pgentities.EntityDrift;
import io.pgentities.FlywayMigrationWriter;
import io.pgentities.MigrationPlan;
import io.pgentities.PgEntitiesEngine;
import io.pgentities.Rechecked;
import io.pgentities.PgEntity;
import io.pgentities.internal.sql.Identifiers;
import io.pgentities.testsupport.TestDatabase;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * One convergence scenario in a schema of its own: the start state is made with JDBC, the
 * plan for the declarations is written as a Flyway migration and applied by Flyway, and
 * afterwards the database must match the declarations with every table's rows untouched.
 */
final class ConvergenceScenario {

	private static final Pattern CASCADE = Pattern.compile("(?i)\\bcascade\\b");

	private static final Pattern VERSIONED_FILE = Pattern.compile("V\\d+(\\.\\d+)*__[a-z0-9_]+\\.sql");

	private final TestDatabase database;

	private final String schema;

	private final Path migrations;

	private final boolean dropUndeclared;

	private final List<String> ignored;

	private ConvergenceScenario(TestDatabase database, String schema, Path migrations, boolean dropUndeclared,
			List<String> ignored) {
		this.database = database;
		this.schema = schema;
		this.migrations = migrations;
		this.dropUndeclared = dropUndeclared;
		this.ignored = ignored;
	}

	/**
	 * Starts a scenario in a schema, created if it does not exist. The schema is the only
	 * managed schema and holds the Flyway history.
	 * @param database the database
	 * @param schema the schema, as a plain name
	 * @param migrations an empty directory for the migration files
	 * @return the scenario
	 */
	static ConvergenceScenario in(TestDatabase database, String schema, Path migrations) {
		database.execute("CREATE SCHEMA IF NOT EXISTS " + Identifiers.quote(schema));
		return new ConvergenceScenario(database, schema, migrations, false, List.of());
	}

	/**
	 * The same scenario planned with or without dropping undeclared objects.
	 * @param dropUndeclared whether undeclared objects are dropped
	 * @return the scenario
	 */
	ConvergenceScenario dropUndeclared(boolean dropUndeclared) {
		return new ConvergenceScenario(this.database, this.schema, this.migrations, dropUndeclared, this.ignored);
	}

	/**
	 * The same scenario planned with undeclared objects matching the patterns left alone.
	 * @param patterns the identity patterns
	 * @return the scenario
	 */
	ConvergenceScenario ignore(String... patterns) {
		return new ConvergenceScenario(this.database, this.schema, this.migrations, this.dropUndeclared,
				List.of(patterns));
	}

	String schema() {
		return this.schema;
	}

	Path migrations() {
		return this.migrations;
	}

	void execute(String sql) {
		this.database.execute(sql);
	}

	PgEntitiesEngine engine() {
		return configure(PgEntitiesEngine.builder(this.database.dataSource())).build();
	}

	private PgEntitiesEngine.Builder configure(PgEntitiesEngine.Builder builder) {
		return builder.schemas(this.schema).dropUndeclared(this.dropUndeclared).ignore(this.ignored);
	}

	/**
	 * Checks through the full and the fast path ({@link Rechecked}).
	 * @param declared the declarations
	 * @return the report
	 */
	DriftReport check(Collection<? extends PgEntity> declared) {
		return Rechecked.check(this.database.dataSource(), this::configure, declared);
	}

	/**
	 * The status of each entity a check reports, by identity.
	 * @param declared the declarations
	 * @return the statuses
	 */
	Map<String, DriftStatus> statuses(Collection<? extends PgEntity> declared) {
		Map<String, DriftStatus> statuses = new LinkedHashMap<>();
		check(declared).entities().forEach((entity) -> statuses.put(entity.identity(), entity.status()));
		return statuses;
	}

	/**
	 * Plans, writes the plan as a Flyway migration, migrates with Flyway and verifies that
	 * the database converged: nothing declared drifts any more (undeclared objects are left
	 * alone unless they are dropped), a new plan is empty, and no table row changed.
	 * @param declared the declarations
	 * @return what was planned and written
	 */
	Convergence converge(Collection<? extends PgEntity> declared) {
		Map<String, List<String>> dataBefore = tableData();
		assertThat(dataBefore.values()).as("rows in the tables of schema %s before the migration", this.schema)
			.anySatisfy((rows) -> assertThat(rows).isNotEmpty());
		PgEntitiesEngine engine = engine();
		MigrationPlan plan = engine.plan(declared);
		assertThat(plan.isEmpty()).as("whether the plan for schema %s is empty", this.schema).isFalse();
		FlywayMigrationWriter writer = new FlywayMigrationWriter(this.migrations)
			.withHistory(this.database.dataSource())
			.withHistoryTable(this.schema + ".flyway_schema_history");
		Optional<Path> written = writer.write(plan, "pg-entities " + this.schema);
		assertThat(written).isPresent();
		Path file = written.get();
		String script = read(file);
		System.out.println("==== " + file.getFileName() + " (schema " + this.schema + ")\n" + script);
		assertThat(file.getFileName().toString()).matches(VERSIONED_FILE);
		assertThat(plan.statements()).as("statements of the plan for %s", this.schema)
			.noneMatch((statement) -> CASCADE.matcher(statement).find());
		migrate(script);
		Convergence convergence = new Convergence(plan, file, script);
		DriftReport after = engine.check(declared);
		List<EntityDrift> drifted = after.drifted()
			.stream()
			.filter((entity) -> this.dropUndeclared || entity.status() != DriftStatus.UNDECLARED)
			.toList();
		if (!drifted.isEmpty()) {
			fail("Schema %s did not converge after applying%n%s%nStill drifted:%n%s", this.schema, script,
					drifted.stream().map(ConvergenceScenario::describe).collect(Collectors.joining("\n")));
		}
		// the engine planned before the migration: it must see that the database changed
		MigrationPlan again = engine.plan(declared);
		assertThat(again.statements()).as("a second plan for %s after applying%n%s", this.schema, script).isEmpty();
		assertThat(Rechecked.analyze(this.database.dataSource(), this::configure, declared).plan()).isEqualTo(again);
		assertThat(tableData()).as("table rows in %s after the migration", this.schema).isEqualTo(dataBefore);
		return convergence;
	}

	private void migrate(String script) {
		try {
			MigrateResult result = Flyway.configure()
				.dataSource(this.database.jdbcUrl(), this.database.user(), this.database.password())
				.locations("filesystem:" + this.migrations.toAbsolutePath())
				.schemas(this.schema)
				.baselineOnMigrate(true)
				.baselineVersion("0")
				.load()
				.migrate();
			assertThat(result.success).isTrue();
			assertThat(result.migrationsExecuted).as("migrations Flyway ran").isEqualTo(1);
		}
		catch (FlywayException ex) {
			throw new AssertionError("Flyway could not apply the plan for schema " + this.schema + ": "
					+ ex.getMessage() + "\n" + script, ex);
		}
	}

	/**
	 * Each ordinary table of the schema (but Flyway's history) with its rows as text, sorted.
	 * @return the rows by table
	 */
	Map<String, List<String>> tableData() {
		Map<String, List<String>> data = new LinkedHashMap<>();
		for (String table : strings("""
				SELECT format('%I.%I', n.nspname, c.relname) FROM pg_class c
				JOIN pg_namespace n ON n.oid = c.relnamespace
				WHERE n.nspname = ? AND c.relkind IN ('r', 'p') AND c.relname <> 'flyway_schema_history'
				ORDER BY 1""", this.schema)) {
			data.put(table, strings("SELECT t::text FROM " + table + " t ORDER BY 1"));
		}
		return data;
	}

	/**
	 * Runs a query and returns its first column as text.
	 * @param sql the query, with {@code ?} for the parameters
	 * @param parameters the parameters, bound as strings
	 * @return the values
	 */
	List<String> strings(String sql, String... parameters) {
		try (Connection connection = this.database.connect();
				PreparedStatement statement = connection.prepareStatement(sql)) {
			for (int i = 0; i < parameters.length; i++) {
				statement.setString(i + 1, parameters[i]);
			}
			List<String> values = new ArrayList<>();
			try (ResultSet result = statement.executeQuery()) {
				while (result.next()) {
					values.add(result.getString(1));
				}
			}
			return values;
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Query failed: " + ex.getMessage() + "\n" + sql, ex);
		}
	}

	/**
	 * Runs a query that returns one value.
	 * @param sql the query, with {@code ?} for the parameters
	 * @param parameters the parameters, bound as strings
	 * @return the value as text
	 */
	String string(String sql, String... parameters) {
		List<String> values = strings(sql, parameters);
		assertThat(values).as("rows of %s", sql).hasSize(1);
		return values.get(0);
	}

	/**
	 * Runs statements on one connection, for example to drop a role after a scenario.
	 * @param sql the statements
	 */
	void executeQuietly(String sql) {
		try (Connection connection = this.database.connect(); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			System.err.println("Clean-up failed: " + ex.getMessage());
		}
	}

	private static String describe(EntityDrift drift) {
		return drift.status() + " " + drift.kind() + " " + drift.identity() + "\n" + drift.diff();
	}

	static String read(Path file) {
		try {
			return Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * What a convergence planned and wrote.
	 *
	 * @param plan the plan
	 * @param file the migration file
	 * @param script the file's content
	 */
	record Convergence(MigrationPlan plan, Path file, String script) {

		/**
		 * The position of the first statement containing a text.
		 * @param text the text
		 * @return the statement's index in the plan
		 */
		int position(String text) {
			List<String> statements = this.plan.statements();
			for (int i = 0; i < statements.size(); i++) {
				if (statements.get(i).contains(text)) {
					return i;
				}
			}
			throw new AssertionError("No statement contains '" + text + "' in the plan\n" + this.script);
		}

		/**
		 * The statements containing a text.
		 * @param text the text
		 * @return the statements
		 */
		List<String> statementsContaining(String text) {
			return this.plan.statements().stream().filter((statement) -> statement.contains(text)).toList();
		}

		/**
		 * The statements that drop something.
		 * @return the {@code DROP} statements
		 */
		List<String> dropStatements() {
			return this.plan.statements().stream().filter((statement) -> statement.startsWith("DROP ")).toList();
		}

	}

}
