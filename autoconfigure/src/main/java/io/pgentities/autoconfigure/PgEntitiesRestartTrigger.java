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

import java.nio.file.Path;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.devtools.classpath.ClassPathChangedEvent;
import org.springframework.boot.devtools.filewatch.FileSystemWatcher;
import org.springframework.boot.devtools.filewatch.FileSystemWatcherFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ApplicationEventPublisherAware;
import org.springframework.util.Assert;

/**
 * Makes a change to an entity file in the source tree restart the application under
 * DevTools. DevTools watches the class path, where a build copies the entity files; an
 * edit in the IDE reaches the source file first, and not every IDE builds on save. This
 * watches the source directories of {@code pg-entities.locations} with DevTools' own
 * watcher settings, and publishes a {@link ClassPathChangedEvent} that requires a restart,
 * which DevTools answers as it does for a changed class. After the restart the entity
 * files are read from their sources, so the startup check (and with
 * {@code pg-entities.generate.on-startup} the generated migration) sees the edit.
 */
final class PgEntitiesRestartTrigger implements ApplicationEventPublisherAware, InitializingBean, DisposableBean {

	private final List<Path> directories;

	private final FileSystemWatcher watcher;

	private @Nullable ApplicationEventPublisher publisher;

	PgEntitiesRestartTrigger(FileSystemWatcherFactory watcherFactory, List<Path> directories) {
		Assert.notNull(watcherFactory, "'watcherFactory' must not be null");
		this.directories = List.copyOf(directories);
		this.watcher = watcherFactory.getFileSystemWatcher();
		this.directories.forEach((directory) -> this.watcher.addSourceDirectory(directory.toFile()));
		this.watcher.addListener((changeSet) -> {
			if (this.publisher != null) {
				this.publisher.publishEvent(new ClassPathChangedEvent(this, changeSet, true));
			}
		});
	}

	/**
	 * Return the directories watched for changes.
	 * @return the directories
	 */
	List<Path> getDirectories() {
		return this.directories;
	}

	@Override
	public void setApplicationEventPublisher(ApplicationEventPublisher publisher) {
		this.publisher = publisher;
	}

	@Override
	public void afterPropertiesSet() {
		if (!this.directories.isEmpty()) {
			this.watcher.start();
		}
	}

	@Override
	public void destroy() {
		this.watcher.stop();
	}

}
