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
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.pgentities.CompiledDeclarations;
import io.pgentities.PgEntitiesEngine;
import io.pgentities.PgView;
import io.pgentities.testsupport.PostgresTest;
import io.pgentities.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.core.io.DefaultResourceLoader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CompiledDeclarationsResource}.
 */
@PostgresTest
class CompiledDeclarationsResourceTests {

	private final TestDatabase database;

	CompiledDeclarationsResourceTests(TestDatabase database) {
		this.database = database;
	}

	@Test
	void compiledDeclarationsOnTheClasspathAreRead(@TempDir Path classes) throws IOException {
		CompiledDeclarations compiled = PgEntitiesEngine.create(this.database.dataSource())
			.compile(List.of(PgView.of("public", "v", "SELECT 1 AS one")));
		write(classes, compiled.toJson());
		CompiledDeclarations read = CompiledDeclarationsResource.load(loader(classes), new PgEntitiesProperties());
		assertThat(read).isNotNull();
		assertThat(read.toJson()).isEqualTo(compiled.toJson());
	}

	@Test
	void compiledDeclarationsAreNotReadWhenDisabled(@TempDir Path classes) throws IOException {
		write(classes, PgEntitiesEngine.create(this.database.dataSource()).compile(List.of()).toJson());
		PgEntitiesProperties properties = new PgEntitiesProperties();
		properties.setPrecompiled(false);
		assertThat(CompiledDeclarationsResource.load(loader(classes), properties)).isNull();
	}

	@Test
	void unreadableCompiledDeclarationsAreIgnored(@TempDir Path classes) throws IOException {
		write(classes, "{\"format\":99}");
		assertThat(CompiledDeclarationsResource.load(loader(classes), new PgEntitiesProperties())).isNull();
	}

	@Test
	void noCompiledDeclarationsOnTheClasspathIsNothing(@TempDir Path classes) {
		assertThat(CompiledDeclarationsResource.load(loader(classes), new PgEntitiesProperties())).isNull();
	}

	private static void write(Path classes, String json) throws IOException {
		Path file = classes.resolve("META-INF/pg-entities/compiled.json");
		Files.createDirectories(file.getParent());
		Files.writeString(file, json);
	}

	private static DefaultResourceLoader loader(Path classes) {
		return new DefaultResourceLoader(new URLClassLoader(new URL[] { toUrl(classes) }, null));
	}

	private static URL toUrl(Path path) {
		try {
			return path.toUri().toURL();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
