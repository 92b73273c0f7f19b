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

import java.util.ArrayList;
import java.util.List;

import io.pgentities.internal.sql.Identifiers;
import org.jspecify.annotations.Nullable;

/**
 * The owner and privileges an entity declares. What is declared is compared with the live
 * object; what is not is left as it is (and restored when the object is recreated): an
 * entity without grants keeps whatever privileges it has, one without an owner keeps its owner.
 *
 * @param owner the owning role, or {@code null} when the owner is not declared
 * @param grants the {@code GRANT} and {@code REVOKE} statements, in order; empty when the
 * privileges are not declared
 */
public record PgAccess(@Nullable String owner, List<PgGrant> grants) {

	/** Neither owner nor privileges declared. */
	public static final PgAccess UNDECLARED = new PgAccess(null, List.of());

	public PgAccess {
		grants = List.copyOf(grants);
	}

	/**
	 * Whether the privileges are declared, and so compared.
	 * @return whether there is a grant or revoke
	 */
	public boolean declaresPrivileges() {
		return !this.grants.isEmpty();
	}

	/**
	 * A copy with one more grant or revoke.
	 * @param grant the grant
	 * @return the copy
	 */
	public PgAccess with(PgGrant grant) {
		List<PgGrant> all = new ArrayList<>(this.grants);
		all.add(grant);
		return new PgAccess(this.owner, all);
	}

	/**
	 * A copy with an owner.
	 * @param owner the owning role, as a plain name
	 * @return the copy
	 */
	public PgAccess withOwner(@Nullable String owner) {
		return new PgAccess(owner, this.grants);
	}

	/**
	 * The statements that give a just-created object this access: its owner first, then the
	 * grants and revokes in order.
	 * @param kind the object's kind
	 * @param identity the object's identity, as SQL names it
	 * @return the statements
	 */
	public List<String> statements(EntityKind kind, String identity) {
		List<String> statements = new ArrayList<>();
		if (this.owner != null) {
			// ALTER AGGREGATE names an aggregate over no argument f(*), where its identity has f()
			String altered = (kind == EntityKind.AGGREGATE && identity.endsWith("()"))
					? identity.substring(0, identity.length() - 1) + "*)" : identity;
			statements.add("ALTER " + kind.sqlName() + " " + altered + " OWNER TO " + Identifiers.quote(this.owner));
		}
		for (PgGrant grant : this.grants) {
			statements.add(grant.statement(kind.grantName() + " " + identity));
		}
		return statements;
	}

}
