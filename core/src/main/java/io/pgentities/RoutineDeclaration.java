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

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import io.pgentities.internal.sql.Identifiers;
import io.pgentities.internal.sql.RoutineSignature;
import org.jspecify.annotations.Nullable;

/**
 * The components that functions, procedures and aggregates share, with their checks and
 * copies. Records cannot inherit, so {@link PgFunction}, {@link PgProcedure} and
 * {@link PgAggregate} delegate to this one.
 *
 * @param schema the schema
 * @param name the routine's name
 * @param arguments the argument list as written, without parentheses
 * @param definition everything after the argument list
 * @param comment the comment to set, or {@code null}
 * @param source where the routine was declared
 * @param access the owner and privileges it declares
 * @param allowedLintRules the ids of the lint rules silenced for this routine
 */
record RoutineDeclaration(String schema, String name, String arguments, String definition, @Nullable String comment,
		String source, PgAccess access, Set<String> allowedLintRules) {

	RoutineDeclaration {
		Objects.requireNonNull(schema, "schema must not be null");
		Objects.requireNonNull(name, "name must not be null");
		Objects.requireNonNull(arguments, "arguments must not be null");
		Objects.requireNonNull(definition, "definition must not be null");
		Objects.requireNonNull(source, "source must not be null");
		Objects.requireNonNull(access, "access must not be null");
		allowedLintRules = LintRule.validIds(allowedLintRules);
	}

	/**
	 * Parses an alembic_utils style declaration.
	 * @param schema the schema
	 * @param signature {@code name(argument list)}
	 * @param definition everything after the signature
	 * @param factory the name of the factory, for the source
	 * @return the declaration, with no owner or privileges declared and no lint rule silenced
	 */
	static RoutineDeclaration parse(String schema, String signature, String definition, String factory) {
		RoutineSignature parsed = RoutineSignature.parse(signature);
		return new RoutineDeclaration(schema, parsed.name(), parsed.arguments(), definition.strip(), null,
				factory + "(" + signature + ")", PgAccess.UNDECLARED, Set.of());
	}

	/**
	 * The signature: quoted name and argument list.
	 * @return {@code name(arguments)}
	 */
	String signature() {
		return Identifiers.quote(this.name) + "(" + this.arguments + ")";
	}

	/**
	 * The identity: qualified name and identity argument types.
	 * @param includeOut whether {@code OUT} arguments belong to it, as they do for procedures
	 * @return {@code schema.name(types)}
	 */
	String identity(boolean includeOut) {
		return Identifiers.qualify(this.schema, this.name) + "("
				+ RoutineSignature.identityArgumentTypes(this.arguments, includeOut) + ")";
	}

	/**
	 * The statement that creates the routine.
	 * @param command the command, e.g. {@code CREATE FUNCTION}
	 * @return the statement
	 */
	String createStatement(String command) {
		return command + " " + Identifiers.quote(this.schema) + "." + signature() + " " + this.definition;
	}

	RoutineDeclaration withSource(String source) {
		return new RoutineDeclaration(this.schema, this.name, this.arguments, this.definition, this.comment, source,
				this.access, this.allowedLintRules);
	}

	RoutineDeclaration withComment(@Nullable String comment) {
		return new RoutineDeclaration(this.schema, this.name, this.arguments, this.definition, comment, this.source,
				this.access, this.allowedLintRules);
	}

	RoutineDeclaration allowing(String... rules) {
		Set<String> allowed = new LinkedHashSet<>(this.allowedLintRules);
		allowed.addAll(List.of(rules));
		return new RoutineDeclaration(this.schema, this.name, this.arguments, this.definition, this.comment,
				this.source, this.access, allowed);
	}

	RoutineDeclaration withAccess(PgAccess access) {
		return new RoutineDeclaration(this.schema, this.name, this.arguments, this.definition, this.comment,
				this.source, access, this.allowedLintRules);
	}

	/**
	 * Builds the public record from these components.
	 * @param <R> the record's type
	 * @param constructor its canonical constructor
	 * @return the record
	 */
	<R> R to(Constructor<R> constructor) {
		return constructor.create(this.schema, this.name, this.arguments, this.definition, this.comment, this.source,
				this.access, this.allowedLintRules);
	}

	/**
	 * The canonical constructor of a routine record.
	 *
	 * @param <R> the record's type
	 */
	@FunctionalInterface
	interface Constructor<R> {

		R create(String schema, String name, String arguments, String definition, @Nullable String comment,
				String source, PgAccess access, Set<String> allowedLintRules);

	}

}
