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
package io.pgentities.catalog;

import java.util.ArrayList;
import java.util.List;

import io.pgentities.EntityKind;
import io.pgentities.PgEntity;
import io.pgentities.sql.Identifiers;
import org.jspecify.annotations.Nullable;

/**
 * An object as PostgreSQL's catalog describes it, live or simulated: its identity, its
 * canonical definition (PostgreSQL's own deparse) and the statements that create and drop it.
 */
public sealed interface CatalogEntity permits CatalogRoutine, CatalogView, CatalogTrigger, CatalogPolicy {

	/**
	 * The catalog OID; for simulated objects, the OID of the scratch copy.
	 * @return the OID
	 */
	long oid();

	/**
	 * The kind.
	 * @return the kind
	 */
	EntityKind kind();

	/**
	 * The schema (for simulated objects, the schema the declaration names, not the scratch one).
	 * @return the schema
	 */
	String schema();

	/**
	 * The name.
	 * @return the name
	 */
	String name();

	/**
	 * The identity, rendered as {@link io.pgentities.PgEntity#identity()} describes.
	 * @return the identity
	 */
	String identity();

	/**
	 * The object's definition as PostgreSQL prints it, as a {@code CREATE} statement.
	 * @return the canonical definition
	 */
	String canonicalDefinition();

	/**
	 * What two objects of the same identity must share to be in sync: the canonical
	 * definition, with what PostgreSQL keeps verbatim (routine bodies) reduced to its tokens.
	 * @return the comparison key
	 */
	default String comparisonKey() {
		return canonicalDefinition();
	}

	/**
	 * This simulated object as it is compared with the live object of its identity. Where the
	 * declaration left a part's name to PostgreSQL and the live object has the same part under
	 * another name, the part takes the live name: a database made from the same SQL is in sync
	 * whatever names PostgreSQL chose there. Only the unnamed indexes of a materialized view
	 * are such parts; other objects are returned as they are.
	 * @param live the live object of the same identity
	 * @param declared the declaration this object was simulated from
	 * @return the object to compare
	 */
	default CatalogEntity withImplicitNamesOf(CatalogEntity live, PgEntity declared) {
		return this;
	}

	/**
	 * The statements that create the object from nothing. Materialized views are created
	 * {@code WITH NO DATA} here; see {@link CatalogView#createStatements(boolean)}.
	 * @return the statements, in order
	 */
	default List<String> createStatements() {
		return List.of(canonicalDefinition());
	}

	/**
	 * The statements that declare the object as it is: what creates it (a materialized view
	 * populated as it is now) and its comment. Declared again, they describe the same object.
	 * @return the statements, in order
	 */
	default List<String> declarationStatements() {
		List<String> statements = new ArrayList<>(createStatements());
		String comment = comment();
		if (comment != null) {
			statements.add(commentStatement(comment));
		}
		return statements;
	}

	/**
	 * The comment on the object.
	 * @return the comment, or {@code null}
	 */
	@Nullable String comment();

	/**
	 * How SQL names the object in {@code DROP} and {@code COMMENT ON}: {@code FUNCTION
	 * public.f(integer)}, {@code TRIGGER t ON public.products}.
	 * @return the object's designation
	 */
	String designation();

	/**
	 * The statement that drops the object, without {@code CASCADE}.
	 * @return the {@code DROP} statement
	 */
	default String dropStatement() {
		return "DROP " + designation();
	}

	/**
	 * The statement that sets the object's comment.
	 * @param comment the comment, or {@code null} to remove it
	 * @return the {@code COMMENT ON} statement
	 */
	default String commentStatement(@Nullable String comment) {
		return "COMMENT ON " + designation() + " IS " + ((comment != null) ? Identifiers.literal(comment) : "NULL");
	}

}
