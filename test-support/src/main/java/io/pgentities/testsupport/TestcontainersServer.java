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

package io.pgentities.testsupport;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.jspecify.annotations.Nullable;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * Everything that touches Testcontainers, kept apart so that {@link TestServer} works
 * without Testcontainers on the classpath.
 */
final class TestcontainersServer {

	private static final int POSTGRES_PORT = 5432;

	private static @Nullable PostgreSQLContainer container;

	private TestcontainersServer() {
	}

	/**
	 * Return whether Testcontainers finds a Docker engine.
	 * @param timeout how long to look
	 * @return whether a Docker engine is available
	 * @throws TimeoutException if looking takes longer than the timeout
	 * @throws Exception if Testcontainers fails while looking
	 */
	static boolean isDockerAvailable(Duration timeout) throws Exception {
		FutureTask<Boolean> probe = new FutureTask<>(() -> DockerClientFactory.instance().isDockerAvailable());
		Thread thread = new Thread(probe, "pg-entities-docker-probe");
		thread.setDaemon(true);
		thread.start();
		try {
			return probe.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			probe.cancel(true);
			throw ex;
		}
		catch (ExecutionException ex) {
			throw (ex.getCause() instanceof Exception cause) ? cause : ex;
		}
	}

	/**
	 * Start a PostgreSQL container that lives until the JVM exits.
	 * @param tag the tag of the {@code postgres} image, such as {@code 17}
	 * @param maxConnections the {@code max_connections} of the server
	 * @return the server
	 */
	static synchronized TestServer start(String tag, int maxConnections) {
		PostgreSQLContainer started = new PostgreSQLContainer(DockerImageName.parse("postgres").withTag(tag))
			.withCommand("postgres", "-c", "fsync=off", "-c", "max_connections=" + maxConnections);
		started.start();
		container = started;
		String address = started.getHost() + ":" + started.getMappedPort(POSTGRES_PORT);
		return new TestServer("Testcontainers postgres:" + tag + " on " + address,
				JdbcUrl.parse("jdbc:postgresql://" + address + "/" + started.getDatabaseName()), started.getUsername(),
				started.getPassword());
	}

}
