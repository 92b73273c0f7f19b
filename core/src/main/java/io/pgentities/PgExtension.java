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

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import io.pgentities.internal.catalog.CatalogExtension;
import io.pgentities.internal.sql.Identifiers;
import org.jspecify.annotations.Nullable;

/**
 * A declared extension, identified by its name, which is unique in the database. Its schema
 * is where its objects are installed; without a version, the version the server's control
 * file names as default is declared. A check never installs it: declared extensions the
 * database lacks are created only inside the check's rolled-back transaction.
 *
 * @param name the extension's name, e.g. {@code hstore} or {@code uuid-ossp}
 * @param schema the schema its objects are installed in
 * @param version the version, or {@code null} for the server's default version
 * @param comment the comment to set, or {@code null}
 * @param source where the extension was declared
 * @param allowedLintRules the ids of the lint rules silenced for this entity
 */
public record PgExtension(String name, String schema, @Nullable String version, @Nullable String comment,
		String source, Set<String> allowedLintRules) implements PgEntity {

	public PgExtension {
		Objects.requireNonNull(name, "name must not be null");
		Objects.requireNonNull(schema, "schema must not be null");
		Objects.requireNonNull(source, "source must not be null");
		allowedLintRules = LintRule.validIds(allowedLintRules);
	}

	/**
	 * Creates the entity with no lint rule silenced.
	 */
	public PgExtension(String name, String schema, @Nullable String version, @Nullable String comment,
			String source) {
		this(name, schema, version, comment, source, Set.of());
	}

	/**
	 * Declares an extension installed in a schema at the server's default version, the way
	 * alembic_utils does.
	 * @param schema the schema its objects are installed in, as a plain name
	 * @param name the extension's name, as a plain name
	 * @return the extension
	 */
	public static PgExtension of(String schema, String name) {
		return new PgExtension(name, schema, null, null, "PgExtension.of(" + name + ")");
	}

	/**
	 * A copy of this extension at a given version, as {@code CREATE EXTENSION ... VERSION}.
	 * @param version the version, as the server's {@code pg_available_extension_versions}
	 * lists it, or {@code null} for the default version
	 * @return the copy
	 */
	public PgExtension withVersion(@Nullable String version) {
		return new PgExtension(this.name, this.schema, version, this.comment, this.source, this.allowedLintRules);
	}

	@Override
	public EntityKind kind() {
		return EntityKind.EXTENSION;
	}

	@Override
	public String identity() {
		return Identifiers.quote(this.name);
	}

	/**
	 * {@inheritDoc} {@code IF NOT EXISTS}: where the database has the extension already, its
	 * schema and version are changed by the plan, never by creating it again.
	 */
	@Override
	public String createStatement() {
		return CatalogExtension.createStatement(this.name, this.schema, this.version, true);
	}

	@Override
	public PgExtension withSource(String source) {
		return new PgExtension(this.name, this.schema, this.version, this.comment, source, this.allowedLintRules);
	}

	@Override
	public PgExtension withComment(@Nullable String comment) {
		return new PgExtension(this.name, this.schema, this.version, comment, this.source, this.allowedLintRules);
	}

	@Override
	public PgExtension allowing(String... rules) {
		Set<String> allowed = new LinkedHashSet<>(this.allowedLintRules);
		allowed.addAll(List.of(rules));
		return new PgExtension(this.name, this.schema, this.version, this.comment, this.source, allowed);
	}

	@Override
	public PgEntity withAccess(PgAccess access) {
		throw new IllegalArgumentException("EXTENSION " + identity()
				+ " has no owner or privileges of its own: grant them on the objects it installs");
	}

}
