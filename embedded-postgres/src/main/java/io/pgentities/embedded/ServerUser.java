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

import java.io.File;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * The operating system user that runs {@code initdb}, {@code pg_ctl} and
 * {@code postgres}. PostgreSQL refuses to run as root, so a JVM running as root runs them
 * as an unprivileged user through {@code runuser}, {@code setpriv} or {@code su}.
 */
final class ServerUser {

	static final String USER_ENVIRONMENT_VARIABLE = "PG_ENTITIES_EMBEDDED_USER";

	private static final Logger logger = System.getLogger(EmbeddedPostgres.class.getName());

	private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(30);

	private static final Path PERSISTENT_TEMPORARY_DIRECTORY = Path.of("/var/tmp");

	private static final String[] SEARCH_PATH = { "/usr/sbin", "/sbin", "/usr/bin", "/bin" };

	private static final Object lock = new Object();

	private static @Nullable ServerUser detected;

	private final @Nullable String name;

	private final int uid;

	private final int gid;

	private final Function<List<String>, List<String>> wrapper;

	private ServerUser(@Nullable String name, int uid, int gid, Function<List<String>, List<String>> wrapper) {
		this.name = name;
		this.uid = uid;
		this.gid = gid;
		this.wrapper = wrapper;
	}

	/**
	 * Return the user to run the server as, detected once per JVM.
	 * @return the server user
	 * @throws IllegalStateException if the JVM runs as root and no way to run the server
	 * as another user exists
	 */
	static ServerUser detect() {
		synchronized (lock) {
			if (detected == null) {
				detected = (effectiveUid() != 0) ? new ServerUser(null, -1, -1, Function.identity())
						: unprivileged();
			}
			return detected;
		}
	}

	/**
	 * Return whether commands run as another user than the JVM's.
	 * @return whether the user is switched
	 */
	boolean isSwitched() {
		return this.name != null;
	}

	/**
	 * Return a description for messages.
	 * @return the description
	 */
	String describe() {
		return (this.name != null) ? "user '" + this.name + "'" : "the current user";
	}

	/**
	 * Return the command that runs the given command as this user.
	 * @param command the command
	 * @return the command to run
	 */
	List<String> command(List<String> command) {
		return this.wrapper.apply(command);
	}

	/**
	 * Return whether this user can traverse the given directory and all of its parents.
	 * @param directory the directory
	 * @return whether it can reach the directory
	 */
	boolean canReach(Path directory) {
		if (!isSwitched()) {
			return true;
		}
		try {
			return Commands.run(command(List.of("test", "-x", directory.toString())), Path.of("/"), PROBE_TIMEOUT)
				.succeeded();
		}
		catch (IllegalStateException ex) {
			return false;
		}
	}

	/**
	 * Give a file or directory, with everything in it, to this user.
	 * @param path the path
	 * @throws IOException on I/O errors
	 */
	void takeOwnership(Path path) throws IOException {
		if (!isSwitched()) {
			return;
		}
		UserPrincipalLookupService lookup = FileSystems.getDefault().getUserPrincipalLookupService();
		UserPrincipal owner = lookup.lookupPrincipalByName(String.valueOf(this.uid));
		GroupPrincipal group = lookup.lookupPrincipalByGroupName(String.valueOf(this.gid));
		Files.walkFileTree(path, new SimpleFileVisitor<>() {

			@Override
			public FileVisitResult preVisitDirectory(Path directory, BasicFileAttributes attributes)
					throws IOException {
				change(directory);
				return FileVisitResult.CONTINUE;
			}

			@Override
			public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
				change(file);
				return FileVisitResult.CONTINUE;
			}

			private void change(Path file) throws IOException {
				PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class,
						LinkOption.NOFOLLOW_LINKS);
				view.setOwner(owner);
				view.setGroup(group);
			}

		});
	}

	/**
	 * Return a base directory this user can reach: the requested one, else the launcher's
	 * {@link #ownDirectory() own directory} for this user.
	 * @param requested the requested base directory
	 * @return the base directory to use
	 * @throws IOException on I/O errors
	 */
	Path reachableBaseDirectory(Path requested) throws IOException {
		FileOperations.createDirectories(requested);
		if (canReach(requested)) {
			return requested;
		}
		Path fallback = ownDirectory();
		logger.log(Level.INFO, "The embedded PostgreSQL runs as {0}, who cannot reach {1}; using {2} instead",
				describe(), requested, fallback);
		return fallback;
	}

	/**
	 * Return the launcher's own directory for this user, for what the user cannot reach
	 * where it was asked for: {@code pg-entities-embedded-<user>} in {@code /var/tmp},
	 * which survives reboots, else in the system's temporary directory. It belongs to root
	 * and only root may write to it, so that nobody can plant files that root then hands
	 * to the server user; the user's own directories keep their permissions.
	 * @return the directory
	 * @throws IOException on I/O errors
	 * @throws IllegalStateException if the directory exists but is not the launcher's, or
	 * the user cannot reach it
	 */
	Path ownDirectory() throws IOException {
		Path parent = Files.isDirectory(PERSISTENT_TEMPORARY_DIRECTORY) ? PERSISTENT_TEMPORARY_DIRECTORY
				: Path.of(System.getProperty("java.io.tmpdir"));
		Path directory = parent.toAbsolutePath().resolve("pg-entities-embedded-" + this.name);
		FileOperations.createDirectories(directory);
		String problem = FileOperations.describeIfNotPrivate(directory);
		if (problem != null) {
			throw new IllegalStateException("The embedded PostgreSQL runs as " + describe() + " because this JVM"
					+ " runs as root, and keeps what that user cannot reach in " + directory + ", but " + problem
					+ ". Remove " + directory + ", set " + EmbeddedPostgres.BASE_DIRECTORY_ENVIRONMENT_VARIABLE
					+ " to a directory that user can reach, or run as a non-root user");
		}
		if (!canReach(directory)) {
			throw new IllegalStateException("The embedded PostgreSQL runs as " + describe() + " because this JVM"
					+ " runs as root, but that user cannot reach " + directory + ". Set "
					+ EmbeddedPostgres.BASE_DIRECTORY_ENVIRONMENT_VARIABLE + " to a directory it can reach,"
					+ " or run as a non-root user");
		}
		return directory;
	}

	private static ServerUser unprivileged() {
		String requested = System.getenv(USER_ENVIRONMENT_VARIABLE);
		String name;
		int[] ids;
		if (requested != null && !requested.isBlank()) {
			name = requested.trim();
			ids = ids(name);
			if (ids == null) {
				throw notPossible("user '" + name + "' named by " + USER_ENVIRONMENT_VARIABLE + " does not exist");
			}
			if (ids[0] == 0) {
				throw notPossible("user '" + name + "' named by " + USER_ENVIRONMENT_VARIABLE + " is root");
			}
		}
		else {
			name = "postgres";
			ids = ids(name);
			if (ids == null) {
				name = "nobody";
				ids = ids(name);
			}
			if (ids == null) {
				throw notPossible("neither a 'postgres' nor a 'nobody' user exists");
			}
		}
		int uid = ids[0];
		int gid = ids[1];
		List<String> failures = new ArrayList<>();
		for (Function<List<String>, List<String>> wrapper : wrappers(name, uid, gid)) {
			List<String> probe = wrapper.apply(List.of("id", "-u"));
			try {
				Commands.Result result = Commands.run(probe, Path.of("/"), PROBE_TIMEOUT);
				if (result.succeeded() && result.output().trim().equals(String.valueOf(uid))) {
					logger.log(Level.DEBUG, "Running the embedded PostgreSQL as user {0} through {1}", name,
							probe.get(0));
					return new ServerUser(name, uid, gid, wrapper);
				}
				failures.add(result.failureMessage(probe.get(0)));
			}
			catch (IllegalStateException ex) {
				failures.add(ex.getMessage());
			}
		}
		throw notPossible("none of runuser, setpriv or su could run a command as user '" + name + "' ("
				+ String.join("; ", failures) + ")");
	}

	private static List<Function<List<String>, List<String>>> wrappers(String name, int uid, int gid) {
		List<Function<List<String>, List<String>>> wrappers = new ArrayList<>();
		String runuser = executable("runuser");
		if (runuser != null) {
			wrappers.add((command) -> prepend(command, runuser, "-u", name, "--"));
		}
		String setpriv = executable("setpriv");
		if (setpriv != null) {
			wrappers.add((command) -> prepend(command, setpriv, "--reuid=" + uid, "--regid=" + gid,
					"--clear-groups", "--"));
		}
		String su = executable("su");
		if (su != null) {
			wrappers.add((command) -> List.of(su, "-s", "/bin/sh", name, "-c", Commands.display(command)));
		}
		return wrappers;
	}

	private static List<String> prepend(List<String> command, String... prefix) {
		List<String> result = new ArrayList<>(List.of(prefix));
		result.addAll(command);
		return result;
	}

	private static @Nullable String executable(String name) {
		List<String> directories = new ArrayList<>();
		String path = System.getenv("PATH");
		if (path != null) {
			directories.addAll(List.of(path.split(File.pathSeparator)));
		}
		directories.addAll(List.of(SEARCH_PATH));
		for (String directory : directories) {
			if (!directory.isEmpty()) {
				Path candidate = Path.of(directory, name);
				if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
					return candidate.toString();
				}
			}
		}
		return null;
	}

	private static int @Nullable [] ids(String name) {
		try {
			Commands.Result uid = Commands.run(List.of("id", "-u", name), Path.of("/"), PROBE_TIMEOUT);
			Commands.Result gid = Commands.run(List.of("id", "-g", name), Path.of("/"), PROBE_TIMEOUT);
			if (uid.succeeded() && gid.succeeded()) {
				return new int[] { Integer.parseInt(uid.output().trim()), Integer.parseInt(gid.output().trim()) };
			}
			return null;
		}
		catch (IllegalStateException | NumberFormatException ex) {
			return passwdIds(name);
		}
	}

	private static int @Nullable [] passwdIds(String name) {
		try {
			for (String line : Files.readAllLines(Path.of("/etc/passwd"))) {
				String[] fields = line.split(":");
				if (fields.length > 3 && fields[0].equals(name)) {
					return new int[] { Integer.parseInt(fields[2]), Integer.parseInt(fields[3]) };
				}
			}
		}
		catch (IOException | NumberFormatException ex) {
			// Treated as an unknown user
		}
		return null;
	}

	private static IllegalStateException notPossible(String reason) {
		return new IllegalStateException("PostgreSQL refuses to run as root and this JVM runs as root, so the"
				+ " embedded PostgreSQL must run as an unprivileged user, but " + reason + ". Fix it in one of these"
				+ " ways: set PG_ENTITIES_TEST_JDBC_URL to a JDBC URL of an existing PostgreSQL server (tests only);"
				+ " run the build as a non-root user; or create an unprivileged user (for example 'useradd --system"
				+ " --no-create-home postgres'), name it in " + USER_ENVIRONMENT_VARIABLE
				+ " if it is not 'postgres', and install runuser, setpriv or su (util-linux)");
	}

	/**
	 * Return the effective user id of this JVM, or -1 if it cannot be told.
	 * @return the user id
	 */
	static int effectiveUid() {
		try {
			for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
				if (line.startsWith("Uid:")) {
					return Integer.parseInt(line.substring(4).trim().split("\\s+")[1]);
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			// Not Linux, or no /proc
		}
		try {
			Path probe = Files.createTempFile("pg-entities-uid-", ".tmp");
			try {
				return (Integer) Files.getAttribute(probe, "unix:uid");
			}
			finally {
				Files.deleteIfExists(probe);
			}
		}
		catch (IOException | RuntimeException ex) {
			return "root".equals(System.getProperty("user.name")) ? 0 : -1;
		}
	}

}
