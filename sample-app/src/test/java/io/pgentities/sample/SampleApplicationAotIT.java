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
package io.pgentities.sample;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import io.pgentities.testsupport.PostgresTest;
import io.pgentities.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SampleApplication} as an AOT-processed jar: starts
 * {@code java -Dspring.aot.enabled=true -jar} on the jar that the {@code aot} profile built
 * (its path in the {@code sample.jar} system property) against a fresh database, and asks
 * its actuator endpoint whether the entities are in sync.
 */
@PostgresTest
class SampleApplicationAotIT {

	private static final Duration STARTUP = Duration.ofMinutes(3);

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void aotProcessedJarStartsAndReportsEveryEntityInSync(TestDatabase database, @TempDir Path logs)
			throws Exception {
		Path jar = Path.of(System.getProperty("sample.jar", "target/pg-entities-sample-app-0.1.0-SNAPSHOT.jar"));
		assertThat(jar).isRegularFile();
		try (JarFile contents = new JarFile(jar.toFile())) {
			assertThat(contents.getEntry("BOOT-INF/classes/io/pgentities/sample/SampleApplication__ApplicationContextInitializer.class"))
				.as("the jar holds the AOT-generated initializer").isNotNull();
		}
		int port = freePort();
		Path log = logs.resolve("sample.log");
		Process application = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Dspring.aot.enabled=true", "-jar", jar.toString(), "--server.port=" + port,
				"--spring.datasource.url=" + database.jdbcUrl(), "--spring.datasource.username=" + database.user(),
				"--spring.datasource.password=" + database.password())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		try {
			DocumentContext report = awaitEndpoint(application, port, log);
			assertThat(Files.readString(log)).contains("Starting AOT-processed SampleApplication");
			assertThat(report.read("$.inSync", Boolean.class)).isTrue();
			assertThat(report.read("$.plan", List.class)).isEmpty();
			List<Map<String, String>> entities = report.read("$.entities");
			assertThat(entities).hasSize(5).extracting((entity) -> entity.get("status")).containsOnly("IN_SYNC");
			assertThat(entities).extracting((entity) -> entity.get("source"))
				.contains("bean 'orderLineItems'", "file db/entities/product_revenue.sql:10");
		}
		finally {
			application.destroy();
			if (!application.waitFor(30, TimeUnit.SECONDS)) {
				application.destroyForcibly();
			}
		}
	}

	private DocumentContext awaitEndpoint(Process application, int port, Path log) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/pgentities"))
			.timeout(Duration.ofSeconds(30))
			.build();
		long deadline = System.nanoTime() + STARTUP.toNanos();
		while (System.nanoTime() < deadline) {
			assertThat(application.isAlive()).as(() -> "the application exited:\n" + read(log)).isTrue();
			try {
				HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() == 200) {
					return JsonPath.parse(response.body());
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			Thread.sleep(500);
		}
		throw new AssertionError("The application did not answer within " + STARTUP + ":\n" + read(log));
	}

	private static String read(Path log) {
		try {
			return Files.readString(log);
		}
		catch (IOException ex) {
			return ex.toString();
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
