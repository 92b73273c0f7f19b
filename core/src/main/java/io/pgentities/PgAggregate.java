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
 * A declared PostgreSQL aggregate, identified by schema, name and argument types like a
 * function. Its support functions ({@code SFUNC}, {@code FINALFUNC}, {@code COMBINEFUNC}, ...)
 * may be declared entities too: the aggregate is created after them, and dropped and created
 * again when one of them has to be.
 *
 * @param schema the schema
 * @param name the aggregate's name
 * @param arguments the argument list as written, without parentheses: {@code numeric},
 * {@code *}, or an ordered-set aggregate's {@code float8 ORDER BY anyelement}
 * @param definition everything after the argument list: the parenthesized attributes, e.g.
 * {@code (SFUNC = int4pl, STYPE = integer, INITCOND = '0')}
 * @param comment the comment to set, or {@code null}
 * @param source where the aggregate was declared
 * @param access the owner and privileges it declares
 * @param allowedLintRules the ids of the lint rules silenced for this entity
 */
public record PgAggregate(String schema, String name, String arguments, String definition, @Nullable String comment,
		String source, PgAccess access, Set<String> allowedLintRules) implements PgEntity {

	// the checks live in RoutineDeclaration, shared with the other routine kinds
	public PgAggregate {
		allowedLintRules = new RoutineDeclaration(schema, name, arguments, definition, comment, source, access,
				allowedLintRules).allowedLintRules();
	}

	/**
	 * Creates the entity with no owner or privileges declared and no lint rule silenced.
	 */
	public PgAggregate(String schema, String name, String arguments, String definition,
			@Nullable String comment, String source) {
		this(schema, name, arguments, definition, comment, source, PgAccess.UNDECLARED, Set.of());
	}

	/**
	 * Declares an aggregate the way functions are declared.
	 * @param schema the schema, as a plain name (it is quoted where needed, never interpreted)
	 * @param signature {@code name(argument list)}, e.g. {@code product_sum(numeric)},
	 * {@code row_total(*)} or {@code pct(float8 ORDER BY numeric)}
	 * @param definition the parenthesized attributes after the signature:
	 * {@code (SFUNC = ..., STYPE = ..., FINALFUNC = ..., INITCOND = ...)}
	 * @return the aggregate
	 */
	public static PgAggregate of(String schema, String signature, String definition) {
		return RoutineDeclaration.parse(schema, signature, definition, "PgAggregate.of").to(PgAggregate::new);
	}

	@Override
	public EntityKind kind() {
		return EntityKind.AGGREGATE;
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
		return declaration().createStatement("CREATE AGGREGATE");
	}

	@Override
	public PgAggregate withSource(String source) {
		return declaration().withSource(source).to(PgAggregate::new);
	}

	@Override
	public PgAggregate withComment(@Nullable String comment) {
		return declaration().withComment(comment).to(PgAggregate::new);
	}

	@Override
	public PgAggregate allowing(String... rules) {
		return declaration().allowing(rules).to(PgAggregate::new);
	}

	@Override
	public PgAggregate withAccess(PgAccess access) {
		return declaration().withAccess(access).to(PgAggregate::new);
	}

	private RoutineDeclaration declaration() {
		return new RoutineDeclaration(this.schema, this.name, this.arguments, this.definition, this.comment, this.source,
				this.access, this.allowedLintRules);
	}

}
