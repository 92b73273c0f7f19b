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

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The entities every tenant schema has: SQL whose entities are unqualified, so that each one
 * stands for the same entity in every tenant schema ({@code CREATE VIEW open_orders AS ...}
 * is {@code tenant_a.open_orders} in {@code tenant_a}). Unqualified references in the SQL
 * are looked up in the tenant schema first, then in the engine's
 * {@linkplain PgEntitiesEngine.Builder#defaultSchema(String) default schema}; qualified ones
 * ({@code public.currencies}) name shared objects.
 * <p>
 * Instances are immutable. A template is read when it is made, so that a schema-qualified
 * entity, an extension or event trigger (which belong to the whole database) or invalid SQL
 * is reported then, naming its source.
 */
public final class TenantTemplate {

	// a name no unquoted identifier can be, to tell unqualified entities from qualified ones
	private static final String PROBE_SCHEMA = "pg-entities tenant";

	private final List<Source> sources;

	private TenantTemplate(List<Source> sources) {
		this.sources = List.copyOf(sources);
	}

	/**
	 * A template of no entities.
	 * @return the empty template
	 */
	public static TenantTemplate empty() {
		return new TenantTemplate(List.of());
	}

	/**
	 * A template read from SQL text.
	 * @param sql {@code CREATE} statements of unqualified entities, as {@link PgEntities#fromSql} reads them
	 * @param sourceName where the text comes from, for reports and errors
	 * @return the template
	 * @throws InvalidDeclarationException if the text is invalid, does more than declare
	 * entities, or declares a schema-qualified entity, an extension or an event trigger
	 */
	public static TenantTemplate fromSql(String sql, String sourceName) {
		Objects.requireNonNull(sql, "sql must not be null");
		Objects.requireNonNull(sourceName, "sourceName must not be null");
		Source source = new Source(sql, sourceName);
		for (PgEntity entity : source.entitiesIn(PROBE_SCHEMA)) {
			if (entity.kind() == EntityKind.EXTENSION || entity.kind() == EntityKind.EVENT_TRIGGER) {
				throw InvalidDeclarationException.of(entity, entity.kind().sqlName() + " " + entity.identity()
						+ " belongs to the whole database, not to one schema: declare it with the shared"
						+ " entities, not in a tenant template");
			}
			if (!entity.schema().equals(PROBE_SCHEMA)) {
				throw InvalidDeclarationException.of(entity, entity.identity()
						+ " is schema-qualified: a tenant template declares unqualified entities, which stand for"
						+ " the same entity in every tenant schema");
			}
		}
		return new TenantTemplate(List.of(source));
	}

	/**
	 * A template read from a UTF-8 file.
	 * @param file the file
	 * @return the template
	 * @throws InvalidDeclarationException if the SQL is invalid, does more than declare entities,
	 * or declares a schema-qualified entity, an extension or an event trigger
	 * @throws PgEntitiesException if the file cannot be read
	 */
	public static TenantTemplate fromFile(Path file) {
		try {
			return fromSql(Files.readString(file, StandardCharsets.UTF_8), "file " + file);
		}
		catch (NoSuchFileException ex) {
			throw new PgEntitiesException("Tenant template file " + file + " does not exist", ex);
		}
		catch (IOException ex) {
			throw new PgEntitiesException("Could not read tenant template file " + file + " as UTF-8: " + ex, ex);
		}
	}

	/**
	 * This template and another one, as one.
	 * @param other the other template
	 * @return the template of both
	 */
	public TenantTemplate plus(TenantTemplate other) {
		List<Source> all = new ArrayList<>(this.sources);
		all.addAll(other.sources);
		return new TenantTemplate(all);
	}

	/**
	 * Whether the template declares nothing.
	 * @return whether it is empty
	 */
	public boolean isEmpty() {
		return this.sources.stream().allMatch((source) -> source.entitiesIn(PROBE_SCHEMA).isEmpty());
	}

	/**
	 * The template's entities as they are in one tenant schema.
	 * @param schema the tenant schema, as a plain name
	 * @return the entities, in the order of the template's statements
	 */
	public List<PgEntity> entitiesIn(String schema) {
		Objects.requireNonNull(schema, "schema must not be null");
		List<PgEntity> entities = new ArrayList<>();
		for (Source source : this.sources) {
			entities.addAll(source.entitiesIn(schema));
		}
		return entities;
	}

	private record Source(String sql, String name) {

		List<PgEntity> entitiesIn(String schema) {
			return PgEntities.fromSql(this.sql, this.name, schema);
		}

	}

}
