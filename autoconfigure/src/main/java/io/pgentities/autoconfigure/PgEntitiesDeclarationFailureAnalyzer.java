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
package io.pgentities.autoconfigure;

import io.pgentities.EntityRejectedException;
import io.pgentities.InvalidDeclarationException;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;

/**
 * A {@link FailureAnalyzer} for declarations that cannot be used: an
 * {@link InvalidDeclarationException} (an entity file that does more than declare, SQL that
 * does not split into statements, an entity declared twice) or an
 * {@link EntityRejectedException} (PostgreSQL rejected a declaration). It names the file or
 * bean, the line in the file and PostgreSQL's message, instead of leaving them in a stack
 * trace under the bean that failed.
 */
class PgEntitiesDeclarationFailureAnalyzer implements FailureAnalyzer {

	private static final String NEW_LINE = System.lineSeparator();

	@Override
	public @Nullable FailureAnalysis analyze(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof EntityRejectedException rejected) {
				return analyze(rejected);
			}
			if (cause instanceof InvalidDeclarationException invalid) {
				return analyze(invalid);
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return null;
	}

	private FailureAnalysis analyze(EntityRejectedException ex) {
		String where = where(ex);
		StringBuilder description = new StringBuilder();
		description.append("PostgreSQL rejected the declaration of ")
			.append(ex.getKind().sqlName())
			.append(' ')
			.append(ex.getIdentity())
			.append(" in ")
			.append(where)
			.append(':')
			.append(NEW_LINE);
		if (ex.getLine() > 0) {
			description.append(NEW_LINE)
				.append("    ")
				.append(ex.getLine())
				.append(" | ")
				.append(ex.getLineText())
				.append(NEW_LINE);
		}
		description.append(NEW_LINE).append("    ERROR: ").append(ex.getPostgresMessage());
		if (ex.getSqlState() != null) {
			description.append(" (SQLSTATE ").append(ex.getSqlState()).append(')');
		}
		String action = "Correct the declaration in " + where + " so that PostgreSQL accepts it. The check "
				+ "created it in a scratch schema, in a transaction that was rolled back: the database was not "
				+ "changed.";
		return new FailureAnalysis(description.toString(), action, ex);
	}

	private static String where(EntityRejectedException ex) {
		if (ex.getLine() == 0) {
			return ex.getEntitySource();
		}
		return ex.getSourceName() + (ex.isLineInSource() ? ", line " + ex.getLine()
				: " (line " + ex.getLine() + " of its statement)");
	}

	private FailureAnalysis analyze(InvalidDeclarationException ex) {
		String where = ex.getSourceName() + ", line " + ex.getLine();
		String description = "The entity declarations in " + ex.getSourceName() + " cannot be used:" + NEW_LINE
				+ NEW_LINE + "    " + where + ": " + reason(ex);
		String action = "Correct " + where + ". A file of entities may hold only the CREATE statements of "
				+ "functions, procedures, views, materialized views, triggers, policies, extensions, aggregates and event "
				+ "triggers (with "
				+ "CREATE INDEX, COMMENT ON, GRANT, REVOKE, ALTER ... OWNER TO and ALTER EVENT TRIGGER ... ENABLE for "
				+ "them), and declare each entity once, in one file or bean; statements that "
				+ "change tables or data belong in Flyway migrations.";
		return new FailureAnalysis(description, action, ex);
	}

	private static String reason(InvalidDeclarationException ex) {
		String message = String.valueOf(ex.getMessage());
		// the message starts with the source and line, which the description already gives
		String located = ex.getSourceName() + ":" + ex.getLine() + ": ";
		return message.startsWith(located) ? message.substring(located.length()) : message;
	}

}
