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

import io.pgentities.cli.DriftGate;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.jspecify.annotations.Nullable;

/**
 * Compiles the declared entities against the database (by default, an embedded PostgreSQL
 * built from the project's migrations) and writes the compiled declarations where the
 * starter finds them on the classpath, {@code META-INF/pg-entities/compiled.json}: the
 * application's checks then need not simulate while nothing they depend on changed.
 */
@Mojo(name = "compile", defaultPhase = LifecyclePhase.PROCESS_CLASSES, threadSafe = true, requiresProject = true)
public class CompileMojo extends AbstractGateMojo {

	/** Where the compiled declarations go. */
	@Parameter(property = "pg-entities.compiled-output",
			defaultValue = "${project.build.outputDirectory}/META-INF/pg-entities/compiled.json")
	@Nullable File output;

	@Override
	void run(DriftGate gate) throws MojoExecutionException {
		if (this.output == null) {
			throw new MojoExecutionException("pg-entities: no output file for the compiled declarations");
		}
		Path file = this.output.toPath();
		String json = gate.compile().toJson();
		try {
			Files.createDirectories(file.toAbsolutePath().getParent());
			Files.writeString(file, json, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new MojoExecutionException("pg-entities: cannot write " + file + ": " + ex.getMessage(), ex);
		}
		getLog().info("Wrote " + file);
	}

}
