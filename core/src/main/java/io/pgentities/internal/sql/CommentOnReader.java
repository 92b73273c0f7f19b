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

import org.jspecify.annotations.Nullable;

/**
 * Reads {@code COMMENT ON} statements about the kinds of objects entity files declare.
 */
final class CommentOnReader {

	private CommentOnReader() {
	}

	/**
	 * Reads the rest of a {@code COMMENT ON} statement.
	 * @param cursor a cursor just past {@code COMMENT ON}
	 * @param defaultSchema the schema of unqualified names
	 * @return the comment
	 */
	static Declaration.Comment read(TokenCursor cursor, String defaultSchema) {
		Declaration.CommentTarget target = target(cursor, defaultSchema);
		cursor.expectWord("is", "COMMENT ON " + target.describe());
		String text = text(cursor, target);
		if (!cursor.atEnd()) {
			throw cursor.fail("unexpected " + cursor.describeNext() + " after the comment on " + target.describe());
		}
		return new Declaration.Comment(target, text, cursor.statement().line());
	}

	private static Declaration.CommentTarget target(TokenCursor cursor, String defaultSchema) {
		if (cursor.acceptWords("function")) {
			return routine(cursor, "FUNCTION", defaultSchema);
		}
		if (cursor.acceptWords("procedure")) {
			return routine(cursor, "PROCEDURE", defaultSchema);
		}
		if (cursor.acceptWords("aggregate")) {
			return routine(cursor, "AGGREGATE", defaultSchema);
		}
		if (cursor.acceptWords("view")) {
			return relation(cursor, "VIEW", defaultSchema);
		}
		if (cursor.acceptWords("materialized", "view")) {
			return relation(cursor, "MATERIALIZED VIEW", defaultSchema);
		}
		if (cursor.acceptWords("trigger")) {
			return onTable(cursor, "TRIGGER", defaultSchema);
		}
		if (cursor.acceptWords("policy")) {
			return onTable(cursor, "POLICY", defaultSchema);
		}
		if (cursor.acceptWords("extension")) {
			return new Declaration.CommentTarget("EXTENSION", "", null, cursor.name("the commented extension"), null);
		}
		if (cursor.acceptWords("event", "trigger")) {
			return eventTrigger(cursor);
		}
		throw DeclarationReader.notADeclaration(cursor.statement());
	}

	static Declaration.CommentTarget routine(TokenCursor cursor, String kind, String defaultSchema) {
		QualifiedName name = cursor.qualifiedName("the " + kind.toLowerCase(Locale.ROOT),
				defaultSchema);
		SqlStatement statement = cursor.statement();
		String arguments = null;
		if (!cursor.atEnd() && statement.token(cursor.index()).is("(")) {
			int open = cursor.index();
			int close = RoutineSignature.closingParenthesis(statement.tokens(), open);
			if (close < 0) {
				throw cursor.fail("the argument list of " + kind + " " + name.name() + " is not closed");
			}
			arguments = statement.text(open + 1, close);
			cursor.moveTo(close + 1);
		}
		return new Declaration.CommentTarget(kind, name.schemaOr(defaultSchema), null, name.name(), arguments);
	}

	static Declaration.CommentTarget relation(TokenCursor cursor, String kind, String defaultSchema) {
		QualifiedName name = cursor.qualifiedName("the " + kind.toLowerCase(Locale.ROOT),
				defaultSchema);
		return new Declaration.CommentTarget(kind, name.schemaOr(defaultSchema), null, name.name(), null);
	}

	/**
	 * Reads an event trigger's name, which is unique in the database: the target has no schema.
	 */
	static Declaration.CommentTarget eventTrigger(TokenCursor cursor) {
		String name = cursor.name("the event trigger");
		return new Declaration.CommentTarget("EVENT TRIGGER", "", null, name, null);
	}

	private static Declaration.CommentTarget onTable(TokenCursor cursor, String kind, String defaultSchema) {
		String name = cursor.name("the commented " + kind.toLowerCase(Locale.ROOT));
		cursor.expectWord("on", "COMMENT ON " + kind + " " + name);
		QualifiedName table = cursor.qualifiedName("the table", defaultSchema);
		return new Declaration.CommentTarget(kind, table.schemaOr(defaultSchema), table.name(), name, null);
	}

	private static @Nullable String text(TokenCursor cursor, Declaration.CommentTarget target) {
		if (cursor.acceptWords("null")) {
			return null;
		}
		if (!cursor.atEnd()) {
			Token token = cursor.statement().token(cursor.index());
			if (token.type() == TokenType.STRING || token.type() == TokenType.DOLLAR_STRING) {
				cursor.moveTo(cursor.index() + 1);
				try {
					return StringConstants.value(token);
				}
				catch (IllegalArgumentException ex) {
					throw cursor.fail(ex.getMessage());
				}
			}
		}
		throw cursor.fail("COMMENT ON " + target.describe()
				+ " IS must be followed by a string constant or NULL, found " + cursor.describeNext());
	}

}
