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
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.pgentities.DriftStatus;
import io.pgentities.PgAccess;
import io.pgentities.PgEntity;
import io.pgentities.internal.catalog.CatalogEntity;
import io.pgentities.internal.catalog.CatalogSnapshot;
import io.pgentities.internal.catalog.IdentityPatterns;
import org.jspecify.annotations.Nullable;

/**
 * Compares canonical forms: declarations (as PostgreSQL canonicalized them) against the live
 * catalog, by identity. Comments, owners and privileges count only where a declaration sets them.
 */
public final class DriftComparator {

	private DriftComparator() {
	}

	/**
	 * Compares.
	 * @param canonical each declaration and its canonical form
	 * @param live the live catalog of the managed schemas and of the declarations' schemas
	 * @param managedSchemas where undeclared objects are reported
	 * @param ignored undeclared objects that are not reported, wherever they are; a declaration
	 * is compared even if its identity matches
	 * @return one comparison per identity, ordered by kind and identity
	 */
	public static List<EntityComparison> compare(Map<PgEntity, CatalogEntity> canonical, CatalogSnapshot live,
			Set<String> managedSchemas, IdentityPatterns ignored) {
		Map<String, CatalogEntity> current = live.byIdentity();
		Map<String, EntityComparison> comparisons = new LinkedHashMap<>();
		canonical.forEach((declared, desired) -> {
			CatalogEntity existing = current.get(desired.identity());
			comparisons.put(desired.identity(), compare(declared, desired, existing));
		});
		for (CatalogEntity existing : live.entities()) {
			if (!comparisons.containsKey(existing.identity()) && managedSchemas.contains(existing.schema())
					&& !ignored.matches(existing)) {
				comparisons.put(existing.identity(), new EntityComparison(existing.identity(), null, null, existing,
						DriftStatus.UNDECLARED, diff(text(existing, existing.comment(), PgAccess.UNDECLARED), "")));
			}
		}
		List<EntityComparison> sorted = new ArrayList<>(comparisons.values());
		sorted.sort(Comparator.comparing(EntityComparison::kind).thenComparing(EntityComparison::identity));
		return sorted;
	}

	private static EntityComparison compare(PgEntity declared, CatalogEntity simulated,
			@Nullable CatalogEntity existing) {
		String comment = declared.comment();
		PgAccess access = declared.access();
		if (existing == null) {
			return new EntityComparison(simulated.identity(), declared, simulated, null, DriftStatus.MISSING,
					diff("", text(simulated, comment, access)));
		}
		CatalogEntity desired = simulated.withImplicitNamesOf(existing, declared);
		String desiredText = text(desired, comment, access);
		boolean same = desired.kind() == existing.kind()
				&& desired.comparisonKey().equals(existing.comparisonKey())
				&& (comment == null || Objects.equals(comment, existing.comment()))
				&& DeclaredAccess.lines(desired, access).equals(DeclaredAccess.lines(existing, access));
		String existingText = text(existing, (comment != null) ? existing.comment() : null, access);
		return new EntityComparison(desired.identity(), declared, desired, existing,
				same ? DriftStatus.IN_SYNC : DriftStatus.CHANGED, same ? "" : diff(existingText, desiredText));
	}

	private static String text(CatalogEntity entity, @Nullable String comment, PgAccess access) {
		StringBuilder text = new StringBuilder(entity.canonicalDefinition());
		if (comment != null) {
			text.append(";\n").append(entity.commentStatement(comment));
		}
		DeclaredAccess.lines(entity, access).forEach((line) -> text.append(";\n").append(line));
		return text.toString();
	}

	private static String diff(String database, String declared) {
		return UnifiedDiff.diff("database", database, "declared", declared);
	}

}
