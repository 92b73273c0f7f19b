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

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import io.pgentities.Analysis;
import io.pgentities.CompiledDeclarations;
import io.pgentities.DriftReport;
import io.pgentities.EntityDeclaration;
import io.pgentities.EntityKind;
import io.pgentities.FlywayMigrationWriter;
import io.pgentities.LintFinding;
import io.pgentities.MigrationPlan;
import io.pgentities.PgEntitiesEngine;
import io.pgentities.PgEntity;
import io.pgentities.PlanRefusedException;

/**
 * The drift gate: the engine run on files and a database, without an application. Each
 * command opens the database of the settings (starting an embedded PostgreSQL and running
 * the migrations when there is no URL), does its work and closes it.
 */
public final class DriftGate {

	private final GateSettings settings;

	/**
	 * Creates a gate.
	 * @param settings what it works on
	 */
	public DriftGate(GateSettings settings) {
		this.settings = settings;
	}

	/**
	 * Compares the declared entities with the database, and plans the difference; the
	 * declarations are linted as in {@link LintMode#WARN}.
	 * @param baseline the drift to accept
	 * @return what was found
	 * @throws GateException if the input is invalid or the database cannot be reached
	 */
	public GateResult check(Baseline baseline) {
		return check(baseline, LintMode.WARN);
	}

	/**
	 * Compares the declared entities with the database, plans the difference, and lints the
	 * declarations unless the mode is {@link LintMode#OFF}.
	 * @param baseline the drift to accept
	 * @param lintMode what the lint's findings do
	 * @return what was found
	 * @throws GateException if the input is invalid or the database cannot be reached
	 */
	public GateResult check(Baseline baseline, LintMode lintMode) {
		List<PgEntity> declared = declared();
		return withDatabase((database) -> {
			PgEntitiesEngine engine = engine(database);
			DriftReport report;
			MigrationPlan plan;
			try {
				Analysis analysis = engine.analyze(declared);
				report = analysis.report();
				plan = analysis.plan();
			}
			catch (PlanRefusedException ex) {
				// the drift is known even when no plan can resolve it: report it, without a plan
				report = ex.getReport();
				plan = new MigrationPlan(List.of(), List.of(), List.of());
			}
			List<LintFinding> findings = (lintMode != LintMode.OFF) ? engine.lint(declared) : List.of();
			return new GateResult(report, plan, baseline, findings, lintMode);
		});
	}

	/**
	 * Plans the statements that bring the database to the declared entities.
	 * @return the plan, empty when in sync
	 * @throws GateException if the input is invalid or the database cannot be reached
	 */
	public MigrationPlan plan() {
		return analyze().plan();
	}

	/**
	 * Writes the plan as the next Flyway versioned migration, as the starter's dev mode does:
	 * the version follows the highest of the directory's migrations and the database's history.
	 * @param directory the migrations directory
	 * @param description what the migration does; becomes part of the file name
	 * @return the file written, or empty when in sync
	 * @throws GateException if the input is invalid or the database cannot be reached
	 */
	public Optional<Path> generate(Path directory, String description) {
		return generate(directory, description, true);
	}

	/**
	 * Writes the plan as the next Flyway versioned migration, as {@link #generate(Path, String)}
	 * does, with or without the fingerprint guard ({@link PgEntitiesEngine#guard}) that fails
	 * the migration when what it replaces changed in the database since.
	 * @param directory the migrations directory
	 * @param description what the migration does; becomes part of the file name
	 * @param guard whether the migration starts with the guard
	 * @return the file written, or empty when in sync
	 * @throws GateException if the input is invalid or the database cannot be reached
	 */
	public Optional<Path> generate(Path directory, String description, boolean guard) {
		Path target = this.settings.workingDirectory().resolve(directory);
		List<PgEntity> declared = declared();
		return withDatabase((database) -> {
			PgEntitiesEngine engine = engine(database);
			Analysis analysis = engine.analyze(declared);
			FlywayMigrationWriter writer = new FlywayMigrationWriter(target).withHistory(database.dataSource());
			if (guard) {
				writer = writer.withGuard(engine.guard(analysis));
			}
			return writer.write(analysis.plan(), description);
		});
	}

	/**
	 * Writes one declaration file per live entity of the managed schemas (extension members
	 * left out), so that an existing database can be adopted: {@code functions/public.total_integer.sql},
	 * {@code views/public.order_line_items.sql}, ...
	 * @param directory where the files go
	 * @return the files written, in order
	 * @throws GateException if no schemas are given, a file exists already, or the database
	 * cannot be reached
	 */
	public List<Path> importEntities(Path directory) {
		if (this.settings.schemas().isEmpty()) {
			throw new GateException("Importing needs the schemas to read (--schemas)");
		}
		Path target = this.settings.workingDirectory().resolve(directory);
		return withDatabase((database) -> {
			List<EntityDeclaration> declarations = engine(database).declarations();
			List<Path> written = new ArrayList<>();
			Set<Path> used = new HashSet<>();
			for (EntityDeclaration declaration : declarations) {
				Path file = uniqueFile(target.resolve(directoryName(declaration.kind())), fileName(declaration), used);
				write(file, "-- " + declaration.kind().sqlName() + " " + declaration.identity() + ", imported from "
						+ database.description() + "\n" + declaration.toSql());
				written.add(file);
			}
			return written;
		});
	}

	/**
	 * Compiles the declared entities against the database ({@link PgEntitiesEngine#compile}),
	 * so that an application built from the same migrations can check them without simulating.
	 * @return the compiled declarations
	 */
	public CompiledDeclarations compile() {
		List<PgEntity> declared = declared();
		return withDatabase((database) -> engine(database).compile(declared));
	}

	private Analysis analyze() {
		List<PgEntity> declared = declared();
		return withDatabase((database) -> engine(database).analyze(declared));
	}

	private List<PgEntity> declared() {
		if (this.settings.entities().isEmpty() && this.settings.schemas().isEmpty()) {
			// nothing declared and no schema to look in: a gate that could never fail
			throw new GateException("Nothing to compare: give the entity files (--entities), the managed schemas "
					+ "(--schemas), or both");
		}
		return new EntityFiles(this.settings.workingDirectory()).read(this.settings.entities());
	}

	private PgEntitiesEngine engine(GateDatabase database) {
		PgEntitiesEngine.Builder builder = PgEntitiesEngine.builder(database.dataSource())
			.schemas(this.settings.schemas())
			.dropUndeclared(this.settings.dropUndeclared());
		try {
			builder.ignore(this.settings.ignore());
		}
		catch (IllegalArgumentException ex) {
			throw new GateException("Invalid ignore pattern: " + ex.getMessage(), ex);
		}
		return builder.build();
	}

	private <T> T withDatabase(Function<GateDatabase, T> work) {
		try (GateDatabase database = GateDatabase.open(this.settings)) {
			return work.apply(database);
		}
	}

	private static String directoryName(EntityKind kind) {
		String name = kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
		return name.endsWith("y") ? name.substring(0, name.length() - 1) + "ies" : name + "s";
	}

	private static String fileName(EntityDeclaration declaration) {
		String name = declaration.identity()
			.replace("\"", "")
			.replaceAll("[^\\p{L}\\p{N}_.-]+", "_")
			.replaceAll("_+(\\.|$)", "$1");
		return name.isEmpty() ? "entity" : name;
	}

	private static Path uniqueFile(Path directory, String name, Set<Path> used) {
		Path file = directory.resolve(name + ".sql");
		for (int i = 2; !used.add(file); i++) {
			file = directory.resolve(name + "_" + i + ".sql");
		}
		if (Files.exists(file)) {
			throw new GateException("Not importing over " + file + ": it exists already");
		}
		return file;
	}

	private static void write(Path file, String text) {
		try {
			Files.createDirectories(file.getParent());
			Files.writeString(file, text, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new GateException("Cannot write " + file + ": " + ex, ex);
		}
	}

}
