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
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.jayway.jsonpath.JsonPath;
import io.pgentities.sample.docs.DocumentationSnippets.Snippet;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that the code snippets of the documentation are backed by the build: Java snippets
 * are part of compiled test sources, SQL snippets say how they are tested, properties
 * snippets use properties that exist, and the configuration reference lists every property
 * of the starter with its default.
 */
class DocumentationSnippetsTests {

	private static final Set<String> SQL_MARKERS = Set.of("entities", "migration", "output", "plan-example");

	private static final Pattern TABLE_ROW = Pattern.compile("^\\| `([a-z0-9.-]+)` \\| (.*?) \\|.*");

	private static final Pattern ARTIFACT = Pattern.compile("<artifactId>([^<]+)</artifactId>");

	@Test
	void everyDocumentExists() {
		for (String document : DocumentationSnippets.DOCUMENTS) {
			assertThat(DocumentationSnippets.repositoryRoot().resolve("docs").resolve(document)).isRegularFile();
		}
	}

	@Test
	void everyJavaSnippetIsPartOfACompiledTestSource() throws IOException {
		List<Snippet> snippets = DocumentationSnippets.all("java");
		assertThat(snippets).isNotEmpty();
		for (Snippet snippet : snippets) {
			assertThat(snippet.marker()).as("%s: a Java snippet names its source with <!-- snippet: path -->", snippet)
				.isNotNull()
				.startsWith("sample-app/src/test/java/io/pgentities/sample/docs/")
				.endsWith(".java");
			Path source = DocumentationSnippets.repositoryRoot().resolve(snippet.marker());
			assertThat(source).as("%s", snippet).isRegularFile();
			assertThat(contains(meaningfulLines(Files.readString(source)), meaningfulLines(snippet.code())))
				.as("%s: the snippet's lines, in order, appear in %s", snippet, source.getFileName())
				.isTrue();
		}
	}

	@Test
	void everySqlSnippetSaysHowItIsTested() {
		List<Snippet> snippets = DocumentationSnippets.all("sql");
		assertThat(snippets).isNotEmpty();
		for (Snippet snippet : snippets) {
			assertThat(snippet.marker()).as("%s: a SQL snippet is marked <!-- snippet: %s -->", snippet, SQL_MARKERS)
				.isIn(SQL_MARKERS);
		}
	}

	@Test
	void propertiesSnippetsUseOnlyPropertiesThatExist() throws IOException {
		Map<String, Object> metadata = metadata();
		List<Snippet> snippets = DocumentationSnippets.all("properties");
		assertThat(snippets).isNotEmpty();
		for (Snippet snippet : snippets) {
			for (String line : snippet.code().lines().toList()) {
				String stripped = line.strip();
				if (stripped.isEmpty() || stripped.startsWith("#")) {
					continue;
				}
				String key = stripped.substring(0, stripped.indexOf('=')).strip();
				assertThat(metadata).as("%s: property %s", snippet, key).containsKey(key);
			}
		}
	}

	@Test
	void configurationReferenceListsEveryPropertyWithItsDefault() throws IOException {
		Map<String, Object> metadata = metadata();
		Map<String, String> documented = new LinkedHashMap<>();
		Path reference = DocumentationSnippets.repositoryRoot().resolve("docs/configuration.md");
		for (String line : Files.readAllLines(reference)) {
			Matcher row = TABLE_ROW.matcher(line);
			if (row.matches()) {
				documented.put(row.group(1), row.group(2).replace("`", "").strip());
			}
		}
		metadata.forEach((name, defaultValue) -> {
			if (name.startsWith("pg-entities.")) {
				assertThat(documented).as("configuration.md lists %s", name).containsKey(name);
			}
			if (documented.containsKey(name) && (name.startsWith("pg-entities.") || name.contains("pgentities"))) {
				if (defaultValue == null) {
					// a default computed at runtime is described in words, in parentheses
					assertThat(documented.get(name)).as("default of %s in configuration.md", name).matches("\\(.+\\)");
				}
				else {
					assertThat(documented.get(name)).as("default of %s in configuration.md", name)
						.isEqualTo(describe(defaultValue));
				}
			}
		});
		for (String name : documented.keySet()) {
			assertThat(metadata).as("configuration.md lists %s, which is not a property", name).containsKey(name);
		}
	}

	@Test
	void xmlSnippetsNameArtifactsOfThisBuild() throws IOException {
		Set<String> artifacts = new HashSet<>();
		try (Stream<Path> modules = Files.list(DocumentationSnippets.repositoryRoot())) {
			for (Path pom : modules.map((module) -> module.resolve("pom.xml")).filter(Files::isRegularFile).toList()) {
				String text = Files.readString(pom);
				Matcher artifact = ARTIFACT.matcher(text.substring(text.indexOf("</parent>")));
				if (artifact.find()) {
					artifacts.add(artifact.group(1));
				}
			}
		}
		String version = Files.readString(DocumentationSnippets.repositoryRoot().resolve("pom.xml"))
			.replaceFirst("(?s).*?<artifactId>pg-entities-parent</artifactId>\\s*<version>([^<]+)</version>.*", "$1");
		for (Snippet snippet : DocumentationSnippets.all("xml")) {
			Matcher artifact = ARTIFACT.matcher(snippet.code());
			while (artifact.find()) {
				assertThat(artifacts).as("%s", snippet).contains(artifact.group(1));
			}
			assertThat(snippet.code()).as("%s", snippet).contains("<version>" + version + "</version>");
		}
	}

	private static List<String> meaningfulLines(String code) {
		return code.lines().map(String::strip).filter((line) -> !line.isEmpty()).toList();
	}

	private static boolean contains(List<String> lines, List<String> part) {
		return !part.isEmpty() && Collections.indexOfSubList(lines, part) >= 0;
	}

	private static String describe(Object defaultValue) {
		if (defaultValue instanceof List<?> list) {
			return String.join(",", list.stream().map(String::valueOf).toList());
		}
		return String.valueOf(defaultValue);
	}

	/**
	 * Return every property in the configuration metadata of the classpath, with its
	 * default value ({@code null} when it has none).
	 */
	private static Map<String, Object> metadata() throws IOException {
		Map<String, Object> properties = new LinkedHashMap<>();
		List<URL> resources = Collections.list(DocumentationSnippetsTests.class.getClassLoader()
			.getResources("META-INF/spring-configuration-metadata.json"));
		for (URL resource : resources) {
			String json;
			try (InputStream in = resource.openStream()) {
				json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			}
			List<Map<String, Object>> entries = JsonPath.read(json, "$.properties");
			for (Map<String, Object> entry : entries) {
				properties.putIfAbsent((String) entry.get("name"), entry.get("defaultValue"));
			}
		}
		assertThat(new ArrayList<>(properties.keySet())).as("configuration metadata").contains("pg-entities.enabled");
		return properties;
	}

}
