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

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.pgentities.PgAccess;
import io.pgentities.internal.catalog.Access;
import io.pgentities.internal.catalog.AclItem;
import io.pgentities.internal.catalog.CatalogEntity;
import io.pgentities.internal.sql.Identifiers;
import org.jspecify.annotations.Nullable;

/**
 * Compares and plans the parts of an object's access that its declaration speaks for: the
 * owner when one is declared, the privileges when grants are declared. Privileges are
 * compared one privilege of one grantee at a time, each written as the {@code GRANT} that
 * gives it, so that {@code GRANT SELECT ON v TO a, b} and two statements are the same. The
 * owner's own privileges and who granted a privilege do not count: both follow the owner.
 */
public final class DeclaredAccess {

	private DeclaredAccess() {
	}

	/**
	 * The declared parts of an object's access, as statements, for comparison and diffs.
	 * @param entity the object, live or simulated
	 * @param declared what the declaration says of its access
	 * @return the owner's {@code ALTER ... OWNER TO} (when declared), then each privilege's
	 * {@code GRANT} (when declared), sorted
	 */
	public static List<String> lines(CatalogEntity entity, PgAccess declared) {
		Access access = entity.access();
		List<String> lines = new ArrayList<>();
		if (access == null) {
			return lines;
		}
		if (declared.owner() != null) {
			lines.add(ownerStatement(entity, access.owner()));
		}
		if (declared.declaresPrivileges()) {
			privileges(entity, access.owner(), access.acl(), true).stream().map(Privilege::grant).sorted().forEach(lines::add);
		}
		return lines;
	}

	/**
	 * The statements that change an object's access in place to the declared parts of another's.
	 * @param current the object as it is
	 * @param desired the object as declared
	 * @param declared what the declaration says of its access
	 * @return the statements: the owner, then revokes, then grants
	 */
	public static Changes changes(CatalogEntity current, CatalogEntity desired, PgAccess declared) {
		Access access = current.access();
		if (access == null) {
			return Changes.NONE;
		}
		return changes(access.owner(), privileges(current, access.owner(), access.acl(), true), desired, declared);
	}

	/**
	 * The statements that give a just-created object the declared parts of its access. It
	 * has the default privileges (a recreated object whose privileges are declared is not
	 * given its old ones back) and is owned by the role applying the plan, or by the role
	 * given back its ownership.
	 * @param owner the role that owns the object once created
	 * @param desired the object as declared
	 * @param declared what the declaration says of its access
	 * @return the statements: the owner, then revokes, then grants
	 */
	public static Changes afterCreate(String owner, CatalogEntity desired, PgAccess declared) {
		if (desired.access() == null) {
			return Changes.NONE;
		}
		return changes(owner, privileges(desired, owner, List.of(), false), desired, declared);
	}

	private static Changes changes(String owner, Set<Privilege> have, CatalogEntity desired, PgAccess declared) {
		Access target = desired.access();
		if (target == null) {
			return Changes.NONE;
		}
		List<String> ownerChange = new ArrayList<>();
		if (declared.owner() != null && !owner.equals(target.owner())) {
			ownerChange.add(ownerStatement(desired, target.owner()));
		}
		List<String> privilegeChanges = new ArrayList<>();
		if (declared.declaresPrivileges()) {
			Set<Privilege> want = privileges(desired, target.owner(), target.acl(), true);
			have.stream().filter((privilege) -> !want.contains(privilege)).map(Privilege::revoke).sorted()
				.forEach(privilegeChanges::add);
			want.stream().filter((privilege) -> !have.contains(privilege)).map(Privilege::grant).sorted()
				.forEach(privilegeChanges::add);
		}
		return new Changes(ownerChange, privilegeChanges);
	}

	private static String ownerStatement(CatalogEntity entity, String owner) {
		return "ALTER " + entity.designation() + " OWNER TO " + Identifiers.quote(owner);
	}

	/**
	 * The privileges an object gives roles other than its owner; an empty list is the
	 * default, which lets PUBLIC execute routines. A just-created object has no column
	 * privileges, which {@code withColumns} leaves out.
	 */
	private static Set<Privilege> privileges(CatalogEntity entity, String owner, List<String> acl,
			boolean withColumns) {
		Access access = entity.access();
		String target = access.grantTarget();
		Set<Privilege> privileges = new LinkedHashSet<>();
		if (acl.isEmpty() && access.executableByPublic()) {
			privileges.add(new Privilege("EXECUTE", null, "", false, target));
		}
		for (String text : acl) {
			add(privileges, AclItem.parse(text), null, owner, target);
		}
		if (withColumns) {
			for (String item : entity.columnAcl()) {
				String column = item.substring(0, item.indexOf('\t'));
				add(privileges, AclItem.parse(item.substring(item.indexOf('\t') + 1)), column, owner, target);
			}
		}
		return privileges;
	}

	private static void add(Set<Privilege> privileges, AclItem item, @Nullable String column, String owner,
			String target) {
		if (item.grantee().equals(owner)) {
			return;
		}
		item.privileges().forEach((name) -> privileges.add(new Privilege(name, column, item.grantee(), false, target)));
		item.grantable().forEach((name) -> privileges.add(new Privilege(name, column, item.grantee(), true, target)));
	}

	/**
	 * Statements that change an object's access, apart by the lock they take.
	 *
	 * @param owner the {@code ALTER ... OWNER TO}, if the owner changes
	 * @param privileges the revokes, then the grants
	 */
	public record Changes(List<String> owner, List<String> privileges) {

		/** No change. */
		public static final Changes NONE = new Changes(List.of(), List.of());

		public Changes {
			owner = List.copyOf(owner);
			privileges = List.copyOf(privileges);
		}

		/**
		 * Whether nothing changes.
		 * @return whether there are no statements
		 */
		public boolean isEmpty() {
			return this.owner.isEmpty() && this.privileges.isEmpty();
		}

	}

	/**
	 * One privilege of one grantee, on the object or one of its columns.
	 */
	private record Privilege(String name, @Nullable String column, String grantee, boolean grantable,
			String target) {

		String grant() {
			return "GRANT " + object() + " TO " + role() + (this.grantable ? " WITH GRANT OPTION" : "");
		}

		String revoke() {
			return "REVOKE " + object() + " FROM " + role();
		}

		private String object() {
			return this.name + ((this.column != null) ? " (" + this.column + ")" : "") + " ON " + this.target;
		}

		private String role() {
			return this.grantee.isEmpty() ? "PUBLIC" : Identifiers.quote(this.grantee);
		}

	}

}
