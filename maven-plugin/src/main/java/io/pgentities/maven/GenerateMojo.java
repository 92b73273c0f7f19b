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
import java.nio.file.Path;
import java.util.Optional;

import io.pgentities.cli.DriftGate;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.jspecify.annotations.Nullable;

/**
 * Writes the plan as the next Flyway versioned migration into the first migrations directory
 * (or {@code outputDirectory}): the version follows the highest of the directory's files and
 * the database's history.
 */
@Mojo(name = "generate", threadSafe = true)
public class GenerateMojo extends AbstractGateMojo {

	/** Where the migration goes (default: the first migrations directory). */
	@Parameter(property = "pg-entities.output-dir")
	@Nullable File outputDirectory;

	/** What the migration does; becomes part of the file name. */
	@Parameter(property = "pg-entities.description", defaultValue = "pg-entities")
	String description = "pg-entities";

	/**
	 * Whether the migration starts with a guard that fails it when an object it drops,
	 * replaces or alters changed in the database since it was generated.
	 */
	@Parameter(property = "pg-entities.guard", defaultValue = "true")
	boolean guard = true;

	@Override
	void run(DriftGate gate) {
		Path directory = (this.outputDirectory != null) ? this.outputDirectory.toPath()
				: Path.of(migrationLocations().get(0).replaceFirst("^filesystem:", ""));
		Optional<Path> written = gate.generate(directory, this.description, this.guard);
		getLog().info(written.map((file) -> "Wrote " + file).orElse("In sync: no migration written"));
	}

}
