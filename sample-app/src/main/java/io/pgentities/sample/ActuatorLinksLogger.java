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

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Logs, once the application has started, how to look at the drift report and the health
 * of the running sample, with the port it actually listens on.
 */
@Component
class ActuatorLinksLogger implements ApplicationRunner {

	private static final Log logger = LogFactory.getLog(ActuatorLinksLogger.class);

	private final Environment environment;

	ActuatorLinksLogger(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void run(ApplicationArguments args) {
		String baseUrl = actuatorBaseUrl();
		if (baseUrl == null) {
			return;
		}
		logger.info(String.join(System.lineSeparator(), "The pg-entities sample is running. Try:",
				command(baseUrl + "/pgentities", "every declared entity, drift and plan"),
				command(baseUrl + "/pgentities/public.order_line_items", "one entity"),
				command(baseUrl + "/health", "health, with the pgentities component")));
	}

	private static String command(String url, String comment) {
		return String.format("    curl %-70s # %s", url, comment);
	}

	/**
	 * Return the URL of the actuator endpoints, on the management port if there is one.
	 * @return the URL, or {@code null} when no web server runs
	 */
	@Nullable String actuatorBaseUrl() {
		String managementPort = this.environment.getProperty("local.management.port");
		String port = (managementPort != null) ? managementPort : this.environment.getProperty("local.server.port");
		if (port == null) {
			return null;
		}
		String contextPath = (managementPort != null)
				? this.environment.getProperty("management.server.base-path", "")
				: this.environment.getProperty("server.servlet.context-path", "");
		String basePath = this.environment.getProperty("management.endpoints.web.base-path", "/actuator");
		return "http://localhost:" + port + trimSlash(contextPath) + trimSlash(basePath);
	}

	private static String trimSlash(String path) {
		String trimmed = StringUtils.trimTrailingCharacter(path.strip(), '/');
		return (trimmed.isEmpty() || trimmed.startsWith("/")) ? trimmed : "/" + trimmed;
	}

}
