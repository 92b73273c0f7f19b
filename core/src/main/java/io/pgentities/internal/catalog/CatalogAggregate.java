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

import java.util.List;

import io.pgentities.EntityKind;
import io.pgentities.PgEntity;
import io.pgentities.internal.sql.Identifiers;
import org.jspecify.annotations.Nullable;

/**
 * An aggregate as the catalog describes it. Its definition is rebuilt from
 * {@code pg_aggregate} (see {@code aggregates.sql}), since PostgreSQL prints none.
 *
 * @param oid the OID
 * @param schema the schema
 * @param name the name
 * @param identityArguments the identifying argument types, {@code format_type} spelling;
 * empty for an aggregate over {@code *}
 * @param arguments {@code pg_get_function_arguments}: names and types, with the
 * {@code ORDER BY} of an ordered-set aggregate
 * @param resultType {@code pg_get_function_result}
 * @param aggregateKind {@code aggkind}: {@code n} (normal), {@code o} (ordered-set) or
 * {@code h} (hypothetical-set)
 * @param definition the {@code CREATE OR REPLACE AGGREGATE} statement
 * @param comment the comment
 * @param owner the owner
 * @param acl the access privileges, {@code aclitem} text
 */
public record CatalogAggregate(long oid, String schema, String name, String identityArguments, String arguments,
		String resultType, String aggregateKind, String definition, @Nullable String comment, String owner,
		List<String> acl) implements CatalogEntity {

	@Override
	public EntityKind kind() {
		return EntityKind.AGGREGATE;
	}

	@Override
	public String identity() {
		return Identifiers.qualify(this.schema, this.name) + "(" + this.identityArguments + ")";
	}

	@Override
	public String canonicalDefinition() {
		return this.definition;
	}

	/**
	 * {@code DROP} and {@code COMMENT ON AGGREGATE} need {@code (*)} for an aggregate over no
	 * argument, where an identity has {@code ()}.
	 */
	@Override
	public String designation() {
		return kind().sqlName() + " " + Identifiers.qualify(this.schema, this.name) + "("
				+ (this.identityArguments.isEmpty() ? "*" : this.identityArguments) + ")";
	}

	/**
	 * {@code CREATE OR REPLACE AGGREGATE} may change the support functions, state type and
	 * initial values, but PostgreSQL refuses to change the result type, the arguments' names,
	 * or whether and how many direct arguments an ordered-set aggregate has.
	 */
	@Override
	public Change changeFrom(CatalogEntity current, @Nullable PgEntity declared) {
		if (current instanceof CatalogAggregate existing && existing.aggregateKind.equals(this.aggregateKind)
				&& existing.resultType.equals(this.resultType) && existing.arguments.equals(this.arguments)) {
			return new Change.InPlace("CREATE OR REPLACE", List.of(canonicalDefinition()));
		}
		return new Change.Recreate("CREATE OR REPLACE AGGREGATE cannot change the result type, argument names "
				+ "or kind of aggregate");
	}

	@Override
	public Access access() {
		return new Access(this.owner, this.acl, kind().grantName() + " " + identity(), true);
	}

}
