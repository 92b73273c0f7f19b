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

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * The {@code name(arguments)} part of a function, procedure or aggregate declaration.
 *
 * @param name the routine's name, case-folded
 * @param arguments the argument list as written, without the parentheses
 */
public record RoutineSignature(String name, String arguments) {

	private static final Set<String> MODES = Set.of("in", "out", "inout", "variadic");

	private static final Set<String> MULTI_WORD_TYPE_STARTS = Set.of("double", "character", "char", "bit", "timestamp",
			"time", "interval", "national", "varchar", "nchar");

	// Words that continue a multi-word type name: with them, the first word is part of the
	// type (double precision); without them, it is the argument's name (time timestamptz).
	private static final Set<String> TYPE_CONTINUATIONS = Set.of("precision", "varying", "with", "without",
			"character", "char", "year", "month", "day", "hour", "minute", "second");

	private static final Map<String, String> TYPE_ALIASES = Map.ofEntries(Map.entry("int", "integer"),
			Map.entry("int4", "integer"), Map.entry("int2", "smallint"), Map.entry("int8", "bigint"),
			Map.entry("float8", "double precision"), Map.entry("float", "double precision"),
			Map.entry("float4", "real"), Map.entry("bool", "boolean"), Map.entry("varchar", "character varying"),
			Map.entry("char", "character"), Map.entry("bpchar", "character"),
			Map.entry("timestamptz", "timestamp with time zone"),
			Map.entry("timestamp", "timestamp without time zone"), Map.entry("timetz", "time with time zone"),
			Map.entry("time", "time without time zone"), Map.entry("decimal", "numeric"),
			Map.entry("varbit", "bit varying"));

	/**
	 * Reads a signature such as {@code total(p_qty integer, p_price numeric)}.
	 * @param signature the signature
	 * @return the parsed signature
	 * @throws IllegalArgumentException if it is not a name followed by a parenthesized list
	 */
	public static RoutineSignature parse(String signature) {
		List<Token> tokens = SqlLexer.meaningfulTokens(signature);
		if (tokens.size() < 3 || !tokens.get(0).isIdentifier() || !tokens.get(1).is("(")
				|| closingParenthesis(tokens, 1) != tokens.size() - 1) {
			throw new IllegalArgumentException(
					"A routine signature must be name(arguments), for example total(integer, numeric): '" + signature
							+ "'");
		}
		String arguments = signature.substring(tokens.get(1).end(), tokens.get(tokens.size() - 1).offset()).strip();
		return new RoutineSignature(tokens.get(0).identifier(), arguments);
	}

	/**
	 * Finds the parenthesis that closes the one at {@code open}.
	 * @param tokens meaningful tokens
	 * @param open the index of a {@code (} token
	 * @return the index of the matching {@code )}, or -1 when it is not closed
	 */
	public static int closingParenthesis(List<Token> tokens, int open) {
		int depth = 0;
		for (int i = open; i < tokens.size(); i++) {
			if (tokens.get(i).is("(")) {
				depth++;
			}
			else if (tokens.get(i).is(")")) {
				depth--;
				if (depth == 0) {
					return i;
				}
			}
		}
		return -1;
	}

	/**
	 * The argument types that identify a routine, e.g. {@code integer, numeric} for
	 * {@code p_qty int4, p_price numeric(12,2) DEFAULT 0}. Names, defaults, type modifiers and
	 * array bounds are dropped and common aliases spelled as PostgreSQL's {@code format_type}
	 * does. This is a lexical approximation for messages and for matching {@code COMMENT ON}
	 * statements; the engine identifies routines by what PostgreSQL reports.
	 * @param arguments the argument list
	 * @param includeOut whether {@code OUT} arguments identify the routine (procedures)
	 * @return the identifying types, comma-separated
	 */
	public static String identityArgumentTypes(String arguments, boolean includeOut) {
		StringJoiner types = new StringJoiner(", ");
		List<Token> tokens = SqlLexer.meaningfulTokens(arguments);
		if (tokens.size() == 1 && tokens.get(0).is("*")) {
			// an aggregate over no argument, such as count(*)
			return "";
		}
		for (List<Token> argument : splitTopLevel(tokens)) {
			List<Token> rest = beforeDefault(argument);
			String mode = "in";
			int modeAt = (rest.size() > 1 && isMode(rest.get(0))) ? 0
					: (rest.size() > 2 && rest.get(0).isIdentifier() && isMode(rest.get(1))) ? 1 : -1;
			if (modeAt >= 0) {
				mode = rest.get(modeAt).identifier();
				int typeAt = modeAt + 1;
				if (mode.equals("in") && rest.size() > typeAt + 1 && rest.get(typeAt).isWord("out")) {
					mode = "inout";
					typeAt++;
				}
				rest = rest.subList(typeAt, rest.size());
			}
			if (mode.equals("out") && !includeOut) {
				continue;
			}
			if (startsWithName(rest)) {
				rest = rest.subList(1, rest.size());
			}
			types.add(typeName(rest));
		}
		return types.toString();
	}

	private static boolean isMode(Token token) {
		return token.type() == TokenType.WORD && MODES.contains(token.identifier());
	}

	private static boolean startsWithName(List<Token> argument) {
		if (argument.size() < 2 || !argument.get(0).isIdentifier()) {
			return false;
		}
		Token second = argument.get(1);
		if (second.is("(") || second.is(".") || second.is("[") || second.is("%") || second.isWord("array")) {
			return false;
		}
		Token first = argument.get(0);
		return !(first.type() == TokenType.WORD && MULTI_WORD_TYPE_STARTS.contains(first.identifier())
				&& second.type() == TokenType.WORD && TYPE_CONTINUATIONS.contains(second.identifier()));
	}

	private static List<Token> beforeDefault(List<Token> tokens) {
		for (int i = 0; i < tokens.size(); i++) {
			if (tokens.get(i).isWord("default") || tokens.get(i).is("=")) {
				return tokens.subList(0, i);
			}
		}
		return tokens;
	}

	private static String typeName(List<Token> tokens) {
		StringBuilder name = new StringBuilder();
		boolean array = false;
		boolean glued = true;
		int depth = 0;
		for (Token token : tokens) {
			if (token.is("(") || token.is("[")) {
				array |= token.is("[");
				depth++;
			}
			else if (token.is(")") || token.is("]")) {
				depth--;
			}
			else if (depth == 0 && token.isWord("array")) {
				array = true;
			}
			else if (depth == 0) {
				boolean joiner = token.is(".") || token.is("%");
				if (!glued && !joiner) {
					name.append(' ');
				}
				name.append(token.isIdentifier() ? token.identifier() : token.text());
				glued = joiner;
			}
		}
		String bare = name.toString();
		return TYPE_ALIASES.getOrDefault(bare, bare) + (array ? "[]" : "");
	}

	/**
	 * Splits tokens at commas outside parentheses and brackets, and at the {@code ORDER BY}
	 * between an ordered-set aggregate's direct and aggregated arguments, which PostgreSQL
	 * identifies as one list of types.
	 * @param tokens the tokens
	 * @return the comma-separated groups, empty groups dropped
	 */
	public static List<List<Token>> splitTopLevel(List<Token> tokens) {
		List<List<Token>> groups = new ArrayList<>();
		List<Token> current = new ArrayList<>();
		int depth = 0;
		for (int i = 0; i < tokens.size(); i++) {
			Token token = tokens.get(i);
			if (token.is("(") || token.is("[")) {
				depth++;
			}
			else if (token.is(")") || token.is("]")) {
				depth--;
			}
			boolean orderBy = token.isWord("order") && i + 1 < tokens.size() && tokens.get(i + 1).isWord("by");
			if (depth == 0 && (token.is(",") || orderBy)) {
				groups.add(current);
				current = new ArrayList<>();
				i += orderBy ? 1 : 0;
				continue;
			}
			current.add(token);
		}
		if (!current.isEmpty()) {
			groups.add(current);
		}
		groups.removeIf(List::isEmpty);
		return groups;
	}

}
