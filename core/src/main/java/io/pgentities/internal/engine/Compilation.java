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
package io.pgentities.internal.engine;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import io.pgentities.PgEntity;
import io.pgentities.internal.catalog.CatalogEntity;
import org.jspecify.annotations.Nullable;

/**
 * Declarations compiled once: what PostgreSQL made of each, and what that depended on, so
 * that a check can take the declared side from here instead of simulating.
 *
 * @param format the format of the JSON form, {@link #FORMAT}
 * @param serverVersion {@code server_version_num} of the server that compiled them
 * @param environment the fingerprint of the {@linkplain io.pgentities.internal.catalog.Environment
 * environment} they were simulated in, live objects of the declared identities left out
 * @param schemas the schemas the environment covers
 * @param roles the roles it covers
 * @param declarations each declaration with its hash and canonical form, in declaration order
 */
public record Compilation(int format, int serverVersion, String environment, List<String> schemas,
		List<String> roles, List<Compiled> declarations) {

	/** The format written; no other is read. */
	public static final int FORMAT = 1;

	public Compilation {
		schemas = List.copyOf(schemas);
		roles = List.copyOf(roles);
		declarations = List.copyOf(declarations);
	}

	/**
	 * The declarations, in order.
	 * @return the declared entities
	 */
	public List<PgEntity> declared() {
		return this.declarations.stream().map(Compiled::declaration).toList();
	}

	/**
	 * The first declaration whose hash is not the one compiled: the declaration was edited
	 * after it was compiled, and its canonical form is no longer its own.
	 * @return its identity, or {@code null} when every declaration is as compiled
	 */
	public @Nullable String firstEdited() {
		return this.declarations.stream()
			.filter((entry) -> !entry.hash().equals(hash(entry.declaration())))
			.map((entry) -> entry.declaration().identity())
			.findFirst()
			.orElse(null);
	}

	/**
	 * The server's major version, such as {@code 15}.
	 * @return the major version
	 */
	public int serverMajor() {
		return this.serverVersion / 10000;
	}

	/**
	 * The JSON form.
	 * @return the JSON text
	 */
	public String toJson() {
		return RecordJson.write(this);
	}

	/**
	 * Reads the JSON form.
	 * @param json the text
	 * @return the compilation
	 * @throws IllegalArgumentException if the text is not of {@link #FORMAT}
	 */
	public static Compilation fromJson(String json) {
		Compilation compilation;
		try {
			compilation = RecordJson.read(json, Compilation.class);
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			throw new IllegalArgumentException("Not compiled declarations of format " + FORMAT + ": " + ex.getMessage(),
					ex);
		}
		if (compilation.format() != FORMAT) {
			throw new IllegalArgumentException(
					"Compiled declarations of format " + compilation.format() + "; this version reads format " + FORMAT);
		}
		return compilation;
	}

	/**
	 * The hash of a declaration: of everything it says, including where it was declared.
	 * @param declaration the declaration
	 * @return the SHA-256, in hex
	 */
	public static String hash(PgEntity declaration) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(digest.digest(RecordJson.write(declaration).getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * One compiled declaration.
	 *
	 * @param hash the declaration's {@linkplain #hash(PgEntity) hash} when compiled
	 * @param declaration the declaration
	 * @param canonical what PostgreSQL made of it
	 */
	public record Compiled(String hash, PgEntity declaration, CatalogEntity canonical) {

	}

}
