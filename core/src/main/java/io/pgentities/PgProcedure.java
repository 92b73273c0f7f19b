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
 * A declared PostgreSQL procedure, identified by schema, name and argument types.
 *
 * @param schema the schema
 * @param name the procedure's name
 * @param arguments the argument list as written, without parentheses (names, modes and defaults included)
 * @param definition everything after the argument list, e.g. {@code LANGUAGE plpgsql AS $$ begin end $$}
 * @param comment the comment to set, or {@code null}
 * @param source where the procedure was declared
 * @param access the owner and privileges it declares
 * @param allowedLintRules the ids of the lint rules silenced for this entity
 */
public record PgProcedure(String schema, String name, String arguments, String definition, @Nullable String comment,
		String source, PgAccess access, Set<String> allowedLintRules) implements PgEntity {

	public PgProcedure {
		Objects.requireNonNull(schema, "schema must not be null");
		Objects.requireNonNull(name, "name must not be null");
		Objects.requireNonNull(arguments, "arguments must not be null");
		Objects.requireNonNull(definition, "definition must not be null");
		Objects.requireNonNull(source, "source must not be null");
		Objects.requireNonNull(access, "access must not be null");
		allowedLintRules = LintRule.validIds(allowedLintRules);
	}

	/**
	 * Creates the entity with no owner or privileges declared and no lint rule silenced.
	 */
	public PgProcedure(String schema, String name, String arguments, String definition,
			@Nullable String comment, String source) {
		this(schema, name, arguments, definition, comment, source, PgAccess.UNDECLARED, Set.of());
	}

	/**
	 * Declares a procedure the way alembic_utils does.
	 * @param schema the schema, as a plain name (it is quoted where needed, never interpreted)
	 * @param signature {@code name(argument list)}, e.g. {@code total(p_qty integer, p_price numeric)}
	 * @param definition everything after the signature: {@code LANGUAGE ... AS $$ ... $$}
	 * @return the procedure
	 */
	public static PgProcedure of(String schema, String signature, String definition) {
		RoutineSignature parsed = RoutineSignature.parse(signature);
		return new PgProcedure(schema, parsed.name(), parsed.arguments(), definition.strip(), null,
				"PgProcedure.of(" + signature + ")");
	}

	@Override
	public EntityKind kind() {
		return EntityKind.PROCEDURE;
	}

	/**
	 * The signature: quoted name and argument list.
	 * @return {@code name(arguments)}
	 */
	public String signature() {
		return Identifiers.quote(this.name) + "(" + this.arguments + ")";
	}

	@Override
	public String identity() {
		return Identifiers.qualify(this.schema, this.name) + "("
				+ RoutineSignature.identityArgumentTypes(this.arguments, true) + ")";
	}

	@Override
	public String createStatement() {
		return "CREATE PROCEDURE " + Identifiers.quote(this.schema) + "." + signature() + " " + this.definition;
	}

	@Override
	public PgProcedure withSource(String source) {
		return new PgProcedure(this.schema, this.name, this.arguments, this.definition, this.comment, source,
				this.access, this.allowedLintRules);
	}

	@Override
	public PgProcedure withComment(@Nullable String comment) {
		return new PgProcedure(this.schema, this.name, this.arguments, this.definition, comment, this.source,
				this.access, this.allowedLintRules);
	}

	@Override
	public PgProcedure allowing(String... rules) {
		Set<String> allowed = new LinkedHashSet<>(this.allowedLintRules);
		allowed.addAll(List.of(rules));
		return new PgProcedure(this.schema, this.name, this.arguments, this.definition, this.comment, this.source, this.access, allowed);
	}

	@Override
	public PgProcedure withAccess(PgAccess access) {
		return new PgProcedure(this.schema, this.name, this.arguments, this.definition, this.comment, this.source, access,
				this.allowedLintRules);
	}

}
