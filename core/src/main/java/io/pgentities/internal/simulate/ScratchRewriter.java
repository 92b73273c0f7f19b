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
package io.pgentities.internal.simulate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.pgentities.internal.sql.QualifiedName;
import io.pgentities.internal.sql.SqlLexer;
import io.pgentities.internal.sql.SqlSyntaxException;
import io.pgentities.internal.sql.Token;
import io.pgentities.internal.sql.TokenType;
import org.jspecify.annotations.Nullable;

/**
 * Rewrites schema-qualified references to declared objects ({@code public.order_line_items})
 * so that they point at the simulated copies in the scratch schemas. Unqualified references
 * reach the copies through the simulation's {@code search_path}. Routine and relation names
 * are told apart by a following parenthesis (or, for an aggregate's support functions, the
 * attribute naming them), as they live in different catalogs. Dollar-quoted
 * bodies are rewritten too, so that SQL-language routines use the simulated objects.
 */
final class ScratchRewriter {

	// the attributes of CREATE AGGREGATE that name a function
	private static final Set<String> SUPPORT_FUNCTIONS = Set.of("sfunc", "finalfunc", "combinefunc", "serialfunc",
			"deserialfunc", "msfunc", "minvfunc", "mfinalfunc");

	private final Map<String, String> scratchBySchema;

	private final Set<QualifiedName> routines;

	private final Set<QualifiedName> relations;

	/**
	 * Creates a rewriter.
	 * @param scratchBySchema the scratch schema of each schema
	 * @param routines the names of declared routines
	 * @param relations the names of declared views and of scratch table copies
	 */
	ScratchRewriter(Map<String, String> scratchBySchema, Set<QualifiedName> routines, Set<QualifiedName> relations) {
		this.scratchBySchema = scratchBySchema;
		this.routines = routines;
		this.relations = relations;
	}

	String rewrite(String sql) {
		return rewrite(sql, 0, new ArrayList<>());
	}

	/**
	 * Where a character of the rewritten text came from in the original: PostgreSQL reports
	 * errors in the text it was sent, the user wrote the original.
	 * @param sql the original text
	 * @param rewrittenOffset a 0-based offset in {@code rewrite(sql)}
	 * @return the 0-based offset in {@code sql}: the same character, or the start of the name
	 * that was replaced there
	 */
	int originalOffset(String sql, int rewrittenOffset) {
		List<Replacement> replacements = new ArrayList<>();
		rewrite(sql, 0, replacements);
		int shift = 0;
		for (Replacement replacement : replacements) {
			int start = replacement.offset() + shift;
			if (rewrittenOffset < start) {
				break;
			}
			if (rewrittenOffset < start + replacement.replacementLength()) {
				return replacement.offset();
			}
			shift += replacement.replacementLength() - replacement.length();
		}
		return rewrittenOffset - shift;
	}

	private String rewrite(String sql, int base, List<Replacement> replacements) {
		List<Token> tokens = SqlLexer.tokenize(sql);
		StringBuilder rewritten = new StringBuilder(sql.length() + 64);
		for (int i = 0; i < tokens.size(); i++) {
			Token token = tokens.get(i);
			if (token.type() == TokenType.DOLLAR_STRING) {
				rewritten.append(rewriteBody(token, base, replacements));
				continue;
			}
			String scratch = token.isIdentifier() ? scratchSchemaAt(tokens, i) : null;
			if (scratch != null) {
				replacements.add(new Replacement(base + token.offset(), token.text().length(), scratch.length()));
			}
			rewritten.append((scratch != null) ? scratch : token.text());
		}
		return rewritten.toString();
	}

	private String rewriteBody(Token body, int base, List<Replacement> replacements) {
		String dollarQuoted = body.text();
		int open = dollarQuoted.indexOf('$', 1) + 1;
		int close = dollarQuoted.length() - open;
		List<Replacement> inBody = new ArrayList<>();
		try {
			String rewritten = dollarQuoted.substring(0, open)
					+ rewrite(dollarQuoted.substring(open, close), base + body.offset() + open, inBody)
					+ dollarQuoted.substring(close);
			replacements.addAll(inBody);
			return rewritten;
		}
		catch (SqlSyntaxException ex) {
			// not SQL (another language's body): leave it alone
			return dollarQuoted;
		}
	}

	/**
	 * A name of the original text replaced by a scratch schema's name.
	 */
	private record Replacement(int offset, int length, int replacementLength) {

	}

	private @Nullable String scratchSchemaAt(List<Token> tokens, int index) {
		String scratch = this.scratchBySchema.get(tokens.get(index).identifier());
		Token previous = previousMeaningful(tokens, index);
		if (scratch == null || (previous != null && previous.is("."))) {
			return null;
		}
		int dot = nextMeaningful(tokens, index);
		if (dot < 0 || !tokens.get(dot).is(".")) {
			return null;
		}
		int nameIndex = nextMeaningful(tokens, dot);
		if (nameIndex < 0 || !tokens.get(nameIndex).isIdentifier()) {
			return null;
		}
		QualifiedName qualified = new QualifiedName(tokens.get(index).identifier(),
				tokens.get(nameIndex).identifier());
		int after = nextMeaningful(tokens, nameIndex);
		// a parenthesis follows a routine's name, but also a relation's in CREATE INDEX ... ON t (...)
		boolean call = (after >= 0 && tokens.get(after).is("(")) || namesSupportFunction(tokens, index);
		boolean declared = call ? this.routines.contains(qualified) || this.relations.contains(qualified)
				: this.relations.contains(qualified);
		return declared ? scratch : null;
	}

	/**
	 * Whether the name at {@code index} is an aggregate's support function, as in
	 * {@code SFUNC = public.f}: named without its argument list, yet a routine.
	 */
	private static boolean namesSupportFunction(List<Token> tokens, int index) {
		int equals = previousMeaningfulIndex(tokens, index);
		int attribute = (equals >= 0 && tokens.get(equals).is("=")) ? previousMeaningfulIndex(tokens, equals) : -1;
		return attribute >= 0 && tokens.get(attribute).type() == TokenType.WORD
				&& SUPPORT_FUNCTIONS.contains(tokens.get(attribute).identifier());
	}

	private static @Nullable Token previousMeaningful(List<Token> tokens, int index) {
		int previous = previousMeaningfulIndex(tokens, index);
		return (previous >= 0) ? tokens.get(previous) : null;
	}

	private static int previousMeaningfulIndex(List<Token> tokens, int index) {
		for (int i = index - 1; i >= 0; i--) {
			if (!tokens.get(i).isTrivia()) {
				return i;
			}
		}
		return -1;
	}

	private static int nextMeaningful(List<Token> tokens, int index) {
		for (int i = index + 1; i < tokens.size(); i++) {
			if (!tokens.get(i).isTrivia()) {
				return i;
			}
		}
		return -1;
	}

}
