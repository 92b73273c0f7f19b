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

import javax.sql.DataSource;

import io.pgentities.PgEntitiesEngine;

/**
 * Entry point of the pg-entities assertions, in the style of AssertJ's {@code Assertions}:
 * <pre class="code">
 * assertThat(dataSource).hasEntitiesInSync(entities);
 * assertThat(dataSource).converges(entities);
 * </pre>
 */
public final class PgEntitiesAssertions {

	private PgEntitiesAssertions() {
	}

	/**
	 * Assertions over the entities of a database, checked by an engine with the defaults
	 * ({@link PgEntitiesEngine#create(DataSource)}): the managed schemas are those of the
	 * declared entities.
	 * @param dataSource the database
	 * @return the assertions
	 */
	public static PgEntitiesAssert assertThat(DataSource dataSource) {
		return new PgEntitiesAssert(PgEntitiesEngine.create(dataSource));
	}

	/**
	 * Assertions over the entities of an engine's database, checked with the engine's
	 * settings (managed schemas, undeclared objects dropped or not, timeouts): the
	 * application's own engine bean, for instance.
	 * @param engine the engine
	 * @return the assertions
	 */
	public static PgEntitiesAssert assertThat(PgEntitiesEngine engine) {
		return new PgEntitiesAssert(engine);
	}

}
