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
package io.pgentities.plan;

import java.util.ArrayList;
import java.util.List;

import io.pgentities.EntityKind;
import io.pgentities.catalog.CatalogEntity;
import io.pgentities.catalog.CatalogRoutine;
import io.pgentities.catalog.CatalogView;
import io.pgentities.sql.Identifiers;

/**
 * Gives a recreated object back its owner and access privileges.
 */
final class Privileges {

	private Privileges() {
	}

	static List<String> restore(CatalogEntity entity, String currentUser) {
		String owner;
		List<String> acl;
		if (entity instanceof CatalogRoutine routine) {
			owner = routine.owner();
			acl = routine.acl();
		}
		else if (entity instanceof CatalogView view) {
			owner = view.owner();
			acl = view.acl();
		}
		else {
			return List.of();
		}
		String target = (entity.kind() == EntityKind.MATERIALIZED_VIEW || entity.kind() == EntityKind.VIEW)
				? "TABLE " + entity.identity() : entity.designation();
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
			String grantee = item.isPublic() ? "PUBLIC" : Identifiers.quote(item.grantee());
			publicExecute |= item.isPublic() && item.privileges().contains("EXECUTE");
			if (!item.privileges().isEmpty()) {
				statements.add("GRANT " + String.join(", ", item.privileges()) + " ON " + target + " TO " + grantee);
			}
			if (!item.grantable().isEmpty()) {
				statements.add("GRANT " + String.join(", ", item.grantable()) + " ON " + target + " TO " + grantee
						+ " WITH GRANT OPTION");
			}
		}
		if (entity instanceof CatalogRoutine && !acl.isEmpty() && !publicExecute) {
			// routines are executable by PUBLIC by default; an explicit list without it revoked that
			statements.add("REVOKE EXECUTE ON " + entity.designation() + " FROM PUBLIC");
		}
		return statements;
	}

}
