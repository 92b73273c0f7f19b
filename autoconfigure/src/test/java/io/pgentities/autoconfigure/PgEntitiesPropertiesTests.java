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

import java.util.List;

import io.pgentities.Hazard;
import io.pgentities.PgEntitiesEngine;
import io.pgentities.autoconfigure.PgEntitiesProperties.CheckMode;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PgEntitiesProperties}.
 */
class PgEntitiesPropertiesTests {

	@Test
	void defaultValuesAreConsistentWithTheEngine() {
		PgEntitiesProperties properties = new PgEntitiesProperties();
		// The engine is never used, so its data source connects nowhere
		PgEntitiesEngine engine = PgEntitiesEngine.create(new SimpleDriverDataSource());
		assertThat(properties.getSchemas()).isEqualTo(engine.schemas());
		assertThat(properties.isDropUndeclared()).isEqualTo(engine.dropUndeclared());
		assertThat(properties.getLockTimeout()).isEqualTo(PgEntitiesEngine.DEFAULT_LOCK_TIMEOUT);
		assertThat(properties.getApply().getLockTimeout()).isEqualTo(engine.applyLockTimeout());
		assertThat(properties.getAllowedHazards()).isEqualTo(engine.allowedHazards());
		assertThat(properties.getStatementTimeout()).isEqualTo(PgEntitiesEngine.DEFAULT_STATEMENT_TIMEOUT);
		assertThat(properties.getDefaultSchema()).isEqualTo(PgEntitiesEngine.DEFAULT_SCHEMA);
	}

	@Test
	void defaultValuesMatchTheDesign() {
		PgEntitiesProperties properties = new PgEntitiesProperties();
		assertThat(properties.isEnabled()).isTrue();
		assertThat(properties.getLocations()).containsExactly("classpath*:db/entities/**/*.sql");
		assertThat(properties.getSchemas()).isEmpty();
		assertThat(properties.getCheckOnStartup()).isEqualTo(CheckMode.WARN);
		assertThat(properties.isDropUndeclared()).isFalse();
		assertThat(properties.getIgnore()).isEmpty();
		assertThat(properties.isApplyOnMigrate()).isFalse();
		assertThat(properties.getLint()).isEqualTo(CheckMode.WARN);
		assertThat(properties.getAllowedHazards()).containsExactly(Hazard.DROPS_DEPENDENT, Hazard.RUNS_QUERY,
				Hazard.CHANGES_ACCESS);
		assertThat(properties.getApply().getLockTimeout()).hasSeconds(5);
		assertThat(properties.getGenerate().isOnStartup()).isFalse();
		// unset: the first filesystem location Flyway uses, see FlywayBeanMigrations
		assertThat(properties.getGenerate().getDirectory()).isNull();
		assertThat(properties.getGenerate().getDescription()).isEqualTo("pg_entities");
		assertThat(properties.getGenerate().isForce()).isFalse();
		assertThat(properties.getGenerate().isUndo()).isFalse();
		assertThat(properties.getHealth().isDownOnDrift()).isFalse();
		assertThat(properties.getDatasources()).isEmpty();
	}

	@Test
	void anEntryOfDatasourcesReadsFilesUnderItsNameAndInheritsTheRest() {
		PgEntitiesProperties.DataSourceEntities entry = new PgEntitiesProperties.DataSourceEntities();
		assertThat(entry.locationsOf("reporting")).containsExactly("classpath*:db/entities/reporting/**/*.sql");
		assertThat(entry.getSchemas()).isEmpty();
		assertThat(entry.getCheckOnStartup()).isNull();
		assertThat(entry.getDropUndeclared()).isNull();
		entry.setLocations(List.of("classpath:reports/*.sql"));
		assertThat(entry.locationsOf("reporting")).containsExactly("classpath:reports/*.sql");
	}

}
