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
package io.pgentities.maven;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import io.pgentities.cli.Baseline;
import io.pgentities.cli.DriftGate;
import io.pgentities.cli.GateResult;
import io.pgentities.cli.LintMode;
import io.pgentities.cli.ReportFormat;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.jspecify.annotations.Nullable;

/**
 * Compares the declared entities with the database (by default: the project's migrations
 * run on an embedded PostgreSQL) and fails the build on drift that the baseline does not accept.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class CheckMojo extends AbstractGateMojo {

	/** The format of the report file: text, json, junit or sarif. */
	@Parameter(property = "pg-entities.format", defaultValue = "text")
	String format = "text";

	/** Where the report in {@link #format} goes, besides the build log (default: no file). */
	@Parameter(property = "pg-entities.output")
	@Nullable File output;

	/**
	 * The security lint of the declarations: off, warn (log the findings) or fail (findings
	 * fail the build, as drift does).
	 */
	@Parameter(property = "pg-entities.lint", defaultValue = "warn")
	String lint = "warn";

	/** Drift to accept, recorded by {@code writeBaseline}: only new or different drift fails. */
	@Parameter(property = "pg-entities.baseline")
	@Nullable File baseline;

	/** Records the current drift as the baseline in this file, and accepts it. */
	@Parameter(property = "pg-entities.write-baseline")
	@Nullable File writeBaseline;

	@Override
	void run(DriftGate gate) throws MojoExecutionException, MojoFailureException {
		ReportFormat reportFormat = ReportFormat.of(this.format);
		Baseline accepted = (this.baseline != null) ? Baseline.read(this.baseline.toPath()) : Baseline.empty();
		GateResult result = gate.check(accepted, LintMode.of(this.lint));
		if (this.writeBaseline != null) {
			Baseline recorded = Baseline.of(result.report());
			recorded.write(this.writeBaseline.toPath());
			getLog().info("Recorded " + recorded.size() + " drifted entities in the baseline " + this.writeBaseline);
			result = result.withBaseline(recorded);
		}
		logLines(ReportFormat.TEXT.render(result));
		if (this.output != null) {
			write(this.output.toPath(), reportFormat.render(result));
		}
		if (!result.failing().isEmpty()) {
			throw new MojoFailureException("pg-entities: " + result.failing().size()
					+ " entities drifted from their declarations; run pg-entities:generate to write the migration "
					+ "that resolves it, or see the report above");
		}
		if (result.lintFails()) {
			throw new MojoFailureException("pg-entities: the security lint found " + result.lint().size()
					+ " problems in the declarations; fix them or silence each with -- pg-entities:allow <rule>, "
					+ "see the report above");
		}
	}

	private static void write(Path file, String text) throws MojoExecutionException {
		try {
			Path parent = file.toAbsolutePath().getParent();
			if (parent != null) {
				Files.createDirectories(parent);
			}
			Files.writeString(file, text, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new MojoExecutionException("Cannot write the pg-entities report " + file + ": " + ex, ex);
		}
	}

}
