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

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives a test class a database and checks the declared entities against it before its
 * first test runs; when the check fails, every test of the class fails with the drift.
 * The database is, in this order:
 * <ol>
 * <li>the application's, when the class is a Spring test ({@code @SpringBootTest}): the
 * context's {@code DataSource}, as the application's own Flyway left it, checked against
 * the context's declarations (entity beans and files);</li>
 * <li>a Testcontainers container in a static field annotated with
 * {@code @ServiceConnection}, migrated by Flyway from {@link #migrations()};</li>
 * <li>otherwise a fresh database on an embedded PostgreSQL (one server for the test
 * JVM), migrated by Flyway from {@link #migrations()} and dropped after the class.</li>
 * </ol>
 * Test methods and lifecycle methods can take the database as a {@link PgEntitiesDatabase}
 * or {@link javax.sql.DataSource} parameter.
 *
 * @see PgEntitiesExtension
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(PgEntitiesExtension.class)
public @interface PgEntitiesTest {

	/**
	 * Flyway locations of the migrations that build the database.
	 * @return the locations
	 */
	String[] migrations() default "classpath:db/migration";

	/**
	 * Resource patterns of the SQL files whose statements are the declared entities, as
	 * {@code pg-entities.locations}. Not used in Spring tests, where the application's
	 * declarations are checked.
	 * @return the patterns
	 */
	String[] entities() default "classpath*:db/entities/**/*.sql";

	/**
	 * The schema of declared entities whose names are not qualified.
	 * @return the schema
	 */
	String defaultSchema() default "public";

	/**
	 * What to check before the tests run.
	 * @return the check
	 */
	Check check() default Check.IN_SYNC;

	/**
	 * What {@link PgEntitiesTest} checks before the first test of a class; a failed check
	 * fails every test of the class with the drift.
	 */
	enum Check {

		/**
		 * The database holds every declared entity as declared: the migrations create them
		 * (generated migrations, for instance).
		 */
		IN_SYNC,

		/**
		 * The plan for the declared entities brings the database in sync (rehearsed in a
		 * transaction that is rolled back): the entities are applied after migrate, by
		 * {@code pg-entities.apply-on-migrate}, for instance.
		 */
		CONVERGES,

		/**
		 * Nothing: the tests assert for themselves.
		 */
		NONE

	}

}
