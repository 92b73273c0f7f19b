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
package io.pgentities.internal.sql;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A possibly schema-qualified name as written in SQL, already case-folded.
 *
 * @param schema the schema, or {@code null} when the name is unqualified
 * @param name the object's name
 */
public record QualifiedName(@Nullable String schema, String name) {

	/**
	 * Reads {@code name} or {@code schema.name} (quoted or not) from text.
	 * @param text the text
	 * @return the name
	 * @throws IllegalArgumentException if the text is not a (qualified) name
	 */
	public static QualifiedName parse(String text) {
		List<Token> tokens = SqlLexer.meaningfulTokens(text);
		if (tokens.size() == 1 && tokens.get(0).isIdentifier()) {
			return new QualifiedName(null, tokens.get(0).identifier());
		}
		if (tokens.size() == 3 && tokens.get(0).isIdentifier() && tokens.get(1).is(".")
				&& tokens.get(2).isIdentifier()) {
			return new QualifiedName(tokens.get(0).identifier(), tokens.get(2).identifier());
		}
		throw new IllegalArgumentException("Not a name or schema-qualified name: '" + text + "'");
	}

	/**
	 * The schema, or the given default when unqualified.
	 * @param defaultSchema the schema unqualified names belong to
	 * @return the schema
	 */
	public String schemaOr(String defaultSchema) {
		return (this.schema != null) ? this.schema : defaultSchema;
	}

}
