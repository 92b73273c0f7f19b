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

import io.pgentities.sample.EmbeddedDatabaseEnvironmentPostProcessor.EmbeddedPostgresPropertySource;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;

/**
 * A {@link FailureAnalyzer} that reports why the sample's embedded PostgreSQL did not
 * start, in the launcher's own words. Without it, a failed start leaves the application
 * without a {@code spring.datasource.url}, and Spring Boot advises adding an embedded
 * database such as H2 to the classpath, which is no help. It comes before Spring Boot's
 * analyzers: when a bean could not be created and the database did not start, the
 * database is the cause.
 */
class EmbeddedDatabaseFailureAnalyzer implements FailureAnalyzer, Ordered {

	private final Environment environment;

	EmbeddedDatabaseFailureAnalyzer(Environment environment) {
		this.environment = environment;
	}

	@Override
	public @Nullable FailureAnalysis analyze(Throwable failure) {
		if (!(this.environment instanceof ConfigurableEnvironment configurable)
				|| !(configurable.getPropertySources()
					.get(EmbeddedDatabaseEnvironmentPostProcessor.PROPERTY_SOURCE_NAME) instanceof EmbeddedPostgresPropertySource propertySource)) {
			return null;
		}
		RuntimeException startFailure = propertySource.startFailure();
		if (startFailure == null || !failedToCreateABean(failure)) {
			return null;
		}
		String description = "No spring.datasource.url is configured, so the sample started an embedded PostgreSQL"
				+ " with its data in " + propertySource.getSource() + ", but it did not start:"
				+ System.lineSeparator() + System.lineSeparator() + startFailure.getMessage();
		String action = "Fix what the embedded PostgreSQL reports above, or set "
				+ EmbeddedDatabaseEnvironmentPostProcessor.URL_PROPERTY + " (with "
				+ EmbeddedDatabaseEnvironmentPostProcessor.USERNAME_PROPERTY
				+ " and spring.datasource.password) to use another database, or "
				+ EmbeddedDatabaseEnvironmentPostProcessor.DATA_DIRECTORY_PROPERTY
				+ " to give the embedded PostgreSQL another data directory.";
		return new FailureAnalysis(description, action, startFailure);
	}

	/**
	 * Return whether a bean could not be created, as the data source cannot without a
	 * URL; other failures, such as clashing bean definitions, are not the database's.
	 */
	private static boolean failedToCreateABean(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof BeanCreationException) {
				return true;
			}
		}
		return false;
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
