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

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

import io.pgentities.internal.engine.Fingerprints;
import io.pgentities.internal.sql.Identifiers;
import org.jspecify.annotations.Nullable;

/**
 * The guard a generated migration starts with: the fingerprints of the live definitions of the
 * objects its plan drops, replaces or alters, as they were when it was generated
 * ({@link PgEntitiesEngine#guard(Analysis)}). Its {@linkplain #toSql() DO block} computes the
 * fingerprints again, with the same query, when the migration runs, and fails it, naming the
 * objects, when any differs: someone changed the database by hand since the file was written.
 *
 * @param objects the guarded objects, in order
 */
public record MigrationGuard(List<GuardedObject> objects) {

	public MigrationGuard {
		objects = List.copyOf(objects);
	}

	/**
	 * Whether there is nothing to guard.
	 * @return whether no object is guarded
	 */
	public boolean isEmpty() {
		return this.objects.isEmpty();
	}

	/**
	 * The guard as a {@code DO} block, followed by a blank line; empty when there is nothing
	 * to guard.
	 * @return the SQL
	 */
	public String toSql() {
		if (this.objects.isEmpty()) {
			return "";
		}
		String kinds = array(this.objects.stream().map((object) -> object.kind().name()).toList());
		String identities = array(this.objects.stream().map(GuardedObject::identity).toList());
		String expected = array(this.objects.stream().map(GuardedObject::fingerprint).toList());
		return "-- Fails when an object this migration drops, replaces or alters differs from the database it was\n"
				+ "-- generated from (changed by hand since): regenerate the migration from this database.\n"
				+ "DO $pg_entities_guard$\nDECLARE\n\tsaved_path text := current_setting('search_path');\n"
				+ "\tdiffering text;\nBEGIN\n\tPERFORM set_config('search_path', 'pg_catalog', true);\n"
				+ "\tSELECT string_agg(f.kind || ' ' || f.identity, ', ' ORDER BY f.ord) INTO differing\n"
				+ "\tFROM (" + Fingerprints.query(kinds, identities) + ") AS f\n"
				+ "\tJOIN unnest(" + expected + ") WITH ORDINALITY AS e(fingerprint, ord) USING (ord)\n"
				+ "\tWHERE f.fingerprint IS DISTINCT FROM e.fingerprint;\n"
				+ "\tPERFORM set_config('search_path', saved_path, true);\n"
				+ "\tIF differing IS NOT NULL THEN\n"
				+ "\t\tRAISE EXCEPTION 'pg-entities: the database changed since this migration was generated: %', differing\n"
				+ "\t\t\tUSING HINT = 'These objects differ from the definitions the migration was generated from. "
				+ "Generate the migration again from this database, or restore the objects.';\n"
				+ "\tEND IF;\nEND\n$pg_entities_guard$;\n\n";
	}

	private static String array(List<@Nullable String> values) {
		return values.stream()
			.map((value) -> (value != null) ? Identifiers.literal(value) : "NULL")
			.collect(Collectors.joining(", ", "ARRAY[", "]::text[]"));
	}

	/**
	 * An object the guard checks.
	 *
	 * @param kind its kind
	 * @param identity its identity
	 * @param fingerprint the MD5 of its canonical definition when the migration was generated,
	 * or {@code null} when it did not exist then and must not exist when the migration runs
	 */
	public record GuardedObject(EntityKind kind, String identity, @Nullable String fingerprint) {

		public GuardedObject {
			Objects.requireNonNull(kind, "kind must not be null");
			Objects.requireNonNull(identity, "identity must not be null");
		}

	}

}
