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
package io.pgentities.internal.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.pgentities.EntityKind;
import io.pgentities.LockMode;
import io.pgentities.PgEntity;
import io.pgentities.internal.catalog.Dependency.ObjectId;
import io.pgentities.internal.sql.Identifiers;
import org.jspecify.annotations.Nullable;

/**
 * An object as PostgreSQL's catalog describes it, live or simulated: its identity, its
 * canonical definition (PostgreSQL's own deparse) and the statements that create and drop it.
 */
public sealed interface CatalogEntity permits CatalogRoutine, CatalogView, CatalogTrigger, CatalogPolicy,
		CatalogExtension, CatalogAggregate, CatalogEventTrigger {

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
	 * Whether this object and another have equal {@linkplain #comparisonKey() comparison keys}.
	 * Kinds whose key is costly to compute answer without computing it where they can.
	 * @param other the other object
	 * @return whether the keys are equal
	 */
	default boolean sharesComparisonKeyWith(CatalogEntity other) {
		return comparisonKey().equals(other.comparisonKey());
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
	 * This simulated object as its declaration describes it, where the simulation could not
	 * create the declared object: an object whose name is unique in the database (an
	 * extension) is not created again when the database has it, so the simulation finds the
	 * live one. Other objects are returned as they are.
	 * @param declared the declaration this object was simulated from
	 * @return the object as declared
	 * @throws IllegalArgumentException if the declaration cannot be made on this server
	 */
	default CatalogEntity asDeclaredBy(PgEntity declared) {
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
	 * The statements that create the object from nothing as declared: where a declaration
	 * says more than the catalog keeps (whether a materialized view is populated, which of
	 * its indexes were left unnamed), it is followed.
	 * @param declared the declaration, or {@code null} to create the object as the catalog
	 * describes it
	 * @return the statements, in order
	 */
	default List<String> createStatements(@Nullable PgEntity declared) {
		return createStatements();
	}

	/**
	 * How the live object of the same identity becomes this one, when their
	 * {@link #comparisonKey() comparison keys} differ.
	 * @param current the live object
	 * @param declared the declaration this object was simulated from, or {@code null}
	 * @return the change in place, or why the object must be recreated
	 */
	default Change changeFrom(CatalogEntity current, @Nullable PgEntity declared) {
		return new Change.Recreate("replaced by drop and create");
	}

	/**
	 * Who owns the object and who may use it, for kinds that have an owner and privileges
	 * of their own.
	 * @return the access, or {@code null} when the object has none of its own (a trigger or
	 * policy goes with its table)
	 */
	default @Nullable Access access() {
		return null;
	}

	/**
	 * The quoted names of the object's columns, for kinds that have columns.
	 * @return the column names, in order
	 */
	default List<String> columnNames() {
		return List.of();
	}

	/**
	 * The comments on the object's columns, each as {@code column IS 'text'}.
	 * @return the column comments
	 */
	default List<String> columnComments() {
		return List.of();
	}

	/**
	 * The privileges on the object's columns, each as the quoted column, a tab and an
	 * {@code aclitem}.
	 * @return the column privileges
	 */
	default List<String> columnAcl() {
		return List.of();
	}

	/**
	 * Whether PostgreSQL clones the object onto every partition of its table under the
	 * object's own name, as it does with a partitioned table's row triggers.
	 * @return whether the object is cloned onto partitions
	 */
	default boolean clonedOntoPartitions() {
		return false;
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
	 * The table the object belongs to, for kinds that are {@link EntityKind#onTable() on a
	 * table}.
	 * @return the table's name (in {@link #schema()}), or {@code null}
	 */
	default @Nullable String table() {
		return null;
	}

	/**
	 * The object's address in the system catalogs.
	 * @return the catalog of its kind and its OID
	 */
	default ObjectId objectId() {
		return new ObjectId(kind().catalog(), oid());
	}

	/**
	 * How SQL names the object in {@code DROP} and {@code COMMENT ON}: {@code FUNCTION
	 * public.f(integer)}, {@code TRIGGER t ON public.products}.
	 * @return the object's designation
	 */
	default String designation() {
		if (kind().onTable()) {
			return kind().sqlName() + " " + Identifiers.quote(name()) + " ON "
					+ Identifiers.qualify(schema(), Objects.requireNonNull(table()));
		}
		return kind().sqlName() + " " + identity();
	}

	/**
	 * The existing relation that statements on the object lock: the object itself when it is
	 * a relation (a view), or the table it is on (a trigger, a policy).
	 * @return the relation's schema-qualified name, or {@code null} when the object is neither
	 * (a routine)
	 */
	default @Nullable String relation() {
		return kind().onTable() ? Identifiers.qualify(schema(), Objects.requireNonNull(table())) : null;
	}

	/**
	 * The lock {@code CREATE} takes on the {@link #relation()} it creates the object on.
	 * @return the mode, or {@code null} when creating the object locks no existing relation
	 */
	default @Nullable LockMode creationLock() {
		return null;
	}

	/**
	 * Whether creating the object as declared runs a query over live data (a materialized
	 * view created {@code WITH DATA}).
	 * @param declared the declaration, or {@code null} to create the object as the catalog
	 * describes it
	 * @return whether {@link #createStatements(PgEntity)} runs a query
	 */
	default boolean createRunsQuery(@Nullable PgEntity declared) {
		return false;
	}

	/**
	 * Whether this object lets roles see or do other things than another object of the same
	 * identity, owner and privileges aside: a policy's definition, a routine's
	 * {@code SECURITY DEFINER}, a view's security options.
	 * @param other the other object, or {@code null} for its absence
	 * @return whether access differs
	 */
	default boolean accessDiffersFrom(@Nullable CatalogEntity other) {
		return false;
	}

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
