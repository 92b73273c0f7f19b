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

import io.pgentities.internal.sql.Identifiers;
import io.pgentities.internal.sql.OnClause;
import io.pgentities.internal.sql.QualifiedName;
import org.jspecify.annotations.Nullable;

/**
 * A declared trigger, identified by schema, table and name.
 *
 * @param schema the schema of the trigger's table
 * @param table the table (or view) the trigger is on
 * @param name the trigger's name
 * @param constraint whether it is a {@code CONSTRAINT TRIGGER}
 * @param definition everything after the name, e.g.
 * {@code BEFORE UPDATE ON products FOR EACH ROW EXECUTE FUNCTION set_updated_at()}
 * @param comment the comment to set, or {@code null}
 * @param source where the trigger was declared
 * @param allowedLintRules the ids of the lint rules silenced for this entity
 */
public record PgTrigger(String schema, String table, String name, boolean constraint, String definition,
		@Nullable String comment, String source, Set<String> allowedLintRules) implements PgEntity {

	public PgTrigger {
		Objects.requireNonNull(schema, "schema must not be null");
		Objects.requireNonNull(table, "table must not be null");
		Objects.requireNonNull(name, "name must not be null");
		Objects.requireNonNull(definition, "definition must not be null");
		Objects.requireNonNull(source, "source must not be null");
		OnClause on = OnClause.find(definition)
			.orElseThrow(() -> new IllegalArgumentException(
					"A trigger definition must name its table with ON: '" + definition + "'"));
		if (!on.name().schemaOr(schema).equals(schema) || !on.name().name().equals(table)) {
			throw new IllegalArgumentException("Trigger " + name + " is declared on "
					+ Identifiers.qualify(schema, table) + " but its definition says ON " + on.name().name());
		}
		allowedLintRules = LintRule.validIds(allowedLintRules);
	}

	/**
	 * Creates the entity with no lint rule silenced.
	 */
	public PgTrigger(String schema, String table, String name, boolean constraint, String definition,
			@Nullable String comment, String source) {
		this(schema, table, name, constraint, definition, comment, source, Set.of());
	}

	/**
	 * Declares a trigger the way alembic_utils does.
	 * @param schema the schema of the table, as a plain name
	 * @param name the trigger's name, as a plain name
	 * @param onTable the table, as a plain name or {@code schema.table}
	 * @param definition everything after the name, including {@code ON table}
	 * @return the trigger
	 */
	public static PgTrigger of(String schema, String name, String onTable, String definition) {
		return new PgTrigger(schema, tableName(schema, onTable), name, false, definition.strip(), null,
				"PgTrigger.of(" + name + ")");
	}

	static String tableName(String schema, String onTable) {
		try {
			QualifiedName parsed = QualifiedName.parse(onTable);
			if (parsed.schema() != null && parsed.schema().equals(schema)) {
				return parsed.name();
			}
		}
		catch (RuntimeException ex) {
			// not SQL: a plain name, taken as it is
		}
		return onTable;
	}

	@Override
	public EntityKind kind() {
		return EntityKind.TRIGGER;
	}

	@Override
	public String identity() {
		return Identifiers.qualify(this.schema, this.table, this.name);
	}

	@Override
	public String createStatement() {
		OnClause on = OnClause.find(this.definition).orElseThrow();
		return "CREATE " + (this.constraint ? "CONSTRAINT " : "") + "TRIGGER " + Identifiers.quote(this.name) + " "
				+ on.replaceIn(this.definition, Identifiers.qualify(this.schema, this.table));
	}

	@Override
	public PgTrigger withSource(String source) {
		return new PgTrigger(this.schema, this.table, this.name, this.constraint, this.definition, this.comment,
				source, this.allowedLintRules);
	}

	@Override
	public PgTrigger withComment(@Nullable String comment) {
		return new PgTrigger(this.schema, this.table, this.name, this.constraint, this.definition, comment,
				this.source, this.allowedLintRules);
	}

	@Override
	public PgTrigger allowing(String... rules) {
		Set<String> allowed = new LinkedHashSet<>(this.allowedLintRules);
		allowed.addAll(List.of(rules));
		return new PgTrigger(this.schema, this.table, this.name, this.constraint, this.definition, this.comment, this.source, allowed);
	}

}
