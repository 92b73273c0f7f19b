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

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link JdbcUrl}.
 */
class JdbcUrlTests {

	@Test
	void credentialsAreTakenOutAndOtherParametersKept() {
		JdbcUrl url = JdbcUrl.parse("jdbc:postgresql://db.example.com:6543/app?user=admin&ssl=true&password=s%26cret");
		assertThat(url.database()).isEqualTo("app");
		assertThat(url.user()).isEqualTo("admin");
		assertThat(url.password()).isEqualTo("s&cret");
		assertThat(url.withDatabase("pge_x_123456"))
			.isEqualTo("jdbc:postgresql://db.example.com:6543/pge_x_123456?ssl=true");
	}

	@Test
	void urlWithoutParametersOrDatabase() {
		JdbcUrl url = JdbcUrl.parse("jdbc:postgresql://localhost");
		assertThat(url.database()).isEmpty();
		assertThat(url.user()).isNull();
		assertThat(url.password()).isNull();
		assertThat(url.withDatabase("other")).isEqualTo("jdbc:postgresql://localhost/other");
	}

	@Test
	void multipleHostsAndShortForm() {
		assertThat(JdbcUrl.parse("jdbc:postgresql://a:1,b:2/postgres?targetServerType=primary").withDatabase("x"))
			.isEqualTo("jdbc:postgresql://a:1,b:2/x?targetServerType=primary");
		assertThat(JdbcUrl.parse("jdbc:postgresql:postgres").withDatabase("x")).isEqualTo("jdbc:postgresql:x");
	}

	@Test
	void otherUrlsAreRejectedWithoutShowingParameters() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> JdbcUrl.parse("jdbc:mysql://localhost/db?password=secret"))
			.withMessageNotContaining("secret");
	}

}
