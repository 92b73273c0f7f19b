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

	public PgAggregate {
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
		RoutineSignature parsed = RoutineSignature.parse(signature);
		return new PgAggregate(schema, parsed.name(), parsed.arguments(), definition.strip(), null,
				"PgAggregate.of(" + signature + ")");
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
		return Identifiers.quote(this.name) + "(" + this.arguments + ")";
	}

	@Override
	public String identity() {
		return Identifiers.qualify(this.schema, this.name) + "("
				+ RoutineSignature.identityArgumentTypes(this.arguments, false) + ")";
	}

	@Override
	public String createStatement() {
		return "CREATE AGGREGATE " + Identifiers.quote(this.schema) + "." + signature() + " " + this.definition;
	}

	@Override
	public PgAggregate withSource(String source) {
		return new PgAggregate(this.schema, this.name, this.arguments, this.definition, this.comment, source,
				this.access, this.allowedLintRules);
	}

	@Override
	public PgAggregate withComment(@Nullable String comment) {
		return new PgAggregate(this.schema, this.name, this.arguments, this.definition, comment, this.source,
				this.access, this.allowedLintRules);
	}

	@Override
	public PgAggregate allowing(String... rules) {
		Set<String> allowed = new LinkedHashSet<>(this.allowedLintRules);
		allowed.addAll(List.of(rules));
		return new PgAggregate(this.schema, this.name, this.arguments, this.definition, this.comment, this.source,
				this.access, allowed);
	}

	@Override
	public PgAggregate withAccess(PgAccess access) {
		return new PgAggregate(this.schema, this.name, this.arguments, this.definition, this.comment, this.source,
				access, this.allowedLintRules);
	}

}
