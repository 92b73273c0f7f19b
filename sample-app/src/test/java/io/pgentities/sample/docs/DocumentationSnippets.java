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

package io.pgentities.sample.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The fenced code blocks of the documentation in {@code docs/}, with the
 * {@code <!-- snippet: ... -->} comment that precedes each, if any.
 */
final class DocumentationSnippets {

	/**
	 * The documents these tests cover.
	 */
	static final List<String> DOCUMENTS = List.of("getting-started.md", "declaring-entities.md", "configuration.md",
			"actuator.md", "how-comparison-works.md", "plans.md", "migrating-from-alembic-utils.md", "comparison.md",
			"development.md", "testing.md", "ci.md", "fleet.md");

	private static final Pattern MARKER = Pattern.compile("<!-- snippet: (.+?) -->");

	private DocumentationSnippets() {
	}

	/**
	 * Return the root of the repository: the parent of the working directory, which Maven
	 * sets to the {@code sample-app} module.
	 * @return the repository's root
	 */
	static Path repositoryRoot() {
		Path workingDirectory = Path.of("").toAbsolutePath();
		return Files.isDirectory(workingDirectory.resolve("docs")) ? workingDirectory : workingDirectory.getParent();
	}

	/**
	 * Return the code blocks of every covered document.
	 * @return the code blocks, in document order
	 */
	static List<Snippet> all() {
		List<Snippet> snippets = new ArrayList<>();
		for (String document : DOCUMENTS) {
			snippets.addAll(of(repositoryRoot().resolve("docs").resolve(document)));
		}
		return snippets;
	}

	/**
	 * Return the code blocks of every covered document in one language.
	 * @param language the language of the fence, such as {@code sql}
	 * @return the code blocks
	 */
	static List<Snippet> all(String language) {
		return all().stream().filter((snippet) -> snippet.language().equals(language)).toList();
	}

	/**
	 * Return the code blocks of one Markdown file.
	 * @param markdown the file
	 * @return the code blocks, in order
	 */
	static List<Snippet> of(Path markdown) {
		List<String> lines;
		try {
			lines = Files.readAllLines(markdown);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		List<Snippet> snippets = new ArrayList<>();
		for (int i = 0; i < lines.size(); i++) {
			String line = lines.get(i);
			if (!line.startsWith("```")) {
				continue;
			}
			String language = line.substring(3).strip();
			int end = i + 1;
			while (end < lines.size() && !lines.get(end).startsWith("```")) {
				end++;
			}
			String code = String.join("\n", lines.subList(i + 1, end));
			snippets.add(new Snippet(markdown.getFileName().toString(), i + 1, language, marker(lines, i), code));
			i = end;
		}
		return snippets;
	}

	private static @Nullable String marker(List<String> lines, int fence) {
		for (int i = fence - 1; i >= 0; i--) {
			String line = lines.get(i).strip();
			if (!line.isEmpty()) {
				Matcher matcher = MARKER.matcher(line);
				return matcher.matches() ? matcher.group(1).strip() : null;
			}
		}
		return null;
	}

	/**
	 * One fenced code block.
	 *
	 * @param document the file name of the document
	 * @param line the line of the opening fence
	 * @param language the language of the fence, empty if none
	 * @param marker what the {@code <!-- snippet: ... -->} comment before it says, or
	 * {@code null}
	 * @param code the code
	 */
	record Snippet(String document, int line, String language, @Nullable String marker, String code) {

		@Override
		public String toString() {
			return this.document + ":" + this.line;
		}

	}

}
