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
package io.pgentities.internal.plan;

import java.util.ArrayList;
import java.util.List;

import io.pgentities.internal.catalog.Access;
import io.pgentities.internal.catalog.AclItem;
import io.pgentities.internal.catalog.CatalogEntity;
import io.pgentities.internal.sql.Identifiers;

/**
 * Gives a recreated object back its owner and access privileges.
 */
final class Privileges {

	private Privileges() {
	}

	/**
	 * The statements that give a recreated object its owner, privileges and column comments back.
	 * @param entity the object as it was before it was dropped
	 * @param created the object as it is created again
	 * @param currentUser the role applying the plan
	 * @return the statements
	 */
	static List<String> restore(CatalogEntity entity, CatalogEntity created, String currentUser) {
		return restore(entity, created, currentUser, true);
	}

	/**
	 * The statements that give a recreated object its owner, column comments and, if asked,
	 * privileges back.
	 * @param entity the object as it was before it was dropped
	 * @param created the object as it is created again
	 * @param currentUser the role applying the plan
	 * @param privileges whether its privileges are given back too
	 * @return the statements
	 */
	static List<String> restore(CatalogEntity entity, CatalogEntity created, String currentUser, boolean privileges) {
		Access access = entity.access();
		if (access == null) {
			return List.of();
		}
		List<String> statements = new ArrayList<>(restore(entity, access, currentUser, privileges));
		List<String> columns = created.columnNames();
		for (String comment : entity.columnComments()) {
			String column = comment.substring(0, comment.indexOf(" IS "));
			if (columns.contains(column)) {
				statements.add("COMMENT ON COLUMN " + entity.identity() + "." + comment);
			}
		}
		for (String item : privileges ? entity.columnAcl() : List.<String>of()) {
			String column = item.substring(0, item.indexOf('\t'));
			AclItem acl = AclItem.parse(item.substring(item.indexOf('\t') + 1));
			if (columns.contains(column) && !acl.grantee().equals(access.owner())) {
				statements.addAll(grants(acl, "(" + column + ") ON " + access.grantTarget()));
			}
		}
		return statements;
	}

	private static List<String> grants(AclItem item, String target) {
		String grantee = item.isPublic() ? "PUBLIC" : Identifiers.quote(item.grantee());
		List<String> statements = new ArrayList<>();
		if (!item.privileges().isEmpty()) {
			statements.add("GRANT " + String.join(", ", item.privileges()) + " " + target + " TO " + grantee);
		}
		if (!item.grantable().isEmpty()) {
			statements.add("GRANT " + String.join(", ", item.grantable()) + " " + target + " TO " + grantee
					+ " WITH GRANT OPTION");
		}
		return statements;
	}

	private static List<String> restore(CatalogEntity entity, Access access, String currentUser,
			boolean privileges) {
		String owner = access.owner();
		List<String> acl = privileges ? access.acl() : List.of();
		String target = access.grantTarget();
		List<String> statements = new ArrayList<>();
		if (!owner.equals(currentUser)) {
			statements.add("ALTER " + entity.designation() + " OWNER TO " + Identifiers.quote(owner));
		}
		boolean publicExecute = false;
		for (String text : acl) {
			AclItem item = AclItem.parse(text);
			if (item.grantee().equals(owner)) {
				continue;
			}
			publicExecute |= item.isPublic() && item.privileges().contains("EXECUTE");
			statements.addAll(grants(item, "ON " + target));
		}
		if (access.executableByPublic() && !acl.isEmpty() && !publicExecute) {
			// an explicit list without PUBLIC revoked the default
			statements.add("REVOKE EXECUTE ON " + target + " FROM PUBLIC");
		}
		return statements;
	}

}
