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

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ActuatorLinksLogger}.
 */
@ExtendWith(OutputCaptureExtension.class)
class ActuatorLinksLoggerTests {

	private final MockEnvironment environment = new MockEnvironment();

	@Test
	void actuatorIsOnTheServerPortByDefault() {
		this.environment.setProperty("local.server.port", "8080");
		assertThat(new ActuatorLinksLogger(this.environment).actuatorBaseUrl())
			.isEqualTo("http://localhost:8080/actuator");
	}

	@Test
	void contextPathAndBasePathAreFollowed() {
		this.environment.setProperty("local.server.port", "9000");
		this.environment.setProperty("server.servlet.context-path", "/shop/");
		this.environment.setProperty("management.endpoints.web.base-path", "manage");
		assertThat(new ActuatorLinksLogger(this.environment).actuatorBaseUrl())
			.isEqualTo("http://localhost:9000/shop/manage");
	}

	@Test
	void managementPortWinsWithItsOwnBasePath() {
		this.environment.setProperty("local.server.port", "8080");
		this.environment.setProperty("local.management.port", "8081");
		this.environment.setProperty("server.servlet.context-path", "/shop");
		this.environment.setProperty("management.server.base-path", "/admin");
		assertThat(new ActuatorLinksLogger(this.environment).actuatorBaseUrl())
			.isEqualTo("http://localhost:8081/admin/actuator");
	}

	@Test
	void logsNothingWithoutAWebServer(CapturedOutput output) {
		new ActuatorLinksLogger(this.environment).run(new DefaultApplicationArguments());
		assertThat(output).doesNotContain("curl");
	}

	@Test
	void logsHowToSeeTheEndpoints(CapturedOutput output) {
		this.environment.setProperty("local.server.port", "8080");
		new ActuatorLinksLogger(this.environment).run(new DefaultApplicationArguments());
		assertThat(output).contains("curl http://localhost:8080/actuator/pgentities ",
				"curl http://localhost:8080/actuator/pgentities/public.order_line_items ",
				"curl http://localhost:8080/actuator/health ");
	}

}
