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
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import io.pgentities.internal.sql.ExecuteClause;
import io.pgentities.internal.sql.Identifiers;
import org.jspecify.annotations.Nullable;

/**
 * A declared event trigger, identified by its name alone: event trigger names are unique in
 * the database. It belongs to the schema of its function, so that it is managed, reported and
 * dropped with the other objects of that schema. Creating one takes a superuser.
 *
 * @param schema the schema of the trigger's function
 * @param name the event trigger's name
 * @param definition everything after the name, e.g. {@code ON ddl_command_end WHEN TAG IN
 * ('CREATE TABLE') EXECUTE FUNCTION audit.log_ddl()}; the function is schema-qualified
 * @param firing when the trigger fires, as {@code ALTER EVENT TRIGGER ... ENABLE} sets it
 * @param comment the comment to set, or {@code null}
 * @param source where the event trigger was declared
 * @param allowedLintRules the ids of the lint rules silenced for this entity
 */
public record PgEventTrigger(String schema, String name, String definition, Firing firing,
		@Nullable String comment, String source, Set<String> allowedLintRules) implements PgEntity {

	public PgEventTrigger {
		Objects.requireNonNull(schema, "schema must not be null");
		Objects.requireNonNull(name, "name must not be null");
		Objects.requireNonNull(definition, "definition must not be null");
		Objects.requireNonNull(firing, "firing must not be null");
		Objects.requireNonNull(source, "source must not be null");
		ExecuteClause execute = ExecuteClause.find(definition).orElse(null);
		if (execute == null) {
			throw new IllegalArgumentException(
					"Event trigger " + name + " must end with EXECUTE FUNCTION function_name(): '" + definition + "'");
		}
		String functionSchema = execute.name().schemaOr(schema);
		if (!functionSchema.equals(schema)) {
			throw new IllegalArgumentException("Event trigger " + name + " is declared in schema " + schema
					+ " but its function is in schema " + functionSchema);
		}
		definition = execute.replaceIn(definition, Identifiers.qualify(schema, execute.name().name()));
		allowedLintRules = LintRule.validIds(allowedLintRules);
	}

	/**
	 * Creates the entity, fired in the default mode, with no lint rule silenced.
	 */
	public PgEventTrigger(String schema, String name, String definition, @Nullable String comment, String source) {
		this(schema, name, definition, Firing.ORIGIN, comment, source, Set.of());
	}

	/**
	 * Declares an event trigger the way the other factories declare their kinds.
	 * @param schema the schema of the trigger's function, where an unqualified function name
	 * is looked up; a schema-qualified function name takes precedence
	 * @param name the event trigger's name, as a plain name
	 * @param definition everything after the name: {@code ON event [WHEN TAG IN (...)] EXECUTE
	 * FUNCTION function_name()}
	 * @return the event trigger, fired in the default mode
	 * @throws IllegalArgumentException if the definition does not end with {@code EXECUTE
	 * FUNCTION function_name()}
	 */
	public static PgEventTrigger of(String schema, String name, String definition) {
		String clauses = definition.strip();
		String functionSchema = ExecuteClause.find(clauses).map((execute) -> execute.name().schemaOr(schema))
			.orElse(schema);
		return new PgEventTrigger(functionSchema, name, clauses, "PgEventTrigger.of(" + name + ")");
	}

	private PgEventTrigger(String schema, String name, String definition, String source) {
		this(schema, name, definition, Firing.ORIGIN, null, source, Set.of());
	}

	@Override
	public EntityKind kind() {
		return EntityKind.EVENT_TRIGGER;
	}

	@Override
	public String identity() {
		return Identifiers.quote(this.name);
	}

	@Override
	public String createStatement() {
		return "CREATE EVENT TRIGGER " + Identifiers.quote(this.name) + " " + this.definition;
	}

	/**
	 * The statement that sets when the trigger fires, as declared.
	 * @return {@code ALTER EVENT TRIGGER name ENABLE ...}, or {@code null} when the trigger
	 * fires in the default mode it is created in
	 */
	public @Nullable String firingStatement() {
		return (this.firing != Firing.ORIGIN) ? this.firing.statement(this.name) : null;
	}

	/**
	 * A copy of this event trigger that fires as given.
	 * @param firing when it fires
	 * @return the copy
	 */
	public PgEventTrigger withFiring(Firing firing) {
		return new PgEventTrigger(this.schema, this.name, this.definition, firing, this.comment, this.source,
				this.allowedLintRules);
	}

	/**
	 * A copy of this event trigger under another name, everything else the same.
	 * @param name the name
	 * @return the copy
	 */
	public PgEventTrigger withName(String name) {
		return new PgEventTrigger(this.schema, name, this.definition, this.firing, this.comment, this.source,
				this.allowedLintRules);
	}

	@Override
	public PgEventTrigger withSource(String source) {
		return new PgEventTrigger(this.schema, this.name, this.definition, this.firing, this.comment, source,
				this.allowedLintRules);
	}

	@Override
	public PgEventTrigger withComment(@Nullable String comment) {
		return new PgEventTrigger(this.schema, this.name, this.definition, this.firing, comment, this.source,
				this.allowedLintRules);
	}

	@Override
	public PgEventTrigger allowing(String... rules) {
		Set<String> allowed = new LinkedHashSet<>(this.allowedLintRules);
		allowed.addAll(List.of(rules));
		return new PgEventTrigger(this.schema, this.name, this.definition, this.firing, this.comment, this.source,
				allowed);
	}

	/**
	 * When an event trigger fires, depending on the session's {@code session_replication_role}:
	 * PostgreSQL's {@code pg_event_trigger.evtenabled}.
	 */
	public enum Firing {

		/** {@code ENABLE}, the default: fires unless the session is a replica ({@code O}). */
		ORIGIN("ENABLE", "O"),

		/** {@code ENABLE REPLICA}: fires only in sessions that are a replica ({@code R}). */
		REPLICA("ENABLE REPLICA", "R"),

		/** {@code ENABLE ALWAYS}: fires in every session ({@code A}). */
		ALWAYS("ENABLE ALWAYS", "A"),

		/** {@code DISABLE}: never fires ({@code D}). */
		DISABLED("DISABLE", "D");

		private final String clause;

		private final String code;

		Firing(String clause, String code) {
			this.clause = clause;
			this.code = code;
		}

		/**
		 * The clause of {@code ALTER EVENT TRIGGER} that sets this mode, e.g. {@code ENABLE ALWAYS}.
		 * @return the clause
		 */
		public String clause() {
			return this.clause;
		}

		/**
		 * The statement that sets this mode on an event trigger.
		 * @param name the event trigger's name
		 * @return {@code ALTER EVENT TRIGGER name ...}
		 */
		public String statement(String name) {
			return "ALTER EVENT TRIGGER " + Identifiers.quote(name) + " " + this.clause;
		}

		/**
		 * Whether an event trigger in this mode fires in a session with the given role.
		 * @param sessionReplicationRole {@code origin}, {@code replica} or {@code local}
		 * @return whether it fires
		 */
		public boolean firesIn(String sessionReplicationRole) {
			boolean replica = sessionReplicationRole.toLowerCase(Locale.ROOT).equals("replica");
			return switch (this) {
				case ORIGIN -> !replica;
				case REPLICA -> replica;
				case ALWAYS -> true;
				case DISABLED -> false;
			};
		}

		/**
		 * The mode of a catalog code.
		 * @param code {@code pg_event_trigger.evtenabled}: {@code O}, {@code R}, {@code A} or {@code D}
		 * @return the mode
		 * @throws IllegalArgumentException if the code is unknown
		 */
		public static Firing ofCode(String code) {
			for (Firing firing : values()) {
				if (firing.code.equals(code)) {
					return firing;
				}
			}
			throw new IllegalArgumentException("Unknown event trigger mode '" + code + "'");
		}

		/**
		 * The mode of an {@code ALTER EVENT TRIGGER} clause.
		 * @param clause {@code ENABLE}, {@code ENABLE REPLICA}, {@code ENABLE ALWAYS} or {@code DISABLE},
		 * in any case
		 * @return the mode
		 * @throws IllegalArgumentException if the clause is none of those
		 */
		public static Firing ofClause(String clause) {
			String normalized = clause.strip().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
			for (Firing firing : values()) {
				if (firing.clause.equals(normalized)) {
					return firing;
				}
			}
			throw new IllegalArgumentException("Unknown event trigger mode '" + clause
					+ "': expected ENABLE, ENABLE REPLICA, ENABLE ALWAYS or DISABLE");
		}

	}

}
