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

import io.pgentities.EntityKind;
import io.pgentities.LockMode;
import io.pgentities.internal.sql.Identifiers;
import org.jspecify.annotations.Nullable;

/**
 * A trigger as the catalog describes it.
 *
 * @param oid the OID
 * @param schema the schema of its table
 * @param table its table
 * @param name its name
 * @param definition {@code pg_get_triggerdef(oid, true)}
 * @param constraintTrigger whether it is a constraint trigger
 * @param rowLevel whether it fires for each row ({@code FOR EACH ROW}) rather than for each statement
 * @param comment the comment
 */
public record CatalogTrigger(long oid, String schema, String table, String name, String definition,
		boolean constraintTrigger, boolean rowLevel, @Nullable String comment) implements CatalogEntity {

	/**
	 * The schema-qualified name of the table the trigger is on.
	 * @return the table's identity
	 */
	public String tableIdentity() {
		return Identifiers.qualify(this.schema, this.table);
	}

	@Override
	public boolean clonedOntoPartitions() {
		return this.rowLevel;
	}

	@Override
	public LockMode creationLock() {
		return LockMode.SHARE_ROW_EXCLUSIVE;
	}

	@Override
	public EntityKind kind() {
		return EntityKind.TRIGGER;
	}

	@Override
	public String identity() {
		return Identifiers.qualify(this.schema, this.table, this.name);
	}

	@Override
	public String canonicalDefinition() {
		return this.definition;
	}

}
