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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.pgentities.DriftStatus;
import io.pgentities.EntityKind;
import io.pgentities.PgAccess;
import io.pgentities.PgEntitiesException;
import io.pgentities.PgEntity;
import io.pgentities.internal.catalog.CatalogEntity;
import io.pgentities.internal.catalog.CatalogSnapshot;
import io.pgentities.internal.catalog.IdentityPatterns;
import io.pgentities.internal.sql.Identifiers;
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
		requireOneCatalogPerIdentity(canonical, live);
		Map<String, CatalogEntity> current = live.byIdentity();
		Map<String, EntityComparison> comparisons = new LinkedHashMap<>();
		canonical.forEach((declared, desired) -> {
			String identity = desired.identity();
			comparisons.put(identity, compare(declared, desired, current.get(identity)));
		});
		current.forEach((identity, existing) -> {
			if (!comparisons.containsKey(identity) && managedSchemas.contains(existing.schema())
					&& !ignored.matches(existing)) {
				comparisons.put(identity, new EntityComparison(identity, null, null, existing, DriftStatus.UNDECLARED,
						diff(text(existing, existing.comment(), PgAccess.UNDECLARED), "")));
			}
		});
		List<EntityComparison> sorted = new ArrayList<>(comparisons.values());
		sorted.sort(Comparator.comparing(EntityComparison::kind).thenComparing(EntityComparison::identity));
		return sorted;
	}

	/**
	 * Comparisons are keyed by identity, and objects kept in different catalogs may have the
	 * same one: an extension and an event trigger are both named alone, a trigger and a policy
	 * on one table by schema, table and name. One would stand for the other, and a plan drop the
	 * one to create the other, so such a pair fails the check. Kinds that share a catalog share
	 * its names: a view declared where a materialized view is, is the same object changed.
	 */
	private static void requireOneCatalogPerIdentity(Map<PgEntity, CatalogEntity> canonical, CatalogSnapshot live) {
		Map<String, Holder> holders = new HashMap<>();
		List<Holder> all = new ArrayList<>();
		canonical.forEach((declared, desired) -> all.add(new Holder(desired, declared)));
		live.entities().forEach((existing) -> all.add(new Holder(existing, null)));
		for (Holder holder : all) {
			Holder first = holders.putIfAbsent(holder.entity().identity(), holder);
			if (first != null && !first.entity().kind().catalog().equals(holder.entity().kind().catalog())) {
				throw new PgEntitiesException(first.describe() + " and " + holder.describe()
						+ " have the same identity, by which pg-entities compares entities, so that one would be "
						+ "taken for the other. " + fix(first.entity().kind(), holder.entity().kind()));
			}
		}
	}

	private static String fix(EntityKind first, EntityKind second) {
		if (first == EntityKind.EXTENSION || second == EntityKind.EXTENSION) {
			EntityKind other = (first == EntityKind.EXTENSION) ? second : first;
			return "Rename the " + other.sqlName().toLowerCase(Locale.ROOT)
					+ ": an extension's name is that of its control file.";
		}
		return "Rename one of them.";
	}

	/**
	 * An entity of either side: {@code declaration} is {@code null} for a live one.
	 */
	private record Holder(CatalogEntity entity, @Nullable PgEntity declaration) {

		String describe() {
			String where = (this.declaration != null) ? "declared in " + this.declaration.source()
					: "in the database, in schema " + Identifiers.quote(this.entity.schema());
			return this.entity.kind().sqlName() + " " + this.entity.identity() + " (" + where + ")";
		}

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
		boolean same = desired.kind() == existing.kind()
				&& desired.sharesComparisonKeyWith(existing)
				&& (comment == null || Objects.equals(comment, existing.comment()))
				&& DeclaredAccess.lines(desired, access).equals(DeclaredAccess.lines(existing, access));
		if (same) {
			return new EntityComparison(desired.identity(), declared, desired, existing, DriftStatus.IN_SYNC, "");
		}
		String existingText = text(existing, (comment != null) ? existing.comment() : null, access);
		return new EntityComparison(desired.identity(), declared, desired, existing, DriftStatus.CHANGED,
				diff(existingText, text(desired, comment, access)));
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
