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

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

import io.pgentities.internal.sql.Identifiers;
import io.pgentities.internal.sql.RoutineSignature;
import org.jspecify.annotations.Nullable;

/**
 * Patterns over entity identities, as reports print them ({@code public.f(integer, text)},
 * {@code public.products.audit_changes}, {@code public."Monthly Report"}): {@code *} matches any
 * run of characters, dots and parentheses included, and everything else matches itself.
 * Whitespace outside quoted names is not significant, so {@code public.f(integer,text)} matches
 * {@code public.f(integer, text)}. A pattern without an argument list also matches every
 * overload of a function or procedure: {@code public.f} matches {@code public.f(integer)}.
 * <p>
 * Names are matched as identities print them: lower case unless the name was quoted, and
 * quoted where PostgreSQL needs quotes. An argument list without {@code *} is read like a
 * declaration's: argument names and type modifiers are left out and the common aliases spelled
 * as PostgreSQL does ({@code int} is {@code integer}, {@code timestamptz} is
 * {@code timestamp with time zone}); a type outside {@code pg_catalog} is matched
 * schema-qualified, as identities print it.
 */
public final class IdentityPatterns {

	/** No patterns: nothing matches. */
	public static final IdentityPatterns NONE = new IdentityPatterns(List.of());

	private final List<String> patterns;

	private final List<Pattern> compiled;

	private IdentityPatterns(List<String> patterns) {
		this.patterns = List.copyOf(patterns);
		this.compiled = this.patterns.stream().map(IdentityPatterns::compile).toList();
	}

	/**
	 * Patterns from their text.
	 * @param patterns the patterns, such as {@code public.legacy_*}
	 * @return the patterns
	 * @throws IllegalArgumentException if a pattern is blank
	 */
	public static IdentityPatterns of(Collection<String> patterns) {
		Objects.requireNonNull(patterns, "patterns must not be null");
		for (String pattern : patterns) {
			if (pattern == null || pattern.isBlank()) {
				throw new IllegalArgumentException("An identity pattern must not be blank: " + patterns);
			}
		}
		return new IdentityPatterns(List.copyOf(patterns));
	}

	/**
	 * The patterns as given.
	 * @return the patterns
	 */
	public List<String> patterns() {
		return this.patterns;
	}

	/**
	 * Whether there are no patterns.
	 * @return whether nothing can match
	 */
	public boolean isEmpty() {
		return this.patterns.isEmpty();
	}

	/**
	 * Whether an entity's identity matches a pattern.
	 * @param entity the entity
	 * @return whether it matches
	 */
	public boolean matches(CatalogEntity entity) {
		if (this.compiled.isEmpty()) {
			return false;
		}
		String identity = withoutSpaces(entity.identity());
		@Nullable String name = entity.kind().catalog().equals("pg_proc")
				? withoutSpaces(Identifiers.qualify(entity.schema(), entity.name())) : null;
		for (Pattern pattern : this.compiled) {
			if (pattern.matcher(identity).matches() || (name != null && pattern.matcher(name).matches())) {
				return true;
			}
		}
		return false;
	}

	private static Pattern compile(String pattern) {
		StringBuilder regex = new StringBuilder();
		for (String literal : withoutSpaces(withCanonicalArguments(pattern)).split("\\*", -1)) {
			if (!regex.isEmpty()) {
				regex.append(".*");
			}
			if (!literal.isEmpty()) {
				regex.append(Pattern.quote(literal));
			}
		}
		return Pattern.compile(regex.toString(), Pattern.DOTALL);
	}

	/**
	 * The pattern with an argument list that has no wildcard spelled as identities spell it.
	 */
	private static String withCanonicalArguments(String pattern) {
		String trimmed = pattern.strip();
		int open = trimmed.indexOf('(');
		if (open < 0 || !trimmed.endsWith(")") || trimmed.indexOf('*', open) >= 0 || trimmed.indexOf('"', open) >= 0) {
			return pattern;
		}
		try {
			String arguments = trimmed.substring(open + 1, trimmed.length() - 1);
			return trimmed.substring(0, open + 1) + RoutineSignature.identityArgumentTypes(arguments, true) + ")";
		}
		catch (RuntimeException ex) {
			// not an argument list the lexer can read: matched as written
			return pattern;
		}
	}

	/**
	 * The text with the whitespace outside double quotes removed, so that identities written
	 * with and without spaces after commas compare equal.
	 * @param identity an identity or a pattern
	 * @return the text without insignificant whitespace
	 */
	public static String withoutSpaces(String identity) {
		StringBuilder result = new StringBuilder(identity.length());
		boolean quoted = false;
		for (int i = 0; i < identity.length(); i++) {
			char c = identity.charAt(i);
			if (c == '"') {
				quoted = !quoted;
			}
			if (quoted || !Character.isWhitespace(c)) {
				result.append(c);
			}
		}
		return result.toString();
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return (other instanceof IdentityPatterns that) && this.patterns.equals(that.patterns);
	}

	@Override
	public int hashCode() {
		return this.patterns.hashCode();
	}

	@Override
	public String toString() {
		return this.patterns.toString();
	}

}
