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

import java.nio.file.Files;
import java.nio.file.Path;

import io.pgentities.embedded.EmbeddedPostgres;
import org.apache.commons.logging.Log;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;
import org.springframework.util.StringUtils;

/**
 * {@link EnvironmentPostProcessor} that gives the sample a database of its own when none
 * is configured: an {@link EmbeddedPostgres embedded PostgreSQL} with a persistent data
 * directory, {@code target/sample-db} of the {@code sample-app} module by default, so that
 * data and Flyway history survive restarts.
 * <p>
 * It adds a property source of the lowest precedence that supplies
 * {@code spring.datasource.url} and {@code spring.datasource.username}. The server starts
 * the first time the URL is asked for and no other property source has one, which is when
 * the data source is configured. Starting it only then, rather than while the environment
 * is prepared, lets a URL that arrives later win without a server started for nothing:
 * {@code @DynamicPropertySource} properties of tests, for instance, are added after
 * environment post-processors have run. With {@code spring.datasource.url} set anywhere,
 * the application uses that database and no server is started.
 * <p>
 * The server is stopped at JVM exit, after the application context has been closed.
 * {@code sample.embedded-postgres.data-directory} sets another data directory. If the
 * server cannot be started, {@link EmbeddedDatabaseFailureAnalyzer} reports the
 * launcher's reason when the application fails to start for want of a data source.
 */
public class EmbeddedDatabaseEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	/**
	 * The name of the property source that supplies the embedded server's URL.
	 */
	public static final String PROPERTY_SOURCE_NAME = "sampleEmbeddedPostgres";

	/**
	 * The property that sets the data directory of the embedded server.
	 */
	public static final String DATA_DIRECTORY_PROPERTY = "sample.embedded-postgres.data-directory";

	static final String URL_PROPERTY = "spring.datasource.url";

	static final String USERNAME_PROPERTY = "spring.datasource.username";

	private static final String DATABASE = "postgres";

	private final Log logger;

	/**
	 * Create a new post-processor.
	 * @param logFactory the factory of loggers that work before logging is initialized
	 */
	public EmbeddedDatabaseEnvironmentPostProcessor(DeferredLogFactory logFactory) {
		this.logger = logFactory.getLog(EmbeddedDatabaseEnvironmentPostProcessor.class);
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (environment.getPropertySources().contains(PROPERTY_SOURCE_NAME)) {
			return;
		}
		String configured = environment.getProperty(DATA_DIRECTORY_PROPERTY);
		Path dataDirectory = StringUtils.hasText(configured) ? Path.of(configured) : defaultDataDirectory();
		environment.getPropertySources()
			.addLast(new EmbeddedPostgresPropertySource(environment, dataDirectory.toAbsolutePath().normalize(),
					this.logger));
	}

	/**
	 * Run after the other post-processors, once {@code application.properties} has been
	 * loaded.
	 * @return {@link Ordered#LOWEST_PRECEDENCE}
	 */
	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	/**
	 * Return {@code target/sample-db} of the {@code sample-app} module: relative to the
	 * working directory, which {@code spring-boot:run} sets to the module's, or under
	 * {@code sample-app/} when the application runs from the repository's root.
	 * @return the default data directory
	 */
	static Path defaultDataDirectory() {
		Path module = Path.of("sample-app");
		Path base = Files.isRegularFile(module.resolve("pom.xml")) ? module : Path.of("");
		return base.resolve("target").resolve("sample-db").toAbsolutePath().normalize();
	}

	/**
	 * Supplies the data source properties of the embedded server, starting it on first
	 * use.
	 */
	static final class EmbeddedPostgresPropertySource extends PropertySource<Path> {

		private final Environment environment;

		private final Log logger;

		private @Nullable EmbeddedPostgres server;

		private @Nullable RuntimeException startFailure;

		EmbeddedPostgresPropertySource(Environment environment, Path dataDirectory, Log logger) {
			super(PROPERTY_SOURCE_NAME, dataDirectory);
			this.environment = environment;
			this.logger = logger;
		}

		@Override
		public @Nullable Object getProperty(String name) {
			if (URL_PROPERTY.equals(name)) {
				return server().jdbcUrl(DATABASE);
			}
			// Only for our own URL: a URL configured elsewhere comes with its own user
			if (USERNAME_PROPERTY.equals(name) && usesEmbeddedServer()) {
				return server().user();
			}
			return null;
		}

		/**
		 * Return whether the environment's data source URL is the embedded server's,
		 * starting the server if no other property source has a URL.
		 * @return whether the data source uses the embedded server
		 */
		private boolean usesEmbeddedServer() {
			String url = this.environment.getProperty(URL_PROPERTY);
			EmbeddedPostgres server = startedServer();
			return server != null && server.jdbcUrl(DATABASE).equals(url);
		}

		/**
		 * Return the server if it has been started.
		 * @return the server or {@code null}
		 */
		synchronized @Nullable EmbeddedPostgres startedServer() {
			return this.server;
		}

		/**
		 * Return why the server could not be started, if it was tried and failed.
		 * @return the launcher's exception or {@code null}
		 */
		synchronized @Nullable RuntimeException startFailure() {
			return this.startFailure;
		}

		private synchronized EmbeddedPostgres server() {
			if (this.server == null) {
				this.server = start(getSource());
			}
			return this.server;
		}

		private EmbeddedPostgres start(Path dataDirectory) {
			RuntimeException failure = this.startFailure;
			// Once failed, it is not tried again: every lookup of the URL would take seconds to fail alike
			if (failure == null) {
				this.logger.info("No spring.datasource.url is configured: starting an embedded PostgreSQL with its"
						+ " data in " + dataDirectory);
				try {
					EmbeddedPostgres server = EmbeddedPostgres.builder().dataDirectory(dataDirectory).start();
					// Stop it once the application context, and so its connection pool, is closed;
					// the server also stops itself at JVM exit if that comes first
					SpringApplication.getShutdownHandlers().add(server::close);
					this.logger.info("Using " + server + " at " + server.jdbcUrl(DATABASE));
					return server;
				}
				catch (RuntimeException ex) {
					// Spring's binder ignores exceptions of property sources, so this one would be lost
					// to a missing URL; EmbeddedDatabaseFailureAnalyzer reports it from here
					this.startFailure = ex;
					failure = ex;
				}
			}
			throw new IllegalStateException("Could not start the sample's embedded PostgreSQL in " + dataDirectory
					+ " (set spring.datasource.url to use another database, or " + DATA_DIRECTORY_PROPERTY
					+ " to use another data directory): " + failure.getMessage(), failure);
		}

	}

}
