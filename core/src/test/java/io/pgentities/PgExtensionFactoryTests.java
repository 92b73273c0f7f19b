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
package io.pgentities;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link PgExtension#of(String, String)}.
 */
class PgExtensionFactoryTests {

	@Test
	void identityIsTheNameAlone() {
		PgExtension extension = PgExtension.of("extensions", "pgcrypto");
		assertThat(extension.kind()).isEqualTo(EntityKind.EXTENSION);
		assertThat(extension.identity()).isEqualTo("pgcrypto");
		assertThat(extension.schema()).isEqualTo("extensions");
		assertThat(extension.version()).isNull();
		assertThat(extension.createStatement()).isEqualTo("CREATE EXTENSION IF NOT EXISTS pgcrypto WITH SCHEMA extensions");
	}

	@Test
	void versionAndQuotedNames() {
		PgExtension extension = PgExtension.of("Ext", "uuid-ossp").withVersion("1.1");
		assertThat(extension.identity()).isEqualTo("\"uuid-ossp\"");
		assertThat(extension.createStatement())
			.isEqualTo("CREATE EXTENSION IF NOT EXISTS \"uuid-ossp\" WITH SCHEMA \"Ext\" VERSION '1.1'");
	}

	@Test
	void hasNoPrivilegesOfItsOwn() {
		assertThatIllegalArgumentException().isThrownBy(() -> PgExtension.of("public", "hstore").withGrant("USAGE", "app"))
			.withMessage("EXTENSION hstore has no owner or privileges of its own: grant them on the objects it installs");
	}

}
