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
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumSet;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * File operations the launcher needs beyond {@link Files}.
 */
final class FileOperations {

	private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

	private static final PosixFilePermission[] PERMISSIONS_BY_BIT = PosixFilePermission.values();

	private FileOperations() {
	}

	/**
	 * Create a directory and its missing parents, readable and traversable by everyone so
	 * that a server running as another user can reach what lies below.
	 * @param directory the directory
	 * @throws IOException on I/O errors
	 */
	static void createDirectories(Path directory) throws IOException {
		Deque<Path> missing = new ArrayDeque<>();
		for (Path current = directory.toAbsolutePath().normalize(); current != null
				&& !Files.isDirectory(current); current = current.getParent()) {
			missing.push(current);
		}
		for (Path path : missing) {
			try {
				Files.createDirectory(path);
				setPermissions(path, "rwxr-xr-x");
			}
			catch (FileAlreadyExistsException ex) {
				// Created concurrently
			}
		}
	}

	/**
	 * Return why a directory is not private to root, or {@code null} if it is: a real
	 * directory, not a link, owned by root and writable by nobody else. Always
	 * {@code null} on file systems without POSIX permissions.
	 * @param directory the directory
	 * @return the reason, such as {@code "it belongs to user id 1000"}, or {@code null}
	 * @throws IOException on I/O errors
	 */
	static @Nullable String describeIfNotPrivate(Path directory) throws IOException {
		if (!POSIX) {
			return null;
		}
		if (!Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS)) {
			return "it is a symbolic link or not a directory";
		}
		Object owner = Files.getAttribute(directory, "unix:uid", LinkOption.NOFOLLOW_LINKS);
		if (!Integer.valueOf(0).equals(owner)) {
			return "it belongs to user id " + owner;
		}
		Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(directory, LinkOption.NOFOLLOW_LINKS);
		if (permissions.contains(PosixFilePermission.GROUP_WRITE)
				|| permissions.contains(PosixFilePermission.OTHERS_WRITE)) {
			return "others may write to it (" + PosixFilePermissions.toString(permissions) + ")";
		}
		return null;
	}

	/**
	 * Set POSIX permissions, if the file system has them.
	 * @param path the path
	 * @param permissions the permissions, such as {@code rwx------}
	 * @throws IOException on I/O errors
	 */
	static void setPermissions(Path path, String permissions) throws IOException {
		if (POSIX) {
			Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
		}
	}

	/**
	 * Set POSIX permissions from a Unix mode, if the file system has them.
	 * @param path the path
	 * @param mode the mode, such as {@code 0755}
	 * @throws IOException on I/O errors
	 */
	static void setMode(Path path, int mode) throws IOException {
		if (POSIX) {
			Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
			for (int i = 0; i < PERMISSIONS_BY_BIT.length; i++) {
				if ((mode & (1 << (PERMISSIONS_BY_BIT.length - 1 - i))) != 0) {
					permissions.add(PERMISSIONS_BY_BIT[i]);
				}
			}
			Files.setPosixFilePermissions(path, permissions);
		}
	}

	/**
	 * Delete a file or a directory with everything in it, without following links.
	 * @param path the path
	 * @throws IOException on I/O errors
	 */
	static void deleteRecursively(Path path) throws IOException {
		if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
			return;
		}
		Files.walkFileTree(path, new VanishingFilesVisitor() {

			@Override
			public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
				Files.deleteIfExists(file);
				return FileVisitResult.CONTINUE;
			}

			@Override
			public FileVisitResult postVisitDirectory(Path directory, @Nullable IOException ex) throws IOException {
				super.postVisitDirectory(directory, ex);
				Files.deleteIfExists(directory);
				return FileVisitResult.CONTINUE;
			}

		});
	}

	/**
	 * A file visitor that passes over files and directories that vanish while it walks,
	 * as those of a running server or of a concurrent deletion do.
	 */
	abstract static class VanishingFilesVisitor extends SimpleFileVisitor<Path> {

		@Override
		public FileVisitResult visitFileFailed(Path file, IOException ex) throws IOException {
			if (ex instanceof NoSuchFileException) {
				return FileVisitResult.CONTINUE;
			}
			throw ex;
		}

		@Override
		public FileVisitResult postVisitDirectory(Path directory, @Nullable IOException ex) throws IOException {
			if (ex != null && !(ex instanceof NoSuchFileException)) {
				throw ex;
			}
			return FileVisitResult.CONTINUE;
		}

	}

}
