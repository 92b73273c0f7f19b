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
package io.pgentities.internal.diff;

import io.pgentities.DriftStatus;
import io.pgentities.EntityDrift;
import io.pgentities.EntityKind;
import io.pgentities.PgEntity;
import io.pgentities.internal.catalog.CatalogEntity;
import org.jspecify.annotations.Nullable;

/**
 * One identity compared: the declaration, what PostgreSQL made of it, and what the database has.
 *
 * @param identity the identity
 * @param declared the declaration, {@code null} for an undeclared object
 * @param desired the canonical form of the declaration, {@code null} for an undeclared object
 * @param current the live object, {@code null} when missing
 * @param status the status
 * @param diff the unified diff from the live to the declared canonical text
 */
public record EntityComparison(String identity, @Nullable PgEntity declared, @Nullable CatalogEntity desired,
		@Nullable CatalogEntity current, DriftStatus status, String diff) {

	/**
	 * Either side's catalog form, the declared one first.
	 * @return the entity
	 */
	public CatalogEntity either() {
		CatalogEntity entity = (this.desired != null) ? this.desired : this.current;
		if (entity == null) {
			throw new IllegalStateException("Comparison of " + this.identity + " has neither side");
		}
		return entity;
	}

	/**
	 * The kind.
	 * @return the kind
	 */
	public EntityKind kind() {
		return either().kind();
	}

	/**
	 * The comment the object should carry: the declared one if the declaration has one,
	 * else the one it has.
	 * @return the comment, or {@code null}
	 */
	public @Nullable String desiredComment() {
		if (this.declared != null && this.declared.comment() != null) {
			return this.declared.comment();
		}
		if (this.desired != null && this.desired.comment() != null) {
			return this.desired.comment();
		}
		return (this.current != null) ? this.current.comment() : null;
	}

	/**
	 * The same comparison seen from the other side, once a plan has brought the database to
	 * the declarations: what the database had becomes the desired state. Used to plan the way
	 * back (undo scripts).
	 * @param undeclaredDropped whether the plan dropped undeclared objects
	 * @return the reversed comparison
	 */
	public EntityComparison reversed(boolean undeclaredDropped) {
		return switch (this.status) {
			case MISSING -> new EntityComparison(this.identity, null, null, this.desired, DriftStatus.UNDECLARED, "");
			case UNDECLARED -> undeclaredDropped
					? new EntityComparison(this.identity, null, this.current, null, DriftStatus.MISSING, "")
					: new EntityComparison(this.identity, null, this.current, this.current, DriftStatus.IN_SYNC, "");
			case CHANGED, IN_SYNC -> new EntityComparison(this.identity, null, this.current, this.desired, this.status,
					"");
		};
	}

	/**
	 * The public view of this comparison.
	 * @return the drift entry
	 */
	public EntityDrift toDrift() {
		CatalogEntity entity = either();
		String source = (this.declared != null) ? this.declared.source() : "database";
		return new EntityDrift(entity.kind(), entity.schema(), entity.name(), this.identity, this.status, source,
				this.diff);
	}

}
