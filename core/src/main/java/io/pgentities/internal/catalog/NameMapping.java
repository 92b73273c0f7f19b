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

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.pgentities.internal.sql.Identifiers;
import io.pgentities.internal.sql.SqlLexer;
import io.pgentities.internal.sql.SqlSyntaxException;
import io.pgentities.internal.sql.Token;
import io.pgentities.internal.sql.TokenType;
import org.jspecify.annotations.Nullable;

/**
 * Maps the scratch schemas of a simulation back to the schemas the declarations name, so that
 * simulated objects print exactly as live ones would. The identity mapping serves live reads.
 */
public final class NameMapping {

	private static final NameMapping IDENTITY = new NameMapping("", Map.of(), Map.of());

	private final String prefix;

	private final Map<String, String> originals;

	private final Map<String, String> originalNames;

	private final Pattern qualifiedPrefix;

	private final @Nullable Renaming renaming;

	private NameMapping(String prefix, Map<String, String> originals, Map<String, String> originalNames) {
		this(prefix, originals, originalNames, null);
	}

	private NameMapping(String prefix, Map<String, String> originals, Map<String, String> originalNames,
			@Nullable Renaming renaming) {
		this.prefix = prefix;
		this.originals = Map.copyOf(originals);
		this.originalNames = Map.copyOf(originalNames);
		this.qualifiedPrefix = Pattern.compile("\\b(" + Pattern.quote(prefix) + "\\d+)\\.");
		this.renaming = renaming;
	}

	/**
	 * The mapping that changes nothing, for reading live objects.
	 * @return the identity mapping
	 */
	public static NameMapping identity() {
		return IDENTITY;
	}

	/**
	 * A mapping for scratch schemas named {@code prefix} followed by a number.
	 * @param prefix the common prefix of the scratch schemas, unique to one simulation
	 * @param originals scratch schema name to original schema name
	 * @return the mapping
	 */
	public static NameMapping of(String prefix, Map<String, String> originals) {
		return of(prefix, originals, Map.of());
	}

	/**
	 * A mapping for scratch schemas named {@code prefix} followed by a number, and for the
	 * scratch names of objects whose names are unique in the database (event triggers).
	 * @param prefix the common prefix of the scratch names, unique to one simulation
	 * @param originals scratch schema name to original schema name
	 * @param originalNames scratch object name to original object name
	 * @return the mapping
	 */
	public static NameMapping of(String prefix, Map<String, String> originals, Map<String, String> originalNames) {
		return new NameMapping(prefix, new LinkedHashMap<>(originals), new LinkedHashMap<>(originalNames));
	}

	/**
	 * The original of the name of an object whose name is unique in the database.
	 * @param name a name, scratch or not
	 * @return the name the declaration gives it
	 */
	public String name(String name) {
		return this.originalNames.getOrDefault(name, name);
	}

	/**
	 * This mapping followed by renaming one schema: what is read as {@code from} (a scratch
	 * schema mapped to it, or the schema itself) reads as {@code to}. A template simulated
	 * against one tenant schema reads this way as another tenant's copy.
	 * @param from the schema to rename
	 * @param to its new name
	 * @return the mapping
	 */
	public NameMapping renaming(String from, String to) {
		Map<String, String> renamed = new LinkedHashMap<>();
		this.originals.forEach((scratch, original) -> renamed.put(scratch, original.equals(from) ? to : original));
		return new NameMapping(this.prefix, renamed, this.originalNames, Renaming.of(from, to));
	}

	/**
	 * The original of a schema name.
	 * @param schema a schema name, scratch or not
	 * @return the schema the declarations name
	 */
	public String schema(String schema) {
		String original = this.originals.getOrDefault(schema, schema);
		return (this.renaming != null && original.equals(this.renaming.from())) ? this.renaming.to() : original;
	}

	/**
	 * Replaces every {@code scratch.} qualification in SQL text by the original schema, and
	 * every scratch name of an object by its original name.
	 * @param text the text
	 * @return the text as it would read for the original schemas
	 */
	public String text(String text) {
		String mapped = scratchText(text);
		return (this.renaming != null) ? this.renaming.text(mapped) : mapped;
	}

	private String scratchText(String text) {
		if (this.originals.isEmpty() || !text.contains(this.prefix)) {
			return text;
		}
		for (Map.Entry<String, String> name : this.originalNames.entrySet()) {
			text = text.replace(Identifiers.quote(name.getKey()), Identifiers.quote(name.getValue()));
		}
		Matcher matcher = this.qualifiedPrefix.matcher(text);
		StringBuilder mapped = new StringBuilder();
		while (matcher.find()) {
			String original = this.originals.get(matcher.group(1));
			String replacement = (original != null) ? Identifiers.quote(original) + "." : matcher.group();
			matcher.appendReplacement(mapped, Matcher.quoteReplacement(replacement));
		}
		matcher.appendTail(mapped);
		return mapped.toString();
	}

	/**
	 * A schema renamed wherever it qualifies a name, quoted or not, but not in string
	 * constants (dollar-quoted bodies included) or comments: a tenant's name there is text the
	 * declaration chose, the same for every tenant. Text that is no complete SQL (a line of a
	 * diff) is renamed wherever the name qualifies another.
	 */
	private record Renaming(String from, String to, Pattern qualified) {

		static Renaming of(String from, String to) {
			return new Renaming(from, to, Pattern.compile("(?<![\\w$])" + Pattern.quote(Identifiers.quote(from)) + "\\."));
		}

		String text(String text) {
			if (!text.contains(this.from)) {
				return text;
			}
			List<Token> tokens;
			try {
				tokens = SqlLexer.tokenize(text);
			}
			catch (SqlSyntaxException ex) {
				return this.qualified.matcher(text).replaceAll(Matcher.quoteReplacement(Identifiers.quote(this.to) + "."));
			}
			String quoted = Identifiers.quote(this.from);
			StringBuilder renamed = new StringBuilder(text.length());
			for (int i = 0; i < tokens.size(); i++) {
				Token token = tokens.get(i);
				boolean qualifies = (token.type() == TokenType.WORD || token.type() == TokenType.QUOTED_IDENTIFIER)
						&& token.text().equals(quoted) && i + 1 < tokens.size() && tokens.get(i + 1).text().equals(".");
				renamed.append(qualifies ? Identifiers.quote(this.to) : token.text());
			}
			return renamed.toString();
		}

	}

}
