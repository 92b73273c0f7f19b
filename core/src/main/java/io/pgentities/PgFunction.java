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

import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * A declared PostgreSQL function, identified by schema, name and argument types.
 *
 * @param schema the schema
 * @param name the function's name
 * @param arguments the argument list as written, without parentheses (names, modes and defaults included)
 * @param definition everything after the argument list, e.g. {@code RETURNS integer LANGUAGE sql AS $$ select 1 $$}
 * @param comment the comment to set, or {@code null}
 * @param source where the function was declared
 * @param access the owner and privileges it declares
 * @param allowedLintRules the ids of the lint rules silenced for this entity
 */
public record PgFunction(String schema, String name, String arguments, String definition, @Nullable String comment,
		String source, PgAccess access, Set<String> allowedLintRules) implements PgEntity {

	// the checks live in RoutineDeclaration, shared with the other routine kinds
	public PgFunction {
		allowedLintRules = new RoutineDeclaration(schema, name, arguments, definition, comment, source, access,
				allowedLintRules).allowedLintRules();
	}

	/**
	 * Creates the entity with no owner or privileges declared and no lint rule silenced.
	 */
	public PgFunction(String schema, String name, String arguments, String definition,
			@Nullable String comment, String source) {
		this(schema, name, arguments, definition, comment, source, PgAccess.UNDECLARED, Set.of());
	}

	/**
	 * Declares a function the way alembic_utils does.
	 * @param schema the schema, as a plain name (it is quoted where needed, never interpreted)
	 * @param signature {@code name(argument list)}, e.g. {@code total(p_qty integer, p_price numeric)}
	 * @param definition everything after the signature: {@code RETURNS ... LANGUAGE ... AS $$ ... $$}
	 * @return the function
	 */
	public static PgFunction of(String schema, String signature, String definition) {
		return RoutineDeclaration.parse(schema, signature, definition, "PgFunction.of").to(PgFunction::new);
	}

	@Override
	public EntityKind kind() {
		return EntityKind.FUNCTION;
	}

	/**
	 * The signature: quoted name and argument list.
	 * @return {@code name(arguments)}
	 */
	public String signature() {
		return declaration().signature();
	}

	@Override
	public String identity() {
		return declaration().identity(false);
	}

	@Override
	public String createStatement() {
		return declaration().createStatement("CREATE FUNCTION");
	}

	@Override
	public PgFunction withSource(String source) {
		return declaration().withSource(source).to(PgFunction::new);
	}

	@Override
	public PgFunction withComment(@Nullable String comment) {
		return declaration().withComment(comment).to(PgFunction::new);
	}

	@Override
	public PgFunction allowing(String... rules) {
		return declaration().allowing(rules).to(PgFunction::new);
	}

	@Override
	public PgFunction withAccess(PgAccess access) {
		return declaration().withAccess(access).to(PgFunction::new);
	}

	private RoutineDeclaration declaration() {
		return new RoutineDeclaration(this.schema, this.name, this.arguments, this.definition, this.comment, this.source,
				this.access, this.allowedLintRules);
	}

}
