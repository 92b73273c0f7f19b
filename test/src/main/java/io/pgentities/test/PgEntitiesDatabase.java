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
package io.pgentities.test;

import java.util.List;

import javax.sql.DataSource;

import io.pgentities.PgEntitiesEngine;
import io.pgentities.PgEntity;

/**
 * The database a {@link PgEntitiesTest} class runs against, and the entities it declares.
 *
 * @param dataSource the database
 * @param engine the engine that checks it: the application's in a Spring test
 * @param description where the database is, for messages: a JDBC URL or the bean it comes from
 * @param entities the declared entities, each with its source
 */
public record PgEntitiesDatabase(DataSource dataSource, PgEntitiesEngine engine, String description,
		List<PgEntity> entities) {

	/**
	 * Create a new instance.
	 * @param dataSource the database
	 * @param engine the engine that checks it
	 * @param description where the database is
	 * @param entities the declared entities
	 */
	public PgEntitiesDatabase {
		entities = List.copyOf(entities);
	}

}
