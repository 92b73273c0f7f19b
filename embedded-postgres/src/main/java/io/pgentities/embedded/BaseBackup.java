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
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;

/**
 * A copy of a running cluster's data directory that a standby can start from: what
 * {@code pg_basebackup -X none} makes, taken with PostgreSQL's low-level backup functions
 * and a file copy, since the binaries on Maven Central ship no {@code pg_basebackup}.
 * <p>
 * The copy holds no WAL: the standby streams it from the primary, starting at the backup's
 * checkpoint. A physical replication slot, created before the backup starts, keeps the
 * primary from recycling that WAL until the standby has received it. The copy may hold
 * pages that were being written as they were copied; the primary writes full page images
 * while a backup runs, even with {@code full_page_writes=off}, so replay repairs them.
 */
final class BaseBackup {

	/** Directories whose contents the server rebuilds or that belong to the primary alone. */
	private static final Set<String> EXCLUDED_CONTENTS = Set.of("pg_wal", "pg_replslot", "pg_stat_tmp",
			"pg_dynshmem", "pg_notify", "pg_serial", "pg_snapshots", "pg_subtrans");

	/** Files of the primary's data directory that must not reach the copy. */
	private static final Set<String> EXCLUDED_FILES = Set.of("postmaster.pid", "postmaster.opts", "backup_label",
			"tablespace_map", "backup_manifest", "standby.signal", "recovery.signal", "postgresql.auto.conf.tmp",
			"current_logfiles", "current_logfiles.tmp");

	private static final String RELATION_CACHE_PREFIX = "pg_internal.init";

	private BaseBackup() {
	}

	/**
	 * Copy the data directory of a running primary into an empty directory, and make the
	 * copy start as a standby.
	 * @param primary a superuser's connection to the primary, in auto-commit mode
	 * @param majorVersion the primary's major version
	 * @param source the primary's data directory
	 * @param target the empty directory to copy to
	 * @param excludedFile a further file of the data directory to leave out, such as the
	 * server log
	 * @param slot the name of the physical replication slot to create for the standby
	 * @throws SQLException if PostgreSQL refuses a step
	 * @throws IOException on I/O errors
	 */
	static void take(Connection primary, int majorVersion, Path source, Path target, String excludedFile,
			String slot) throws SQLException, IOException {
		checkReplicationSettings(primary);
		try (PreparedStatement statement = primary
			.prepareStatement("SELECT pg_create_physical_replication_slot(?, true)")) {
			statement.setString(1, slot);
			statement.execute();
		}
		// 15 renamed the functions and dropped exclusive backups; a backup ends with the session
		// that started it, so a failed copy leaves none running
		try (PreparedStatement statement = primary.prepareStatement((majorVersion >= 15)
				? "SELECT pg_backup_start(?, true)" : "SELECT pg_start_backup(?, true, false)")) {
			statement.setString(1, slot);
			statement.execute();
		}
		copy(source, target, excludedFile);
		try (Statement statement = primary.createStatement();
				ResultSet result = statement.executeQuery((majorVersion >= 15)
						? "SELECT labelfile, spcmapfile FROM pg_backup_stop(false)"
						: "SELECT labelfile, spcmapfile FROM pg_stop_backup(false, false)")) {
			result.next();
			String spcmap = result.getString("spcmapfile");
			if (spcmap != null && !spcmap.isBlank()) {
				throw new IllegalStateException("The primary has tablespaces, which a standby of the embedded"
						+ " PostgreSQL does not support: " + spcmap.strip());
			}
			Files.writeString(target.resolve("backup_label"), result.getString("labelfile"), StandardCharsets.UTF_8);
		}
		Files.createDirectories(target.resolve("pg_wal").resolve("archive_status"));
		Files.createFile(target.resolve("standby.signal"));
	}

	private static void checkReplicationSettings(Connection primary) throws SQLException {
		try (Statement statement = primary.createStatement();
				ResultSet result = statement.executeQuery(
						"SELECT current_setting('wal_level'), current_setting('max_wal_senders')::int")) {
			result.next();
			if ("minimal".equals(result.getString(1)) || result.getInt(2) < 1) {
				throw new IllegalStateException("A standby needs a primary with wal_level=replica and"
						+ " max_wal_senders > 0 (PostgreSQL's defaults), but it runs with wal_level="
						+ result.getString(1) + " and max_wal_senders=" + result.getInt(2)
						+ "; do not override them with serverSetting");
			}
		}
	}

	private static void copy(Path source, Path target, String excludedFile) throws IOException {
		Files.walkFileTree(source, new FileOperations.VanishingFilesVisitor() {

			@Override
			public FileVisitResult preVisitDirectory(Path directory, BasicFileAttributes attributes)
					throws IOException {
				if (directory.equals(source)) {
					return FileVisitResult.CONTINUE;
				}
				Files.copy(directory, target.resolve(source.relativize(directory)),
						StandardCopyOption.COPY_ATTRIBUTES);
				return isExcludedContents(source.relativize(directory)) ? FileVisitResult.SKIP_SUBTREE
						: FileVisitResult.CONTINUE;
			}

			@Override
			public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
				Path relative = source.relativize(file);
				if (!isExcludedFile(relative, excludedFile)) {
					try {
						Files.copy(file, target.resolve(relative), LinkOption.NOFOLLOW_LINKS,
								StandardCopyOption.COPY_ATTRIBUTES);
					}
					catch (NoSuchFileException ex) {
						// Removed since it was listed, as a dropped table's file is
					}
				}
				return FileVisitResult.CONTINUE;
			}

		});
	}

	private static boolean isExcludedContents(Path relativeDirectory) {
		return relativeDirectory.getNameCount() == 1 && EXCLUDED_CONTENTS.contains(relativeDirectory.toString());
	}

	private static boolean isExcludedFile(Path relativeFile, String excludedFile) {
		String name = relativeFile.getFileName().toString();
		if (name.startsWith(RELATION_CACHE_PREFIX)) {
			return true;
		}
		return relativeFile.getNameCount() == 1 && (EXCLUDED_FILES.contains(name) || name.equals(excludedFile));
	}

}
