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

package io.pgentities.sample.docs;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import io.pgentities.Analysis;
import io.pgentities.DriftReport;
import io.pgentities.DriftStatus;
import io.pgentities.EntityDrift;
import io.pgentities.PgEntitiesEngine;
import io.pgentities.PgEntity;
import io.pgentities.autoconfigure.PgEntitiesAutoConfiguration;
import io.pgentities.autoconfigure.PgEntityDeclarations;
import io.pgentities.testsupport.TestDatabase;
import org.flywaydb.core.Flyway;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Databases with the sample's tables, for the tests of the documentation's snippets.
 */
final class SampleDatabase {

	private SampleDatabase() {
	}

	/**
	 * Create a fresh database and migrate it with the sample's Flyway migrations up to the
	 * tables and rows (V3), without V4, which creates the entities declared in SQL files.
	 * @return the database, to be closed by the caller
	 */
	static TestDatabase migrated() {
		TestDatabase database = TestDatabase.create();
		Flyway.configure().dataSource(database.dataSource()).locations("classpath:db/migration")
			.target("3")
			.load()
			.migrate();
		return database;
	}

	/**
	 * Return the entities a configuration class declares, as the auto-configuration
	 * collects them from its beans (and from no SQL file).
	 * @param configuration the configuration class
	 * @param dataSource the database the auto-configuration is given
	 * @return the declared entities, with their sources
	 */
	static List<PgEntity> declaredBy(Class<?> configuration, DataSource dataSource) {
		AtomicReference<List<PgEntity>> entities = new AtomicReference<>();
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(PgEntitiesAutoConfiguration.class))
			.withPropertyValues("pg-entities.check-on-startup=off", "pg-entities.locations=")
			.withBean(DataSource.class, () -> dataSource)
			.withUserConfiguration(configuration)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				entities.set(context.getBean(PgEntityDeclarations.class).entities());
			});
		return entities.get();
	}

	/**
	 * Apply the plan for the declarations, and check that every declared entity is then
	 * in sync and that nothing is left to plan.
	 * @param database the database
	 * @param declared the declarations
	 * @return the report from before the plan was applied
	 */
	static DriftReport converge(TestDatabase database, List<PgEntity> declared) {
		PgEntitiesEngine engine = PgEntitiesEngine.create(database.dataSource());
		Analysis before = engine.analyze(declared);
		engine.apply(before.plan());
		// Objects that nothing here declares stay UNDECLARED: plans leave them alone
		List<EntityDrift> drifted = engine.check(declared)
			.drifted()
			.stream()
			.filter((drift) -> drift.status() != DriftStatus.UNDECLARED)
			.toList();
		assertThat(drifted).as(() -> "after applying\n" + before.plan().toSql() + "\nstill drifted:\n"
				+ drifted.stream().map((drift) -> drift.identity() + "\n" + drift.diff())
					.collect(Collectors.joining("\n")))
			.isEmpty();
		assertThat(engine.plan(declared).statements()).isEmpty();
		return before.report();
	}

}
