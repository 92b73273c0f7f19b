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
package io.pgentities.internal.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import io.pgentities.EntityKind;
import io.pgentities.PgEntity;
import io.pgentities.PgEventTrigger.Firing;
import io.pgentities.internal.sql.Identifiers;
import org.jspecify.annotations.Nullable;

/**
 * An event trigger as the catalog describes it. PostgreSQL has no {@code pg_get_event_triggerdef},
 * so the definition is assembled from the parts, which is all there is to one: the event, the
 * tags (upper case, sorted, each once: their order and repetition mean nothing), the function,
 * and when it fires.
 *
 * @param oid the OID
 * @param schema the schema of its function
 * @param name its name
 * @param event the event it fires on, e.g. {@code ddl_command_end}
 * @param tags the command tags it is restricted to, empty for all
 * @param function the function, as {@code regprocedure} prints it: {@code public.log_ddl()}
 * @param firing when it fires
 * @param comment the comment
 */
public record CatalogEventTrigger(long oid, String schema, String name, String event, List<String> tags,
		String function, Firing firing, @Nullable String comment) implements CatalogEntity {

	public CatalogEventTrigger {
		tags = List.copyOf(tags);
	}

	@Override
	public EntityKind kind() {
		return EntityKind.EVENT_TRIGGER;
	}

	@Override
	public String identity() {
		return Identifiers.quote(this.name);
	}

	/**
	 * The definition, followed by the {@code ALTER EVENT TRIGGER} that sets when it fires
	 * unless it fires in the default mode.
	 */
	@Override
	public String canonicalDefinition() {
		return String.join(";\n", createStatements());
	}

	@Override
	public List<String> createStatements() {
		List<String> statements = new ArrayList<>();
		statements.add(createStatement());
		if (this.firing != Firing.ORIGIN) {
			statements.add(this.firing.statement(this.name));
		}
		return statements;
	}

	private String createStatement() {
		StringBuilder definition = new StringBuilder("CREATE EVENT TRIGGER ").append(Identifiers.quote(this.name))
			.append(" ON ")
			.append(Identifiers.quote(this.event));
		if (!this.tags.isEmpty()) {
			definition.append(" WHEN TAG IN (")
				.append(this.tags.stream().map(Identifiers::literal).collect(Collectors.joining(", ")))
				.append(')');
		}
		return definition.append(" EXECUTE FUNCTION ").append(this.function).toString();
	}

	/**
	 * Only when it fires changes in place; PostgreSQL has no statement that changes an event
	 * trigger's event, tags or function. A function replaced with {@code CREATE OR REPLACE}
	 * keeps its event triggers, as it keeps its OID.
	 */
	@Override
	public Change changeFrom(CatalogEntity current, @Nullable PgEntity declared) {
		if (current instanceof CatalogEventTrigger trigger && trigger.createStatement().equals(createStatement())) {
			return new Change.InPlace(this.firing.clause(), List.of(this.firing.statement(this.name)));
		}
		return new Change.Recreate("PostgreSQL cannot change an event trigger's event, tags or function in place");
	}

}
