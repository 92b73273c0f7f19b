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

import java.time.Duration;
import java.util.List;

import io.pgentities.PgEntitiesEngine;
import io.pgentities.PgEntitiesTenants;
import io.pgentities.TenantTemplate;
import io.pgentities.testsupport.PostgresTest;
import io.pgentities.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link PgEntitiesCheckers}.
 */
@PostgresTest
class PgEntitiesCheckersTests {

	private final PgEntitiesEngine engine;

	PgEntitiesCheckersTests(TestDatabase database) {
		this.engine = PgEntitiesEngine.create(database.dataSource());
	}

	@Test
	void keepsTheCheckersByDataSourceNameInOrder() {
		PgEntitiesChecker main = checker("main");
		PgEntitiesChecker reporting = checker("reporting");
		PgEntitiesCheckers checkers = PgEntitiesCheckers.of(List.of(reporting, main));
		assertThat(checkers.getDataSourceNames()).containsExactly("reporting", "main");
		assertThat(checkers.get("main")).isSameAs(main);
		assertThat(checkers.get("other")).isNull();
		assertThat(checkers.isSingle()).isFalse();
		assertThat(PgEntitiesCheckers.of(main).isSingle()).isTrue();
	}

	@Test
	void refusesTwoCheckersOfOneDataSource() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> PgEntitiesCheckers.of(List.of(checker("main"), checker("main"))))
			.withMessage("Two checkers of DataSource 'main'");
	}

	@Test
	void refusesNoCheckers() {
		assertThatIllegalArgumentException().isThrownBy(() -> PgEntitiesCheckers.of(List.of()));
	}

	@Test
	void holdsTheTenantCheckerOfEachDataSourceThatHasTenantSchemas() {
		PgEntitiesCheckers checkers = PgEntitiesCheckers.of(List.of(checker("main"), checker("reporting")));
		PgEntitiesTenantChecker tenants = new PgEntitiesTenantChecker("reporting", this.engine, TenantTemplate.empty(),
				PgEntitiesTenants.of(List.of()), Duration.ZERO);
		PgEntitiesCheckers withTenants = checkers.withTenants("reporting", tenants);
		assertThat(withTenants.getTenants("reporting")).isSameAs(tenants);
		assertThat(withTenants.getTenants("main")).isNull();
		assertThat(withTenants.tenantsAsMap()).containsOnlyKeys("reporting");
		assertThat(withTenants.asMap()).isEqualTo(checkers.asMap());
		assertThat(checkers.getTenants("reporting")).as("unchanged").isNull();
		assertThat(withTenants.withTenants("reporting", null).tenantsAsMap()).isEmpty();
	}

	@Test
	void refusesTenantsOfADataSourceItDoesNotCheck() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> PgEntitiesCheckers.of(checker("main")).withTenants("other", null))
			.withMessage("DataSource 'other' has tenant schemas but is not checked; checked are [main]");
	}

	private PgEntitiesChecker checker(String name) {
		return new PgEntitiesChecker(name, this.engine, List::of, Duration.ZERO);
	}

}
