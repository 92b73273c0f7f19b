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

/**
 * Reads {@code GRANT}, {@code REVOKE} and {@code ALTER ... OWNER TO} statements about the
 * kinds of objects entity files declare. Only privileges on one named object are accepted:
 * role memberships, default privileges and {@code ON ALL ... IN SCHEMA} belong in migrations.
 */
final class AccessReader {

	private AccessReader() {
	}

	/**
	 * Reads the rest of a {@code GRANT} or {@code REVOKE} statement.
	 * @param cursor a cursor just past {@code GRANT} or {@code REVOKE}
	 * @param revoke whether it is a {@code REVOKE}
	 * @param defaultSchema the schema of unqualified names
	 * @return the grant
	 */
	static Declaration.Grant grant(TokenCursor cursor, boolean revoke, String defaultSchema) {
		String command = revoke ? "REVOKE" : "GRANT";
		SqlStatement statement = cursor.statement();
		int start = cursor.index();
		int on = cursor.findTopLevelWord("on");
		if (on < 0) {
			throw cursor.fail(command + " without ON: only privileges on an entity declared in the same source may "
					+ "be declared (role memberships belong in migrations)");
		}
		String privileges = statement.text(start, on);
		if (privileges.isEmpty()) {
			throw cursor.fail(command + " names no privileges");
		}
		cursor.moveTo(on + 1);
		Declaration.CommentTarget target = target(cursor, command, defaultSchema);
		cursor.expectWord(revoke ? "from" : "to", command + " ON " + target.describe());
		int grantees = cursor.index();
		int end = statement.size();
		boolean withGrantOption = !revoke && statement.endsWithWords(grantees, "with", "grant", "option");
		if (withGrantOption) {
			end -= 3;
		}
		if (grantees >= end) {
			throw cursor.fail(command + " ON " + target.describe() + " names no roles");
		}
		return new Declaration.Grant(target, revoke, privileges, statement.text(grantees, end), withGrantOption,
				statement.line());
	}

	/**
	 * Reads the rest of an {@code ALTER ... OWNER TO} statement.
	 * @param cursor a cursor just past {@code ALTER}
	 * @param defaultSchema the schema of unqualified names
	 * @return the owner
	 */
	static Declaration.Owner owner(TokenCursor cursor, String defaultSchema) {
		Declaration.CommentTarget target;
		if (cursor.acceptWords("function")) {
			target = CommentOnReader.routine(cursor, "FUNCTION", defaultSchema);
		}
		else if (cursor.acceptWords("procedure")) {
			target = CommentOnReader.routine(cursor, "PROCEDURE", defaultSchema);
		}
		else if (cursor.acceptWords("aggregate")) {
			target = CommentOnReader.routine(cursor, "AGGREGATE", defaultSchema);
		}
		else if (cursor.acceptWords("view")) {
			target = CommentOnReader.relation(cursor, "VIEW", defaultSchema);
		}
		else if (cursor.acceptWords("materialized", "view")) {
			target = CommentOnReader.relation(cursor, "MATERIALIZED VIEW", defaultSchema);
		}
		else {
			throw DeclarationReader.notADeclaration(cursor.statement());
		}
		if (!cursor.acceptWords("owner", "to")) {
			throw cursor.fail("only ALTER " + target.describe() + " OWNER TO role may be declared, found "
					+ cursor.describeNext());
		}
		String owner = cursor.name("the owner of " + target.describe());
		if (!cursor.atEnd()) {
			throw cursor.fail("unexpected " + cursor.describeNext() + " after the owner of " + target.describe());
		}
		return new Declaration.Owner(target, owner, cursor.statement().line());
	}

	private static Declaration.CommentTarget target(TokenCursor cursor, String command, String defaultSchema) {
		for (String kind : new String[] { "function", "procedure", "routine" }) {
			if (cursor.acceptWords(kind)) {
				return CommentOnReader.routine(cursor, kind.toUpperCase(Locale.ROOT), defaultSchema);
			}
		}
		cursor.acceptWords("table");
		if (cursor.nextAreWords("all") || cursor.nextAreWords("schema") || cursor.nextAreWords("sequence")
				|| cursor.nextAreWords("database") || cursor.nextAreWords("type") || cursor.nextAreWords("domain")
				|| cursor.nextAreWords("language") || cursor.nextAreWords("tablespace")
				|| cursor.nextAreWords("foreign") || cursor.nextAreWords("large")) {
			throw cursor.fail(command + " ON " + cursor.statement().token(cursor.index()).text().toUpperCase(Locale.ROOT)
					+ ": only privileges on an entity declared in the same source may be declared");
		}
		return CommentOnReader.relation(cursor, "TABLE", defaultSchema);
	}

}
