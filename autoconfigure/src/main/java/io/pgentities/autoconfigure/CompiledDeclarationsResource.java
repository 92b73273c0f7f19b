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
package io.pgentities.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import io.pgentities.CompiledDeclarations;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/**
 * The compiled declarations an application carries on its classpath, written at build time
 * by the command-line tool or the Maven plugin.
 */
final class CompiledDeclarationsResource {

	/**
	 * Where compiled declarations are looked for.
	 */
	static final String LOCATION = "classpath:META-INF/pg-entities/compiled.json";

	private static final Log logger = LogFactory.getLog(CompiledDeclarationsResource.class);

	private CompiledDeclarationsResource() {
	}

	/**
	 * Reads the compiled declarations, if enabled and present. A file this version cannot
	 * read is ignored with a warning: checks then simulate, as they would without it.
	 * @param resourceLoader the loader of the application's resources
	 * @param properties the properties
	 * @return the compiled declarations, or {@code null}
	 */
	static @Nullable CompiledDeclarations load(ResourceLoader resourceLoader, PgEntitiesProperties properties) {
		if (!properties.isPrecompiled()) {
			return null;
		}
		Resource resource = resourceLoader.getResource(LOCATION);
		if (!resource.exists()) {
			return null;
		}
		try (InputStream in = resource.getInputStream()) {
			CompiledDeclarations compiled = CompiledDeclarations
				.fromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8));
			logger.debug("Using " + compiled + " from " + LOCATION);
			return compiled;
		}
		catch (IOException | IllegalArgumentException ex) {
			logger.warn("Ignoring " + LOCATION + ": " + ex.getMessage());
			return null;
		}
	}

}
