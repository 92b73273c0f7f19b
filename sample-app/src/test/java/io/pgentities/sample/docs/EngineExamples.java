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

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import io.pgentities.Analysis;
import io.pgentities.EntityDrift;
import io.pgentities.FlywayMigrationWriter;
import io.pgentities.PgEntities;
import io.pgentities.PgEntitiesEngine;
import io.pgentities.PgEntity;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * The engine used without Spring, as {@code docs/plans.md} shows it.
 */
public final class EngineExamples {

	private static final Log logger = LogFactory.getLog(EngineExamples.class);

	private EngineExamples() {
	}

	static Optional<Path> writeMigrationForDrift(DataSource dataSource, Path migrations) {
		List<PgEntity> declared = PgEntities.fromResource("db/entities/product_revenue.sql");
		PgEntitiesEngine engine = PgEntitiesEngine.builder(dataSource)
			.schemas("public")
			.dropUndeclared(false)
			.lockTimeout(Duration.ofSeconds(2))
			.build();
		Analysis analysis = engine.analyze(declared);
		for (EntityDrift drift : analysis.report().drifted()) {
			logger.info(drift.status() + " " + drift.kind() + " " + drift.identity() + "\n" + drift.diff());
		}
		// V<next>__sync_entities.sql, after the highest version in the directory and in the history table
		return new FlywayMigrationWriter(migrations).withHistory(dataSource).write(analysis.plan(), "sync entities");
	}

	static void applyNow(DataSource dataSource, List<PgEntity> declared) {
		PgEntitiesEngine engine = PgEntitiesEngine.create(dataSource);
		engine.apply(engine.plan(declared));
	}

}
