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
package io.pgentities.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import io.pgentities.PgEntities;
import io.pgentities.PgEntitiesEngine;
import io.pgentities.PgEntity;

/**
 * Finds and reads entity files. An entry is a file, a directory (searched recursively for
 * {@code *.sql}) or a glob ({@code db/**}{@code /*.sql}); relative entries are relative to the
 * working directory, and so are the sources of the entities read: {@code db/entities/views.sql:12}.
 */
public final class EntityFiles {

	private final Path workingDirectory;

	/**
	 * Creates a finder.
	 * @param workingDirectory what relative entries and sources are relative to
	 */
	public EntityFiles(Path workingDirectory) {
		this.workingDirectory = workingDirectory.toAbsolutePath().normalize();
	}

	/**
	 * The files the entries name, each once, in the order of the entries (a directory's and
	 * a glob's files sorted by path).
	 * @param entries files, directories and globs
	 * @return the files
	 * @throws GateException if a file or directory does not exist, or a glob matches nothing
	 */
	public List<Path> find(List<String> entries) {
		Set<Path> files = new LinkedHashSet<>();
		for (String entry : entries) {
			List<Path> found = isGlob(entry) ? glob(entry) : pathOrDirectory(entry);
			files.addAll(found);
		}
		return List.copyOf(files);
	}

	/**
	 * Reads the entities of the files the entries name.
	 * @param entries files, directories and globs
	 * @return the entities, in file order
	 * @throws GateException if a file cannot be found or read
	 * @throws io.pgentities.InvalidDeclarationException if a file's SQL does more than declare entities
	 */
	public List<PgEntity> read(List<String> entries) {
		List<PgEntity> entities = new ArrayList<>();
		for (Path file : find(entries)) {
			entities.addAll(PgEntities.fromSql(readUtf8(file), sourceName(file), PgEntitiesEngine.DEFAULT_SCHEMA));
		}
		return entities;
	}

	/**
	 * How reports name a file: its path relative to the working directory, with {@code /}.
	 * @param file the file
	 * @return the name
	 */
	public String sourceName(Path file) {
		Path absolute = file.toAbsolutePath().normalize();
		Path relative = absolute.startsWith(this.workingDirectory) ? this.workingDirectory.relativize(absolute)
				: absolute;
		return relative.toString().replace('\\', '/');
	}

	private List<Path> pathOrDirectory(String entry) {
		Path path = this.workingDirectory.resolve(entry).normalize();
		if (Files.isRegularFile(path)) {
			return List.of(path);
		}
		if (Files.isDirectory(path)) {
			return walk(path, (file) -> file.getFileName().toString().endsWith(".sql"));
		}
		throw new GateException("Entity path " + entry + " does not exist (relative to " + this.workingDirectory + ")");
	}

	private List<Path> glob(String entry) {
		String pattern = entry.replace('\\', '/');
		Path absolutePattern = this.workingDirectory.resolve(fixedPrefix(pattern)).normalize();
		Path base = Files.isDirectory(absolutePattern) ? absolutePattern : absolutePattern.getParent();
		String fullPattern = this.workingDirectory.resolve(pattern).normalize().toString().replace('\\', '/');
		PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + fullPattern);
		List<Path> matched = (base != null && Files.isDirectory(base)) ? walk(base, matcher::matches) : List.of();
		if (matched.isEmpty()) {
			throw new GateException("Entity pattern " + entry + " matches no file (relative to " + this.workingDirectory
					+ ")");
		}
		return matched;
	}

	private static String fixedPrefix(String pattern) {
		String[] segments = pattern.split("/");
		StringBuilder prefix = new StringBuilder();
		for (String segment : segments) {
			if (isGlob(segment)) {
				break;
			}
			prefix.append(segment).append('/');
		}
		return prefix.isEmpty() ? "." : prefix.toString();
	}

	private static boolean isGlob(String entry) {
		return entry.chars().anyMatch((c) -> c == '*' || c == '?' || c == '[' || c == '{');
	}

	private static List<Path> walk(Path directory, PathMatcher filter) {
		try (Stream<Path> files = Files.walk(directory)) {
			return files.filter(Files::isRegularFile).filter(filter::matches).sorted().toList();
		}
		catch (IOException | UncheckedIOException ex) {
			throw new GateException("Cannot list entity files in " + directory + ": " + ex.getMessage(), ex);
		}
	}

	private String readUtf8(Path file) {
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file)))
				.toString();
		}
		catch (CharacterCodingException ex) {
			throw new GateException("Entity file " + sourceName(file) + " is not UTF-8", ex);
		}
		catch (IOException ex) {
			throw new GateException("Cannot read entity file " + sourceName(file) + ": " + ex.getMessage(), ex);
		}
	}

}
