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

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds, and prepares, the directory a persistent cluster lives in.
 * <p>
 * That is the requested directory when the server user can reach it. When it cannot (the
 * JVM runs as root, the server as an unprivileged user, and the requested directory lies
 * in a private one such as root's home), the cluster lives in the launcher's
 * {@link ServerUser#ownDirectory() own directory} instead, in {@code data/<name>-<hash of
 * the requested path>}, and the requested path becomes a symbolic link to it. The link is
 * how the cluster is found again, so deleting it (or the {@code target} directory it lies
 * in) starts afresh, as deleting a data directory does; clusters whose links are gone are
 * deleted the next time a cluster is moved there.
 */
final class PersistentDataDirectory {

	private static final Logger logger = System.getLogger(EmbeddedPostgres.class.getName());

	private static final String ORIGIN_SUFFIX = ".origin";

	private PersistentDataDirectory() {
	}

	/**
	 * Return the directory the cluster of a persistent data directory lives in, created
	 * and given to the server user.
	 * @param requested the requested data directory, absolute and normalized
	 * @param major the major version of the server
	 * @param user the user that runs the server
	 * @return the directory to run the server on
	 * @throws IOException on I/O errors
	 * @throws IllegalStateException if the directory holds something other than an
	 * empty directory or a cluster of the major version
	 */
	static Path prepare(Path requested, int major, ServerUser user) throws IOException {
		Path directory = locate(requested, user);
		checkContents(directory, major);
		if (!Files.isDirectory(directory)) {
			Files.createDirectory(directory);
			FileOperations.setPermissions(directory, "rwx------");
		}
		user.takeOwnership(directory);
		return directory;
	}

	private static Path locate(Path requested, ServerUser user) throws IOException {
		if (Files.isSymbolicLink(requested)) {
			Path target = requested.getParent().resolve(Files.readSymbolicLink(requested)).normalize();
			if (user.isSwitched() && target.startsWith(relocationDirectory(user))) {
				if (Files.isDirectory(target)) {
					return target;
				}
				// Its cluster is gone (a cleaner of temporary files, say): start afresh, as without a link
				Files.delete(requested);
				return relocate(requested, user);
			}
			if (!Files.exists(target)) {
				throw new IllegalStateException("Data directory " + requested + " is a link to " + target
						+ ", which does not exist");
			}
			return locate(requested.toRealPath(), user);
		}
		FileOperations.createDirectories(requested.getParent());
		if (user.canReach(requested.getParent())) {
			return requested;
		}
		if (Files.isDirectory(requested)) {
			if (!isEmpty(requested)) {
				throw new IllegalStateException("The embedded PostgreSQL runs as " + user.describe()
						+ " because this JVM runs as root, but that user cannot reach " + requested.getParent()
						+ ", and " + requested + " is not empty, so it cannot be replaced by a link to a directory"
						+ " that user can reach. Move it out of the way, or use another data directory");
			}
			Files.delete(requested);
		}
		return relocate(requested, user);
	}

	private static Path relocate(Path requested, ServerUser user) throws IOException {
		Path relocationDirectory = relocationDirectory(user);
		FileOperations.createDirectories(relocationDirectory);
		deleteAbandoned(relocationDirectory);
		Path directory = relocationDirectory.resolve(requested.getFileName() + "-" + hash(requested));
		// Its link is gone: what is left is an abandoned cluster of an earlier run
		FileOperations.deleteRecursively(directory);
		Files.createDirectory(directory);
		FileOperations.setPermissions(directory, "rwx------");
		Files.createSymbolicLink(requested, directory);
		// Written after the link, so that a sweep in another JVM never finds the origin without its link
		Files.writeString(origin(directory), requested.toString(), StandardCharsets.UTF_8);
		logger.log(Level.INFO, "The embedded PostgreSQL runs as {0}, who cannot reach {1}; keeping the data"
				+ " directory {2} in {3}, and linking it from there", user.describe(), requested.getParent(),
				requested.getFileName(), directory);
		return directory;
	}

	private static Path relocationDirectory(ServerUser user) throws IOException {
		return user.ownDirectory().resolve("data");
	}

	/**
	 * Delete the clusters in the relocation directory whose links are gone, unless a
	 * server still runs on them.
	 */
	private static void deleteAbandoned(Path relocationDirectory) throws IOException {
		List<Path> origins;
		try (Stream<Path> files = Files.list(relocationDirectory)) {
			origins = files.filter((file) -> file.getFileName().toString().endsWith(ORIGIN_SUFFIX)).toList();
		}
		for (Path origin : origins) {
			String name = origin.getFileName().toString();
			Path directory = origin.resolveSibling(name.substring(0, name.length() - ORIGIN_SUFFIX.length()));
			Path link = Path.of(Files.readString(origin, StandardCharsets.UTF_8));
			if (!linksTo(link, directory) && !Files.exists(directory.resolve("postmaster.pid"))) {
				logger.log(Level.DEBUG, "Deleting {0}, whose link {1} is gone", directory, link);
				FileOperations.deleteRecursively(directory);
				Files.deleteIfExists(origin);
			}
		}
	}

	private static boolean linksTo(Path link, Path directory) {
		try {
			return Files.isSymbolicLink(link)
					&& link.getParent().resolve(Files.readSymbolicLink(link)).normalize().equals(directory);
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static Path origin(Path directory) {
		return directory.resolveSibling(directory.getFileName() + ORIGIN_SUFFIX);
	}

	private static void checkContents(Path directory, int major) throws IOException {
		Path versionFile = directory.resolve("PG_VERSION");
		if (Files.isRegularFile(versionFile)) {
			String clusterVersion = Files.readString(versionFile).trim();
			if (!clusterVersion.equals(String.valueOf(major))) {
				throw new IllegalStateException("Data directory " + directory + " holds a PostgreSQL "
						+ clusterVersion + " cluster, which PostgreSQL " + major
						+ " cannot run. Use PostgreSQL " + clusterVersion + " or another data directory");
			}
		}
		else if (Files.isDirectory(directory) && !isEmpty(directory)) {
			throw new IllegalStateException("Data directory " + directory
					+ " is neither empty nor a PostgreSQL data directory");
		}
		else if (Files.exists(directory, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(directory)) {
			throw new IllegalStateException("Data directory " + directory + " is not a directory");
		}
	}

	private static boolean isEmpty(Path directory) throws IOException {
		try (Stream<Path> files = Files.list(directory)) {
			return files.findAny().isEmpty();
		}
	}

	private static String hash(Path path) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(path.toString().getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, 6);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is missing from this JVM", ex);
		}
	}

}
