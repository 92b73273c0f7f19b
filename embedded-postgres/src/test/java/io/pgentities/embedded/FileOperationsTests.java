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
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link FileOperations}.
 */
class FileOperationsTests {

	@Test
	void directoryOthersMayWriteToIsNotPrivate(@TempDir Path temporary) throws IOException {
		Path directory = Files.createDirectory(temporary.resolve("shared"));
		Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxrwxrwx"));
		assertThat(FileOperations.describeIfNotPrivate(directory)).isNotNull();
	}

	@Test
	void directoryOfRootThatOnlyRootMayWriteToIsPrivateToRoot(@TempDir Path temporary) throws IOException {
		Path directory = Files.createDirectory(temporary.resolve("own"));
		Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxr-xr-x"));
		if (ServerUser.effectiveUid() == 0) {
			assertThat(FileOperations.describeIfNotPrivate(directory)).isNull();
		}
		else {
			assertThat(FileOperations.describeIfNotPrivate(directory)).startsWith("it belongs to user id ");
		}
	}

	@Test
	void linkToADirectoryIsNotPrivate(@TempDir Path temporary) throws IOException {
		Path directory = Files.createDirectory(temporary.resolve("own"));
		Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxr-xr-x"));
		Path link = Files.createSymbolicLink(temporary.resolve("link"), directory);
		assertThat(FileOperations.describeIfNotPrivate(link)).isEqualTo("it is a symbolic link or not a directory");
	}

}
