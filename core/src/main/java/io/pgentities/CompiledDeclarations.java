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

import java.util.List;
import java.util.Objects;

import io.pgentities.internal.engine.Compilation;
import org.jspecify.annotations.Nullable;

/**
 * Declarations compiled once, at build time or on first start, so that checks need not
 * simulate them: for each declaration, its hash and the canonical definition PostgreSQL made
 * of it, with the server's major version and a fingerprint of everything the simulation
 * depended on (the relations, routines, types and other names in the schemas the
 * declarations reach, the roles they name, the settings that change how PostgreSQL prints).
 * {@link PgEntitiesEngine#check(CompiledDeclarations)} uses the canonical definitions only
 * where all of these are unchanged, and checks in full otherwise.
 * <p>
 * Made by {@link PgEntitiesEngine#compile}; kept as JSON ({@link #toJson()},
 * {@link #fromJson(String)}), for instance as {@code META-INF/pg-entities/compiled.json}.
 * Instances are immutable.
 */
public final class CompiledDeclarations {

	private final Compilation compilation;

	private final @Nullable String edited;

	CompiledDeclarations(Compilation compilation) {
		this.compilation = compilation;
		this.edited = compilation.firstEdited();
	}

	/**
	 * Reads compiled declarations from their JSON form.
	 * @param json the text {@link #toJson()} wrote
	 * @return the compiled declarations
	 * @throws IllegalArgumentException if the text is not compiled declarations of the
	 * format this version writes
	 */
	public static CompiledDeclarations fromJson(String json) {
		Objects.requireNonNull(json, "json must not be null");
		return new CompiledDeclarations(Compilation.fromJson(json));
	}

	/**
	 * The JSON form: a versioned format that {@link #fromJson(String)} reads back.
	 * @return the JSON text
	 */
	public String toJson() {
		return this.compilation.toJson();
	}

	/**
	 * The declarations compiled, in order.
	 * @return the declared entities
	 */
	public List<PgEntity> declarations() {
		return this.compilation.declared();
	}

	/**
	 * The major version of the server the declarations were compiled on, such as {@code 17}.
	 * @return the major version
	 */
	public int serverMajorVersion() {
		return this.compilation.serverMajor();
	}

	Compilation compilation() {
		return this.compilation;
	}

	/**
	 * The first declaration edited after it was compiled, found once: hashing every
	 * declaration costs more than the rest of a check that needs no simulation.
	 */
	@Nullable String edited() {
		return this.edited;
	}

	@Override
	public String toString() {
		return "CompiledDeclarations of " + this.compilation.declarations().size() + " entities on PostgreSQL "
				+ serverMajorVersion();
	}

}
