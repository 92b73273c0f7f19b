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
import java.util.List;

import io.pgentities.cli.DriftGate;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.jspecify.annotations.Nullable;

/**
 * Writes one SQL declaration file per live entity of the schemas (extension members left
 * out) into the entities directory, to adopt an existing database.
 */
@Mojo(name = "import", threadSafe = true)
public class ImportMojo extends AbstractGateMojo {

	/** Where the files go (default: {@code src/main/resources/db/entities}). */
	@Parameter(property = "pg-entities.output-dir")
	@Nullable File outputDirectory;

	@Override
	void run(DriftGate gate) {
		Path directory = (this.outputDirectory != null) ? this.outputDirectory.toPath() : Path.of(DEFAULT_ENTITIES);
		List<Path> written = gate.importEntities(directory);
		written.forEach((file) -> getLog().info("Wrote " + file));
		getLog().info("Imported " + written.size() + " entities");
	}

}
