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
package io.pgentities.internal.sql;

import io.pgentities.PgEventTrigger;
import org.jspecify.annotations.Nullable;

/**
 * What one statement of an entity file declares, as {@link DeclarationReader} read it. Names
 * are case-folded and unqualified names already carry the default schema; SQL fragments are
 * kept as written.
 */
public sealed interface Declaration {

	/**
	 * The 1-based line of the statement's first keyword.
	 * @return the line
	 */
	int line();

	/**
	 * {@code CREATE [OR REPLACE] FUNCTION}, {@code PROCEDURE} or {@code AGGREGATE}.
	 *
	 * @param kind {@code FUNCTION}, {@code PROCEDURE} or {@code AGGREGATE}
	 * @param schema the schema
	 * @param name the routine's name
	 * @param arguments the text inside the argument list's parentheses
	 * @param definition the rest of the statement (an aggregate's parenthesized attributes)
	 * @param line the statement's line
	 */
	record Routine(String kind, String schema, String name, String arguments, String definition,
			int line) implements Declaration {
	}

	/**
	 * {@code CREATE [OR REPLACE] VIEW} or {@code CREATE MATERIALIZED VIEW}.
	 *
	 * @param materialized whether it is a materialized view
	 * @param schema the schema
	 * @param name the view's name
	 * @param clauses the text between the name and the top-level {@code AS}
	 * @param query the query after {@code AS}, without a materialized view's {@code WITH [NO] DATA}
	 * @param withData whether a materialized view is populated when created ({@code true} for views)
	 * @param line the statement's line
	 */
	record View(boolean materialized, String schema, String name, String clauses, String query, boolean withData,
			int line) implements Declaration {
	}

	/**
	 * {@code CREATE [OR REPLACE] [CONSTRAINT] TRIGGER}.
	 *
	 * @param schema the table's schema
	 * @param table the table
	 * @param name the trigger's name
	 * @param constraint whether it is a constraint trigger
	 * @param definition the text after the trigger's name, {@code ON table} included
	 * @param line the statement's line
	 */
	record Trigger(String schema, String table, String name, boolean constraint, String definition,
			int line) implements Declaration {
	}

	/**
	 * {@code CREATE POLICY}.
	 *
	 * @param schema the table's schema
	 * @param table the table
	 * @param name the policy's name
	 * @param definition the text after {@code ON table}
	 * @param line the statement's line
	 */
	record Policy(String schema, String table, String name, String definition, int line) implements Declaration {
	}

	/**
	 * {@code CREATE EXTENSION [IF NOT EXISTS] name [WITH] [SCHEMA schema] [VERSION version]}.
	 *
	 * @param name the extension's name
	 * @param schema the schema named by {@code SCHEMA}, else the default schema
	 * @param version the version named by {@code VERSION}, or {@code null}
	 * @param line the statement's line
	 */
	record Extension(String name, String schema, @Nullable String version, int line) implements Declaration {
	}

	/**
	 * {@code CREATE EVENT TRIGGER}.
	 *
	 * @param schema the schema of its function
	 * @param name the event trigger's name
	 * @param definition the text after the name
	 * @param line the statement's line
	 */
	record EventTrigger(String schema, String name, String definition, int line) implements Declaration {
	}

	/**
	 * {@code ALTER EVENT TRIGGER name ENABLE | DISABLE | ENABLE REPLICA | ENABLE ALWAYS}, to be
	 * attached to the event trigger it is on.
	 *
	 * @param target the event trigger
	 * @param firing when it fires
	 * @param line the statement's line
	 */
	record EventTriggerFiring(CommentTarget target, PgEventTrigger.Firing firing, int line) implements Declaration {
	}

	/**
	 * {@code CREATE [UNIQUE] INDEX}, to be attached to the materialized view it is on.
	 *
	 * @param schema the schema of the indexed relation
	 * @param relation the indexed relation
	 * @param statement the whole statement as written
	 * @param line the statement's line
	 */
	record Index(String schema, String relation, String statement, int line) implements Declaration {
	}

	/**
	 * {@code COMMENT ON ... IS ...}, to be attached to the entity it is on.
	 *
	 * @param target the commented object
	 * @param text the decoded comment, or {@code null} for {@code IS NULL}
	 * @param line the statement's line
	 */
	record Comment(CommentTarget target, @Nullable String text, int line) implements Declaration {
	}

	/**
	 * {@code GRANT} or {@code REVOKE} of privileges on one object, to be attached to the
	 * entity it is on.
	 *
	 * @param target the object
	 * @param revoke whether it is a {@code REVOKE}
	 * @param privileges the privileges as written, column lists included
	 * @param grantees the roles as written
	 * @param withGrantOption whether a {@code GRANT} is {@code WITH GRANT OPTION}
	 * @param line the statement's line
	 */
	record Grant(CommentTarget target, boolean revoke, String privileges, String grantees, boolean withGrantOption,
			int line) implements Declaration {
	}

	/**
	 * {@code ALTER ... OWNER TO}, to be attached to the entity it is on.
	 *
	 * @param target the object
	 * @param owner the owning role
	 * @param line the statement's line
	 */
	record Owner(CommentTarget target, String owner, int line) implements Declaration {
	}

	/**
	 * The object of a {@code COMMENT ON}, {@code GRANT}, {@code REVOKE} or {@code ALTER}
	 * statement.
	 *
	 * @param kind the object's kind as SQL spells it: {@code FUNCTION}, {@code PROCEDURE},
	 * {@code VIEW}, {@code MATERIALIZED VIEW}, {@code TRIGGER}, {@code POLICY}, {@code EXTENSION},
	 * {@code AGGREGATE} or {@code EVENT TRIGGER}; for a
	 * {@code GRANT}, also {@code TABLE} (a view or materialized view) or {@code ROUTINE}
	 * @param schema the schema of the object, or of the table of a trigger or policy; empty for
	 * an extension or an event trigger, whose name is unique in the database
	 * @param table the table of a trigger or policy, else {@code null}
	 * @param name the object's name
	 * @param arguments the argument list of a routine, or {@code null} when none was given
	 */
	record CommentTarget(String kind, String schema, @Nullable String table, String name,
			@Nullable String arguments) {

		/**
		 * The target as SQL, for messages: {@code FUNCTION public.total(integer, numeric)}.
		 * @return a description
		 */
		public String describe() {
			if (this.schema.isEmpty()) {
				return this.kind + " " + Identifiers.quote(this.name);
			}
			String object = Identifiers.qualify(this.schema, (this.table != null) ? this.table : this.name);
			if (this.table != null) {
				return this.kind + " " + Identifiers.quote(this.name) + " ON " + object;
			}
			return this.kind + " " + object + ((this.arguments != null) ? "(" + this.arguments + ")" : "");
		}

	}

}
