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
 * A PostgreSQL object declared by the application: its kind, where it lives, its
 * identity and the SQL that creates it. Implementations are immutable records.
 */
public sealed interface PgEntity permits PgFunction, PgProcedure, PgView, PgMaterializedView, PgTrigger, PgPolicy,
		PgExtension, PgAggregate, PgEventTrigger {

	/**
	 * The kind of object.
	 * @return the kind
	 */
	EntityKind kind();

	/**
	 * The schema the object lives in; for triggers and policies, their table's schema; for an
	 * extension, the schema its objects are installed in.
	 * @return the schema name (case-folded, unquoted)
	 */
	String schema();

	/**
	 * The object's own name (case-folded, unquoted).
	 * @return the name
	 */
	String name();

	/**
	 * What identifies the object in its kind, as SQL text: {@code public.total(integer, numeric)}
	 * for routines and aggregates (argument types only, so overloads are distinct), {@code public.order_line_items}
	 * for views, {@code public.products.set_updated_at} for triggers and policies, the name alone
	 * for extensions and event triggers ({@code hstore}).
	 * @return the identity
	 */
	String identity();

	/**
	 * The comment to set on the object, if the declaration has one.
	 * @return the comment or {@code null}
	 */
	@Nullable String comment();

	/**
	 * Where the entity was declared, for error messages and reports: {@code bean 'orderLineItems'},
	 * {@code file db/entities/views.sql:12}, or the factory that made it.
	 * @return a description of the declaration's source
	 */
	String source();

	/**
	 * A copy of this entity that says where it was declared.
	 * @param source a description of the source
	 * @return the copy
	 */
	PgEntity withSource(String source);

	/**
	 * A copy of this entity with a comment, applied with {@code COMMENT ON}.
	 * @param comment the comment, or {@code null} for none
	 * @return the copy
	 */
	PgEntity withComment(@Nullable String comment);

	/**
	 * The ids of the {@linkplain LintRule lint rules} whose findings on this entity are
	 * silenced, from {@link #allowing(String...)} or, in an entity file, a comment
	 * {@code -- pg-entities:allow <rule>} on the line above the statement.
	 * @return the rule ids, empty when every rule applies
	 */
	Set<String> allowedLintRules();

	/**
	 * A copy of this entity whose findings of the given lint rules are silenced, for the
	 * cases where what a rule warns about is intended.
	 * @param rules rule ids, such as {@code security-definer-search-path}
	 * @return the copy
	 * @throws IllegalArgumentException if a rule id is unknown
	 */
	PgEntity allowing(String... rules);

	/**
	 * The statement that creates this entity as declared, with its own name schema-qualified.
	 * Materialized views' indexes and comments are not included.
	 * @return a {@code CREATE ...} statement without a trailing semicolon
	 */
	String createStatement();

	/**
	 * The owner and privileges the entity declares; compared with the live object only where
	 * declared.
	 * @return the declared access, {@link PgAccess#UNDECLARED} by default
	 */
	default PgAccess access() {
		return PgAccess.UNDECLARED;
	}

	/**
	 * A copy of this entity with an owner and privileges, for kinds whose objects have their own
	 * ({@link EntityKind#grantName()}).
	 * @param access the access
	 * @return the copy
	 * @throws IllegalArgumentException if objects of this kind have no privileges of their own
	 */
	default PgEntity withAccess(PgAccess access) {
		throw new IllegalArgumentException(kind().sqlName() + " " + identity()
				+ " has no owner or privileges of its own: they belong to its table");
	}

	/**
	 * A copy of this entity with one more {@code GRANT privileges ON entity TO grantees}.
	 * @param privileges the privileges, e.g. {@code SELECT} or {@code SELECT (id, total)}
	 * @param grantees the roles, comma-separated, e.g. {@code reader, PUBLIC}
	 * @return the copy
	 * @throws IllegalArgumentException if objects of this kind have no privileges of their own
	 */
	default PgEntity withGrant(String privileges, String grantees) {
		return withAccess(access().with(new PgGrant(false, privileges, grantees, false)));
	}

	/**
	 * A copy of this entity with a declared owner, set with {@code ALTER ... OWNER TO}.
	 * @param owner the owning role, as a plain name
	 * @return the copy
	 * @throws IllegalArgumentException if objects of this kind have no owner of their own
	 */
	default PgEntity withOwner(String owner) {
		return withAccess(access().withOwner(owner));
	}

}
