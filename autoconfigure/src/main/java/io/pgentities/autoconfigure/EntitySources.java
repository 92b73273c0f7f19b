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

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.util.ResourceUtils;

/**
 * The source tree behind the entity files of a project under development. A build copies
 * {@code src/main/resources} to {@code target/classes} (Maven) or {@code build/resources/main}
 * (Gradle), and the application reads the copies from the class path; but an edit in the IDE
 * reaches the source file first, and a deleted source file leaves its copy behind until a
 * clean build. Knowing the source of a copy lets development read the edited file, ignore
 * a stale copy, and watch the source directories for changes.
 */
final class EntitySources {

	// build output directory (relative to the module) -> its source directory
	private static final List<List<String>> LAYOUTS = List.of(List.of("target/classes", "src/main/resources"),
			List.of("target/test-classes", "src/test/resources"),
			List.of("build/resources/main", "src/main/resources"),
			List.of("build/resources/test", "src/test/resources"));

	private EntitySources() {
	}

	/**
	 * Return the source file a build output's copy comes from, whether it still exists or
	 * not: empty when the copy is not in a build output directory, or its module has no
	 * source directory of that layout (an application run from a jar, a custom layout).
	 * @param copy a file on the class path
	 * @return the source file
	 */
	static Optional<Path> sourceOf(Path copy) {
		Path file = copy.toAbsolutePath().normalize();
		for (Path directory = file.getParent(); directory != null; directory = directory.getParent()) {
			Optional<Path> sourceRoot = sourceRoot(directory);
			if (sourceRoot.isPresent()) {
				return Optional.of(sourceRoot.get().resolve(directory.relativize(file).toString()));
			}
		}
		return Optional.empty();
	}

	/**
	 * Return the existing source directories in which the files of entity locations are
	 * edited: for a {@code classpath:} or {@code classpath*:} pattern, its directory under
	 * the source directory of every class path root that is a build output; for a
	 * {@code file:} pattern, its directory.
	 * @param locations the resource patterns of the entity files
	 * @param classLoader the class loader whose class path roots are looked at
	 * @return the directories
	 */
	static List<Path> directories(List<String> locations, ClassLoader classLoader) {
		Set<Path> directories = new LinkedHashSet<>();
		List<Path> sourceRoots = classPathRoots(classLoader).stream()
			.map(EntitySources::sourceRoot)
			.flatMap(Optional::stream)
			.toList();
		for (String location : locations) {
			String pattern = location.strip();
			if (pattern.startsWith(ResourceUtils.CLASSPATH_URL_PREFIX) || pattern.startsWith("classpath*:")) {
				String path = pattern.substring(pattern.indexOf(':') + 1);
				for (Path sourceRoot : sourceRoots) {
					directories.add(sourceRoot.resolve(fixedDirectory(path)));
				}
			}
			else if (pattern.startsWith(ResourceUtils.FILE_URL_PREFIX)) {
				directories.add(Path.of(fixedDirectory(pattern.substring(ResourceUtils.FILE_URL_PREFIX.length()))));
			}
		}
		return directories.stream()
			.map((directory) -> directory.toAbsolutePath().normalize())
			.filter(Files::isDirectory)
			.distinct()
			.toList();
	}

	private static Optional<Path> sourceRoot(Path directory) {
		for (List<String> layout : LAYOUTS) {
			Path output = Path.of(layout.get(0));
			if (directory.endsWith(output) && directory.getNameCount() > output.getNameCount()) {
				Path module = directory;
				for (int i = 0; i < output.getNameCount(); i++) {
					module = module.getParent();
				}
				Path source = module.resolve(layout.get(1));
				if (Files.isDirectory(source)) {
					return Optional.of(source);
				}
			}
		}
		return Optional.empty();
	}

	// the leading segments of a pattern that hold no wildcard, as a directory
	private static String fixedDirectory(String pattern) {
		int wildcard = indexOfWildcard(pattern);
		String fixed = (wildcard >= 0) ? pattern.substring(0, wildcard) : pattern;
		int slash = fixed.lastIndexOf('/');
		return (slash >= 0) ? fixed.substring(0, slash + 1) : "";
	}

	private static int indexOfWildcard(String path) {
		for (int i = 0; i < path.length(); i++) {
			char c = path.charAt(i);
			if (c == '*' || c == '?' || c == '{') {
				return i;
			}
		}
		return -1;
	}

	private static List<Path> classPathRoots(ClassLoader classLoader) {
		try {
			return Collections.list(classLoader.getResources(""))
				.stream()
				.filter(ResourceUtils::isFileURL)
				.map(EntitySources::toPath)
				.flatMap(Optional::stream)
				.toList();
		}
		catch (IOException ex) {
			return List.of();
		}
	}

	private static Optional<Path> toPath(URL url) {
		try {
			return Optional.of(ResourceUtils.getFile(url).toPath().toAbsolutePath().normalize());
		}
		catch (IOException ex) {
			return Optional.empty();
		}
	}

}
