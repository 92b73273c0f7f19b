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
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import io.pgentities.CompiledDeclarations;
import io.pgentities.MigrationPlan;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The command-line tool: {@code check}, {@code plan}, {@code generate}, {@code import} and
 * {@code compile}.
 * Exit codes: 0 in sync or done, 1 drift, 2 bad input or no database.
 */
@Command(name = "pg-entities", mixinStandardHelpOptions = true, versionProvider = PgEntitiesCli.Version.class,
		description = "Compares PostgreSQL functions, procedures, views, materialized views, triggers and policies "
				+ "declared in SQL files with a database.",
		subcommands = { PgEntitiesCli.Check.class, PgEntitiesCli.Plan.class, PgEntitiesCli.Generate.class,
				PgEntitiesCli.Import.class, PgEntitiesCli.Compile.class },
		exitCodeListHeading = "%nExit codes:%n",
		exitCodeList = { "0:in sync, or done", "1:drift", "2:bad input or no database" })
public final class PgEntitiesCli implements Runnable {

	@Spec
	private CommandLine.Model.CommandSpec spec;

	private final Path workingDirectory;

	private PgEntitiesCli(Path workingDirectory) {
		this.workingDirectory = workingDirectory;
	}

	/**
	 * Runs the tool and exits with its exit code.
	 * @param args the arguments
	 */
	public static void main(String[] args) {
		PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
		PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
		System.exit(run(Path.of("").toAbsolutePath(), out, err, args));
	}

	/**
	 * Runs the tool.
	 * @param workingDirectory what relative paths are relative to
	 * @param out where reports go
	 * @param err where errors go
	 * @param args the arguments
	 * @return the exit code
	 */
	public static int run(Path workingDirectory, PrintWriter out, PrintWriter err, String... args) {
		CommandLine commandLine = new CommandLine(new PgEntitiesCli(workingDirectory));
		commandLine.setOut(out);
		commandLine.setErr(err);
		commandLine.setExecutionExceptionHandler((ex, command, parseResult) -> {
			command.getErr().println("pg-entities: " + message(ex));
			command.getErr().flush();
			return ExitCode.ERROR.code();
		});
		commandLine.setExitCodeExceptionMapper((ex) -> ExitCode.ERROR.code());
		int code = commandLine.execute(args);
		out.flush();
		err.flush();
		return code;
	}

	@Override
	public void run() {
		throw new CommandLine.ParameterException(this.spec.commandLine(), "Missing command: check, plan, generate, import or compile");
	}

	private static String message(Throwable ex) {
		String message = ex.getMessage();
		return (message != null) ? message : ex.toString();
	}

	/**
	 * Where the database is: a URL, or migrations for an embedded PostgreSQL.
	 */
	static final class DatabaseOptions {

		@Option(names = "--url", paramLabel = "JDBC_URL",
				description = "The database, e.g. jdbc:postgresql://localhost:5432/app. Without it, --migrations run on an embedded PostgreSQL.")
		@Nullable String url;

		@Option(names = "--user", description = "The database user (default: the URL's).")
		@Nullable String user;

		@Option(names = "--password", defaultValue = "${env:PG_ENTITIES_PASSWORD}",
				description = "The password (default: the PG_ENTITIES_PASSWORD environment variable, else the URL's).")
		@Nullable String password;

		@Option(names = "--migrations", arity = "1..*", paramLabel = "DIR",
				description = "Flyway migration locations (directories, or classpath:/filesystem: locations) to run on an embedded PostgreSQL when there is no --url.")
		List<String> migrations = new ArrayList<>();

		@Option(names = "--postgres-version", paramLabel = "VERSION",
				description = "The embedded PostgreSQL's version: 13 to 18, or a full version such as 16.10.0 (default: the launcher's).")
		@Nullable String postgresVersion;

		@Option(names = "--schemas", split = ",", paramLabel = "SCHEMA",
				description = "The managed schemas, comma-separated (default: the schemas of the declared entities).")
		List<String> schemas = new ArrayList<>();

		@Option(names = "--ignore", arity = "1..*", paramLabel = "PATTERN",
				description = "Identity patterns ('*' wildcard, e.g. 'public.legacy_*') of undeclared objects that are neither reported, planned nor imported.")
		List<String> ignore = new ArrayList<>();

	}

	/**
	 * The declared entities and what a plan may do.
	 */
	static final class EntityOptions {

		@Option(names = "--entities", arity = "1..*", paramLabel = "PATH",
				description = "Entity SQL files, directories (searched recursively for *.sql) and globs.")
		List<String> entities = new ArrayList<>();

		@Option(names = "--drop-undeclared", description = "Whether plans drop undeclared objects in the managed schemas.")
		boolean dropUndeclared;

	}

	abstract static class GateCommand implements Callable<Integer> {

		@CommandLine.ParentCommand
		@Nullable PgEntitiesCli parent;

		@Spec
		CommandLine.Model.@Nullable CommandSpec spec;

		@Mixin
		DatabaseOptions database = new DatabaseOptions();

		GateSettings settings(List<String> entities, boolean dropUndeclared) {
			return new GateSettings(this.database.url, this.database.user, this.database.password, entities,
					this.database.migrations, this.database.postgresVersion, this.database.schemas, this.database.ignore,
					dropUndeclared, workingDirectory());
		}

		Path workingDirectory() {
			return (this.parent != null) ? this.parent.workingDirectory : Path.of("").toAbsolutePath();
		}

		PrintWriter out() {
			return this.spec.commandLine().getOut();
		}

		void output(@Nullable Path file, String text) {
			if (file == null) {
				out().print(text);
				out().flush();
				return;
			}
			Path target = workingDirectory().resolve(file);
			try {
				Path parent = target.getParent();
				if (parent != null) {
					Files.createDirectories(parent);
				}
				Files.writeString(target, text, StandardCharsets.UTF_8);
			}
			catch (IOException ex) {
				throw new GateException("Cannot write " + target + ": " + ex, ex);
			}
		}

	}

	@Command(name = "check", mixinStandardHelpOptions = true,
			description = "Compares the declared entities with the database and lints them; exits 1 on drift.",
			exitCodeListHeading = "%nExit codes:%n",
			exitCodeList = { "0:in sync (or all drift accepted by the baseline)", "1:drift, or lint findings with --lint fail",
					"2:bad input or no database" })
	static final class Check extends GateCommand {

		@Mixin
		EntityOptions entities = new EntityOptions();

		@Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
				description = "The report's format: text, json, junit or sarif (default: text).")
		String format = "text";

		@Option(names = "--output", paramLabel = "FILE", description = "Where the report goes (default: standard output).")
		@Nullable Path output;

		@Option(names = "--lint", defaultValue = "warn", paramLabel = "MODE",
				description = "The security lint of the declarations: off, warn (report the findings) or fail (findings exit 1 as drift does) (default: warn).")
		String lint = "warn";

		@Option(names = "--baseline", paramLabel = "FILE",
				description = "Drift to accept, recorded by --write-baseline: only new or different drift fails.")
		@Nullable Path baseline;

		@Option(names = "--write-baseline", paramLabel = "FILE",
				description = "Records the current drift as the baseline in FILE, and accepts it.")
		@Nullable Path writeBaseline;

		@Override
		public Integer call() {
			ReportFormat reportFormat = ReportFormat.of(this.format);
			LintMode lintMode = LintMode.of(this.lint);
			Baseline accepted = (this.baseline != null) ? Baseline.read(workingDirectory().resolve(this.baseline))
					: Baseline.empty();
			GateResult result = new DriftGate(settings(this.entities.entities, this.entities.dropUndeclared))
				.check(accepted, lintMode);
			if (this.writeBaseline != null) {
				Baseline recorded = Baseline.of(result.report());
				recorded.write(workingDirectory().resolve(this.writeBaseline));
				result = result.withBaseline(recorded);
			}
			output(this.output, reportFormat.render(result));
			return result.exitCode().code();
		}

	}

	@Command(name = "plan", mixinStandardHelpOptions = true,
			description = "Prints the statements that bring the database to the declared entities; exits 1 when there are any.",
			exitCodeListHeading = "%nExit codes:%n",
			exitCodeList = { "0:nothing to do", "1:the plan is not empty", "2:bad input or no database" })
	static final class Plan extends GateCommand {

		@Mixin
		EntityOptions entities = new EntityOptions();

		@Option(names = "--output", paramLabel = "FILE", description = "Where the plan goes (default: standard output).")
		@Nullable Path output;

		@Override
		public Integer call() {
			MigrationPlan plan = new DriftGate(settings(this.entities.entities, this.entities.dropUndeclared)).plan();
			output(this.output, plan.toSql());
			return (plan.isEmpty() ? ExitCode.OK : ExitCode.DRIFT).code();
		}

	}

	@Command(name = "generate", mixinStandardHelpOptions = true,
			description = "Writes the plan as the next Flyway versioned migration, V<next>__<description>.sql.",
			exitCodeListHeading = "%nExit codes:%n",
			exitCodeList = { "0:written, or nothing to do", "2:bad input or no database" })
	static final class Generate extends GateCommand {

		@Mixin
		EntityOptions entities = new EntityOptions();

		@Option(names = "--output-dir", required = true, paramLabel = "DIR",
				description = "The migrations directory: the version follows its highest and the database's history.")
		Path outputDir = Path.of(".");

		@Option(names = "--description", defaultValue = "pg-entities", paramLabel = "TEXT",
				description = "What the migration does; becomes part of the file name (default: pg-entities).")
		String description = "pg-entities";

		@Option(names = "--no-guard",
				description = "Leaves out the guard that fails the migration when an object it drops, replaces or alters changed in the database since it was generated.")
		boolean noGuard;

		@Override
		public Integer call() {
			Optional<Path> written = new DriftGate(settings(this.entities.entities, this.entities.dropUndeclared))
				.generate(this.outputDir, this.description, !this.noGuard);
			out().println(written.map((file) -> "Wrote " + file).orElse("In sync: no migration written"));
			return ExitCode.OK.code();
		}

	}

	@Command(name = "compile", mixinStandardHelpOptions = true,
			description = "Compiles the declared entities against the database (with --migrations, one built from them) and writes the compiled declarations as JSON: put them on an application's classpath as META-INF/pg-entities/compiled.json, and its checks need not simulate.",
			exitCodeListHeading = "%nExit codes:%n", exitCodeList = { "0:written", "2:bad input or no database" })
	static final class Compile extends GateCommand {

		@Mixin
		EntityOptions entities = new EntityOptions();

		@Option(names = "--output", paramLabel = "FILE",
				description = "Where the JSON goes, e.g. target/classes/META-INF/pg-entities/compiled.json (default: standard output).")
		@Nullable Path output;

		@Override
		public Integer call() {
			CompiledDeclarations compiled = new DriftGate(settings(this.entities.entities, this.entities.dropUndeclared))
				.compile();
			output(this.output, compiled.toJson());
			return ExitCode.OK.code();
		}

	}

	@Command(name = "import", mixinStandardHelpOptions = true,
			description = "Writes one SQL declaration file per live entity of the schemas (extension members left out), to adopt an existing database.",
			exitCodeListHeading = "%nExit codes:%n", exitCodeList = { "0:written", "2:bad input or no database" })
	static final class Import extends GateCommand {

		@Option(names = "--output-dir", required = true, paramLabel = "DIR", description = "Where the files go.")
		Path outputDir = Path.of(".");

		@Override
		public Integer call() {
			List<Path> written = new DriftGate(settings(List.of(), false)).importEntities(this.outputDir);
			written.forEach((file) -> out().println("Wrote " + file));
			out().println("Imported " + written.size() + " entities");
			return ExitCode.OK.code();
		}

	}

	/**
	 * The version, from the jar's manifest.
	 */
	static final class Version implements CommandLine.IVersionProvider {

		@Override
		public String[] getVersion() {
			String version = PgEntitiesCli.class.getPackage().getImplementationVersion();
			return new String[] { "pg-entities " + ((version != null) ? version : "(development build)") };
		}

	}

}
