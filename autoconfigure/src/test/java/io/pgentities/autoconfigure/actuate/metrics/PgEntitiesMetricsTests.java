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
package io.pgentities.autoconfigure.actuate.metrics;

import java.time.Duration;
import java.util.List;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.pgentities.DriftStatus;
import io.pgentities.PgEntitiesEngine;
import io.pgentities.PgEntity;
import io.pgentities.PgView;
import io.pgentities.autoconfigure.PgEntitiesChecker;
import io.pgentities.autoconfigure.PgEntitiesCheckers;
import io.pgentities.autoconfigure.PgEntityDeclarations;
import io.pgentities.testsupport.PostgresTest;
import io.pgentities.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PgEntitiesMetrics}.
 */
@PostgresTest
class PgEntitiesMetricsTests {

	private static final List<PgEntity> DECLARED = List.of(PgView.of("public", "a", "SELECT 1 AS one"),
			PgView.of("public", "b", "SELECT 2 AS two"));

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final TestDatabase database;

	private final PgEntitiesChecker checker;

	PgEntitiesMetricsTests(TestDatabase database) {
		this.database = database;
		this.checker = new PgEntitiesChecker(PgEntitiesEngine.create(database.dataSource()), () -> DECLARED,
				Duration.ofMinutes(1));
		new PgEntitiesMetrics(this.checker).bindTo(this.registry);
	}

	@Test
	void registersOneGaugePerStatus() {
		assertThat(this.registry.find("pg.entities.drift").gauges()).hasSize(DriftStatus.values().length)
			.extracting((gauge) -> gauge.getId().getTag("status"))
			.containsExactlyInAnyOrder("IN_SYNC", "MISSING", "CHANGED", "UNDECLARED");
	}

	@Test
	void gaugesAreNotANumberBeforeTheFirstCheck() {
		assertThat(gauge(DriftStatus.MISSING)).isNaN();
	}

	@Test
	void gaugesCountTheEntitiesOfTheLastCheck() {
		this.checker.analyze();
		assertThat(gauge(DriftStatus.MISSING)).isEqualTo(2);
		assertThat(gauge(DriftStatus.IN_SYNC)).isZero();
		assertThat(gauge(DriftStatus.CHANGED)).isZero();
		assertThat(gauge(DriftStatus.UNDECLARED)).isZero();
	}

	@Test
	void gaugesCarryTheNameOfTheirDataSource() {
		assertThat(this.registry.find("pg.entities.drift").gauges())
			.extracting((gauge) -> gauge.getId().getTag("datasource"))
			.containsOnly(PgEntitiesChecker.DEFAULT_DATA_SOURCE_NAME);
	}

	@Test
	void declaredGaugeIsOneAndTaggedWithTheFingerprintOfTheDeclarations() {
		PgEntityDeclarations declarations = () -> DECLARED;
		assertThat(this.registry.get("pg.entities.declared").tag("fingerprint", declarations.fingerprint()).gauge()
			.value()).isEqualTo(1);
		assertThat(this.registry.find("pg.entities.declared").gauges()).hasSize(1);
	}

	@Test
	void severalDataSourcesHaveGaugesOfTheirOwnWithBoundedTags() {
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		PgEntitiesChecker reporting = new PgEntitiesChecker("reporting",
				PgEntitiesEngine.create(this.database.dataSource()), () -> DECLARED.subList(0, 1),
				Duration.ofMinutes(1));
		new PgEntitiesMetrics(PgEntitiesCheckers.of(List.of(this.checker, reporting))).bindTo(registry);
		reporting.analyze();
		assertThat(registry.find("pg.entities.drift").gauges()).hasSize(2 * DriftStatus.values().length);
		assertThat(registry.get("pg.entities.drift").tags("datasource", "reporting", "status", "MISSING").gauge()
			.value()).isEqualTo(1);
		assertThat(registry.get("pg.entities.drift").tags("datasource", "dataSource", "status", "MISSING").gauge()
			.value()).isNaN();
		assertThat(registry.find("pg.entities.declared").gauges())
			.extracting((gauge) -> gauge.getId().getTag("datasource") + " " + gauge.getId().getTag("fingerprint"))
			.containsExactlyInAnyOrder("dataSource " + this.checker.getDeclarations().fingerprint(),
					"reporting " + reporting.getDeclarations().fingerprint());
		assertThat(this.checker.getDeclarations().fingerprint())
			.isNotEqualTo(reporting.getDeclarations().fingerprint());
	}

	private double gauge(DriftStatus status) {
		return this.registry.get("pg.entities.drift").tag("status", status.name()).gauge().value();
	}

}
