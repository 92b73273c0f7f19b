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

import java.util.Locale;
import java.util.Set;
import java.util.StringJoiner;

import io.pgentities.PgEventTrigger;
import org.jspecify.annotations.Nullable;

/**
 * Reads what a statement of an entity file declares. Only the {@code CREATE} statements of
 * the managed kinds, with {@code CREATE INDEX}, {@code COMMENT ON}, {@code GRANT},
 * {@code REVOKE}, {@code ALTER ... OWNER TO} and {@code ALTER EVENT TRIGGER ... ENABLE} for
 * them, are accepted;
 * everything else is rejected, since an entity file must never do anything but declare.
 */
public final class DeclarationReader {

	private static final String ACCEPTED = "only CREATE FUNCTION, PROCEDURE, VIEW, MATERIALIZED VIEW, TRIGGER, "
			+ "POLICY, EXTENSION, AGGREGATE, EVENT TRIGGER (and CREATE INDEX / COMMENT ON / GRANT / REVOKE / "
			+ "ALTER ... OWNER TO / ALTER EVENT TRIGGER ... ENABLE for them) may declare entities";

	// Words that may stand between a command and its object kind (CREATE OR REPLACE RULE,
	// DROP MATERIALIZED VIEW, COMMENT ON TABLE), so that rejections name the kind.
	private static final Set<String> KIND_MODIFIERS = Set.of("or", "replace", "temp", "temporary", "unlogged",
			"global", "local", "unique", "materialized", "constraint", "recursive", "trusted", "procedural",
			"foreign", "default", "event", "text", "search", "on");

	private static final Set<String> COMMANDS_WITH_KIND = Set.of("create", "drop", "alter", "comment");

	private DeclarationReader() {
	}

	/**
	 * Reads one statement.
	 * @param statement the statement
	 * @param defaultSchema the schema of unqualified names
	 * @return what it declares
	 * @throws SqlSyntaxException if the statement may not appear in an entity file or is malformed
	 */
	public static Declaration read(SqlStatement statement, String defaultSchema) {
		TokenCursor cursor = new TokenCursor(statement);
		if (cursor.acceptWords("create")) {
			return create(cursor, defaultSchema);
		}
		if (cursor.acceptWords("comment", "on")) {
			return CommentOnReader.read(cursor, defaultSchema);
		}
		if (cursor.acceptWords("grant")) {
			return AccessReader.grant(cursor, false, defaultSchema);
		}
		if (cursor.acceptWords("revoke")) {
			return AccessReader.grant(cursor, true, defaultSchema);
		}
		if (cursor.acceptWords("alter", "event", "trigger")) {
			return eventTriggerFiring(cursor);
		}
		if (cursor.acceptWords("alter")) {
			return AccessReader.owner(cursor, defaultSchema);
		}
		throw notADeclaration(statement);
	}

	/**
	 * The exception for a statement that declares no entity.
	 * @param statement the statement
	 * @return the exception
	 */
	static SqlSyntaxException notADeclaration(SqlStatement statement) {
		return new SqlSyntaxException(ACCEPTED + ", found " + describe(statement), statement.line());
	}

	private static Declaration create(TokenCursor cursor, String defaultSchema) {
		boolean orReplace = cursor.acceptWords("or", "replace");
		if (cursor.acceptWords("function")) {
			return routine(cursor, "function", defaultSchema);
		}
		if (cursor.acceptWords("procedure")) {
			return routine(cursor, "procedure", defaultSchema);
		}
		if (cursor.acceptWords("aggregate")) {
			return routine(cursor, "aggregate", defaultSchema);
		}
		if (cursor.acceptWords("view")) {
			return view(cursor, false, defaultSchema);
		}
		if (cursor.acceptWords("trigger")) {
			return trigger(cursor, false, defaultSchema);
		}
		if (cursor.acceptWords("constraint", "trigger")) {
			return trigger(cursor, true, defaultSchema);
		}
		if (!orReplace && cursor.acceptWords("event", "trigger")) {
			return eventTrigger(cursor, defaultSchema);
		}
		rejectTemporaryOrRecursiveView(cursor);
		if (orReplace && (cursor.nextAreWords("materialized", "view") || cursor.nextAreWords("policy")
				|| cursor.nextAreWords("extension") || cursor.nextAreWords("event", "trigger")
				|| cursor.nextAreWords("index") || cursor.nextAreWords("unique", "index"))) {
			throw cursor.fail("PostgreSQL has no CREATE OR REPLACE for "
					+ describeFrom(cursor.statement(), cursor.index()) + "; declare it with CREATE");
		}
		if (cursor.acceptWords("materialized", "view")) {
			cursor.acceptWords("if", "not", "exists");
			return view(cursor, true, defaultSchema);
		}
		if (cursor.acceptWords("policy")) {
			return policy(cursor, defaultSchema);
		}
		if (cursor.acceptWords("extension")) {
			return extension(cursor, defaultSchema);
		}
		if (cursor.nextAreWords("index") || cursor.nextAreWords("unique", "index")) {
			return index(cursor, defaultSchema);
		}
		throw notADeclaration(cursor.statement());
	}

	private static void rejectTemporaryOrRecursiveView(TokenCursor cursor) {
		int start = cursor.index();
		boolean temporary = false;
		boolean recursive = false;
		while (!cursor.atEnd()) {
			if (cursor.acceptWords("temp") || cursor.acceptWords("temporary")) {
				temporary = true;
			}
			else if (cursor.acceptWords("recursive")) {
				recursive = true;
			}
			else {
				break;
			}
		}
		boolean view = cursor.nextAreWords("view");
		cursor.moveTo(start);
		if (view && temporary) {
			throw cursor.fail("a temporary view cannot be declared as an entity: it lives only as long as the "
					+ "session that creates it");
		}
		if (view && recursive) {
			throw cursor.fail("CREATE RECURSIVE VIEW is not supported: declare a plain view whose query is "
					+ "WITH RECURSIVE ...");
		}
	}

	private static Declaration routine(TokenCursor cursor, String kind, String defaultSchema) {
		QualifiedName name = cursor.qualifiedName("the " + kind, defaultSchema);
		SqlStatement statement = cursor.statement();
		int open = cursor.index();
		if (cursor.atEnd() || !statement.token(open).is("(")) {
			throw cursor.fail("the name of " + kind + " " + name.name()
					+ " must be followed by its argument list in parentheses, found " + cursor.describeNext());
		}
		int close = RoutineSignature.closingParenthesis(statement.tokens(), open);
		if (close < 0) {
			throw cursor.fail("the argument list of " + kind + " " + name.name() + " is not closed");
		}
		cursor.moveTo(close + 1);
		String definition = cursor.rest();
		if (definition.isEmpty()) {
			throw cursor.fail(kind + " " + name.name() + " has no definition after its argument list");
		}
		return new Declaration.Routine(kind.toUpperCase(Locale.ROOT), name.schemaOr(defaultSchema), name.name(),
				statement.text(open + 1, close), definition, statement.line());
	}

	private static Declaration view(TokenCursor cursor, boolean materialized, String defaultSchema) {
		String kind = materialized ? "materialized view" : "view";
		QualifiedName name = cursor.qualifiedName("the " + kind, defaultSchema);
		SqlStatement statement = cursor.statement();
		int as = cursor.findTopLevelWord("as");
		if (as < 0) {
			throw cursor.fail(kind + " " + name.name() + " has no AS followed by its query");
		}
		String clauses = statement.text(cursor.index(), as);
		int end = statement.size();
		boolean withData = true;
		if (materialized && statement.endsWithWords(as + 1, "with", "no", "data")) {
			end -= 3;
			withData = false;
		}
		else if (materialized && statement.endsWithWords(as + 1, "with", "data")) {
			end -= 2;
		}
		String query = statement.text(as + 1, end);
		if (query.isEmpty()) {
			throw cursor.fail(kind + " " + name.name() + " has no query after AS");
		}
		return new Declaration.View(materialized, name.schemaOr(defaultSchema), name.name(), clauses, query,
				withData, statement.line());
	}

	private static Declaration trigger(TokenCursor cursor, boolean constraint, String defaultSchema) {
		String name = cursor.name("the trigger");
		String definition = cursor.rest();
		OnClause on = OnClause.find(definition)
			.orElseThrow(() -> cursor.fail("trigger " + name + " names no table: ON table is missing"));
		return new Declaration.Trigger(on.name().schemaOr(defaultSchema), on.name().name(), name, constraint,
				definition, cursor.statement().line());
	}

	private static Declaration policy(TokenCursor cursor, String defaultSchema) {
		String name = cursor.name("the policy");
		cursor.expectWord("on", "the name of policy " + name);
		QualifiedName table = cursor.qualifiedName("the policy's table", defaultSchema);
		return new Declaration.Policy(table.schemaOr(defaultSchema), table.name(), name, cursor.rest(),
				cursor.statement().line());
	}

	/**
	 * Reads the rest of {@code CREATE EXTENSION}: its options may come in any order, as
	 * PostgreSQL takes them. {@code CASCADE} is refused, since the extensions it would install
	 * are declared by nothing.
	 */
	private static Declaration extension(TokenCursor cursor, String defaultSchema) {
		cursor.acceptWords("if", "not", "exists");
		QualifiedName name = cursor.qualifiedName("the extension", "");
		if (!"".equals(name.schema())) {
			throw cursor.fail("the name of extension " + name.name() + " cannot be schema-qualified: an extension's "
					+ "name is unique in the database; name the schema of its objects with WITH SCHEMA");
		}
		String what = "extension " + name.name();
		cursor.acceptWords("with");
		String schema = null;
		String version = null;
		while (!cursor.atEnd()) {
			if (cursor.acceptWords("schema")) {
				requireOnce(cursor, schema, "SCHEMA", what);
				schema = cursor.name("the schema of " + what);
			}
			else if (cursor.acceptWords("version")) {
				requireOnce(cursor, version, "VERSION", what);
				version = extensionVersion(cursor, what);
			}
			else if (cursor.nextAreWords("cascade")) {
				throw cursor.fail(what + ": CASCADE would install extensions nothing declares; declare each "
						+ "extension it requires");
			}
			else {
				throw cursor.fail("unexpected " + cursor.describeNext() + " in CREATE EXTENSION " + name.name()
						+ ": only SCHEMA and VERSION may follow its name");
			}
		}
		return new Declaration.Extension(name.name(), (schema != null) ? schema : defaultSchema, version,
				cursor.statement().line());
	}

	private static void requireOnce(TokenCursor cursor, @Nullable String previous, String option, String what) {
		if (previous != null) {
			throw cursor.fail(what + ": " + option + " is given twice");
		}
	}

	private static String extensionVersion(TokenCursor cursor, String what) {
		if (!cursor.atEnd()) {
			Token token = cursor.statement().token(cursor.index());
			if (token.type() == TokenType.STRING) {
				cursor.moveTo(cursor.index() + 1);
				try {
					return StringConstants.value(token);
				}
				catch (IllegalArgumentException ex) {
					throw cursor.fail(ex.getMessage());
				}
			}
			if (token.isIdentifier()) {
				cursor.moveTo(cursor.index() + 1);
				return token.identifier();
			}
		}
		throw cursor.fail(what + ": VERSION must be followed by a string constant or a name, found "
				+ cursor.describeNext());
	}

	private static Declaration eventTrigger(TokenCursor cursor, String defaultSchema) {
		String name = cursor.name("the event trigger");
		String definition = cursor.rest();
		ExecuteClause execute = ExecuteClause.find(definition)
			.orElseThrow(() -> cursor.fail("event trigger " + name + " must end with EXECUTE FUNCTION function_name()"));
		return new Declaration.EventTrigger(execute.name().schemaOr(defaultSchema), name, definition,
				cursor.statement().line());
	}

	private static Declaration eventTriggerFiring(TokenCursor cursor) {
		Declaration.CommentTarget target = CommentOnReader.eventTrigger(cursor);
		String clause = cursor.rest();
		try {
			return new Declaration.EventTriggerFiring(target, PgEventTrigger.Firing.ofClause(clause),
					cursor.statement().line());
		}
		catch (IllegalArgumentException ex) {
			throw cursor.fail("only ALTER " + target.describe()
					+ " ENABLE, ENABLE REPLICA, ENABLE ALWAYS or DISABLE may be declared, found " + clause);
		}
	}

	private static Declaration index(TokenCursor cursor, String defaultSchema) {
		SqlStatement statement = cursor.statement();
		String text = statement.text();
		OnClause on = OnClause.find(text)
			.orElseThrow(() -> cursor.fail("CREATE INDEX names no relation: ON is missing"));
		return new Declaration.Index(on.name().schemaOr(defaultSchema), on.name().name(), text, statement.line());
	}

	/**
	 * Names a statement by its leading keywords, such as {@code DROP TABLE} or {@code GRANT}.
	 * @param statement the statement
	 * @return a description for messages
	 */
	static String describe(SqlStatement statement) {
		Token first = statement.token(0);
		if (first.type() != TokenType.WORD) {
			return "'" + first.text() + "'";
		}
		if (!COMMANDS_WITH_KIND.contains(first.identifier())) {
			return first.text().toUpperCase(Locale.ROOT);
		}
		return describeFrom(statement, 0);
	}

	private static String describeFrom(SqlStatement statement, int start) {
		StringJoiner words = new StringJoiner(" ");
		int i = start;
		if (start == 0) {
			words.add(statement.token(i++).text().toUpperCase(Locale.ROOT));
		}
		while (i < statement.size() && statement.token(i).type() == TokenType.WORD) {
			String word = statement.token(i++).identifier();
			words.add(word.toUpperCase(Locale.ROOT));
			if (!KIND_MODIFIERS.contains(word)) {
				break;
			}
		}
		return words.toString();
	}

}
