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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.devtools.classpath.ClassPathChangedEvent;
import org.springframework.boot.devtools.filewatch.ChangedFile;
import org.springframework.boot.devtools.filewatch.FileSystemWatcher;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PgEntitiesRestartTrigger}.
 */
class PgEntitiesRestartTriggerTests {

	@Test
	void aChangedEntityFileAsksDevToolsForARestart(@TempDir Path directory) throws Exception {
		Path file = Files.writeString(directory.resolve("views.sql"), "CREATE VIEW v AS SELECT 1 AS one;\n");
		BlockingQueue<Object> events = new LinkedBlockingQueue<>();
		PgEntitiesRestartTrigger trigger = new PgEntitiesRestartTrigger(
				() -> new FileSystemWatcher(true, Duration.ofMillis(50), Duration.ofMillis(10)), List.of(directory));
		trigger.setApplicationEventPublisher(events::add);
		trigger.afterPropertiesSet();
		try {
			Thread.sleep(200);
			Files.writeString(file, "CREATE VIEW v AS SELECT 2 AS two;\n");
			Object event = events.poll(10, TimeUnit.SECONDS);
			assertThat(event).isInstanceOf(ClassPathChangedEvent.class);
			ClassPathChangedEvent changed = (ClassPathChangedEvent) event;
			assertThat(changed.isRestartRequired()).isTrue();
			assertThat(changed.getChangeSet()).flatMap((files) -> files.getFiles())
				.extracting(ChangedFile::getRelativeName)
				.containsExactly("views.sql");
		}
		finally {
			trigger.destroy();
		}
	}

	@Test
	void withoutDirectoriesNothingIsWatched() throws IOException {
		PgEntitiesRestartTrigger trigger = new PgEntitiesRestartTrigger(FileSystemWatcher::new, List.of());
		trigger.afterPropertiesSet();
		assertThat(trigger.getDirectories()).isEmpty();
		trigger.destroy();
	}

}
