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

import io.pgentities.LockMode;
import io.pgentities.PlannedStatement.Lock;
import org.jspecify.annotations.Nullable;

/**
 * What a plan statement does to an object, which decides the lock it takes on the object's
 * {@linkplain CatalogEntity#relation() relation}. The modes are PostgreSQL's, as
 * {@code pg_locks} shows them while the statement's transaction is open (the planner's lock tests
 * read them for each operation): {@code GRANT}, {@code REVOKE} and anything on a routine take no
 * relation lock, {@code COMMENT ON} a trigger or policy only {@code ACCESS SHARE} on its table.
 */
public enum Operation {

	/** {@code CREATE}: the lock is the kind's own ({@link CatalogEntity#creationLock()}). */
	CREATE(null),

	/** {@code CREATE OR REPLACE} of an existing object. */
	REPLACE(LockMode.ACCESS_EXCLUSIVE),

	/** {@code DROP}. */
	DROP(LockMode.ACCESS_EXCLUSIVE),

	/** {@code COMMENT ON} the object: on a relation, or on the table of an object on one. */
	COMMENT(LockMode.SHARE_UPDATE_EXCLUSIVE),

	/** {@code ALTER ... OWNER TO}. */
	ALTER_OWNER(LockMode.ACCESS_EXCLUSIVE),

	/** {@code GRANT} or {@code REVOKE}: PostgreSQL takes no lock on the relation. */
	GRANT(null),

	/**
	 * What gives an object just created by the same plan its owner, privileges and column
	 * comments back: conservatively the strongest mode, which only counts when the object is
	 * not such a new relation.
	 */
	RESTORE(LockMode.ACCESS_EXCLUSIVE),

	/** {@code CREATE INDEX} on a materialized view. */
	CREATE_INDEX(LockMode.SHARE),

	/** {@code DROP INDEX} of a materialized view's index. */
	DROP_INDEX(LockMode.ACCESS_EXCLUSIVE);

	private final @Nullable LockMode mode;

	Operation(@Nullable LockMode mode) {
		this.mode = mode;
	}

	/**
	 * The lock a statement doing this to an object takes on an existing relation other
	 * sessions can see.
	 * @param entity the object
	 * @param created whether the object was created earlier in the same plan; a relation
	 * created there is invisible to other sessions until the plan commits
	 * @return the lock, or {@code null} when none
	 */
	public @Nullable Lock lock(CatalogEntity entity, boolean created) {
		String relation = entity.relation();
		if (relation == null) {
			return null;
		}
		boolean itself = relation.equals(entity.identity());
		if (itself && created) {
			return null;
		}
		LockMode mode = switch (this) {
			case CREATE -> entity.creationLock();
			case COMMENT -> itself ? this.mode : LockMode.ACCESS_SHARE;
			default -> this.mode;
		};
		return (mode != null) ? new Lock(relation, mode) : null;
	}

}
