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

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import io.pgentities.EntityKind;
import io.pgentities.test.PgEntitiesTest.Check;
import io.pgentities.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

import org.springframework.boot.testcontainers.service.connection.ServiceConnection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * Tests for {@link PgEntitiesExtension}: runs test classes annotated with
 * {@link PgEntitiesTest}, on the embedded PostgreSQL or a service connection's database,
 * and looks at how they ended.
 */
class PgEntitiesExtensionTests {

	private static final Map<String, Object> observed = new ConcurrentHashMap<>();

	private static final Map<String, TestExecutionResult> results = new ConcurrentHashMap<>();

	@BeforeAll
	static void runTestClasses() {
		LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
			.selectors(selectClass(MigratedInSync.class), selectClass(TablesOnly.class),
					selectClass(TablesOnlyConverging.class), selectClass(OnAServiceConnection.class))
			.build();
		LauncherFactory.create().execute(request, new TestExecutionListener() {

			@Override
			public void executionFinished(TestIdentifier identifier, TestExecutionResult result) {
				identifier.getSource().ifPresent((source) -> results.put(name(source), result));
			}

		});
	}

	@AfterAll
	static void dropTheServiceConnectionsDatabase() {
		OnAServiceConnection.server.database.close();
	}

	@Test
	void migrationsThatCreateTheDeclaredEntitiesPassTheCheck() {
		assertThat(results.get("MigratedInSync").getStatus()).isEqualTo(TestExecutionResult.Status.SUCCESSFUL);
		assertThat(results.get("databaseIsMigratedAndTheFilesDeclareItsEntities").getStatus())
			.isEqualTo(TestExecutionResult.Status.SUCCESSFUL);
		assertThat(observed.get("migrations")).isEqualTo(2);
		assertThat(observed.get("entities")).isEqualTo(List.of("VIEW public.cheap_items from file db/entities/cheap_items.sql:2"));
		assertThat((String) observed.get("url")).startsWith("jdbc:postgresql://127.0.0.1:").contains("/pge_migratedinsync_");
	}

	@Test
	void entitiesMissingFromTheMigrationsFailEveryTestWithTheDrift() {
		TestExecutionResult result = results.get("neverRuns");
		assertThat(result.getStatus()).isEqualTo(TestExecutionResult.Status.FAILED);
		assertThat(result.getThrowable()).get()
			.isInstanceOf(AssertionError.class)
			.extracting(Throwable::getMessage)
			.asString()
			.contains("entities of jdbc:postgresql://127.0.0.1:")
			.contains("Expected the declared entities to be in sync with the database, but 1 of 1 entity drifted:")
			.contains("VIEW public.cheap_items: MISSING (file db/entities/cheap_items.sql:2)");
		assertThat(results.get("neitherRuns").getThrowable()).containsSame(result.getThrowable().get());
		assertThat(observed).doesNotContainKeys("ran");
	}

	@Test
	void entitiesThatThePlanCreatesConvergeAndAreLeftToThePlan() {
		assertThat(results.get("TablesOnlyConverging").getStatus()).isEqualTo(TestExecutionResult.Status.SUCCESSFUL);
		assertThat(observed.get("views after converging")).isEqualTo(0);
	}

	@Test
	void aServiceConnectionsDatabaseIsStartedMigratedAndChecked() throws SQLException {
		assertThat(results.get("OnAServiceConnection").getStatus()).isEqualTo(TestExecutionResult.Status.SUCCESSFUL);
		assertThat(results.get("theContainersDatabaseIsTheOneChecked").getStatus())
			.isEqualTo(TestExecutionResult.Status.SUCCESSFUL);
		assertThat(OnAServiceConnection.server.started).isTrue();
		assertThat(observed.get("description")).isEqualTo(OnAServiceConnection.server.toString());
		assertThat(count(OnAServiceConnection.server.database.dataSource(),
				"SELECT count(*) FROM pg_views WHERE viewname = 'cheap_items'")).isEqualTo(1);
	}

	private static String name(TestSource source) {
		if (source instanceof ClassSource classSource) {
			return classSource.getJavaClass().getSimpleName();
		}
		return (source instanceof MethodSource methodSource) ? methodSource.getMethodName() : source.toString();
	}

	private static int count(DataSource dataSource, String query) throws SQLException {
		try (Connection connection = dataSource.getConnection();
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(query)) {
			result.next();
			return result.getInt(1);
		}
	}

	@PgEntitiesTest
	static class MigratedInSync {

		@Test
		void databaseIsMigratedAndTheFilesDeclareItsEntities(PgEntitiesDatabase database) throws SQLException {
			observed.put("migrations", count(database.dataSource(), "SELECT count(*) FROM flyway_schema_history"));
			List<String> entities = new ArrayList<>();
			database.entities()
				.forEach((entity) -> entities.add(entity.kind().sqlName() + " " + entity.identity() + " from "
						+ entity.source()));
			observed.put("entities", entities);
			observed.put("url", database.description());
			assertThat(database.entities()).extracting((entity) -> entity.kind()).containsExactly(EntityKind.VIEW);
		}

	}

	@PgEntitiesTest
	static class OnAServiceConnection {

		@ServiceConnection
		static final StandInContainer server = new StandInContainer(TestDatabase.create());

		@Test
		void theContainersDatabaseIsTheOneChecked(PgEntitiesDatabase database) {
			observed.put("description", database.description());
		}

	}

	/**
	 * Stands in for a Testcontainers {@code JdbcDatabaseContainer}, whose methods the
	 * extension calls, in front of a real database: there is no Docker engine here.
	 */
	public static final class StandInContainer {

		final TestDatabase database;

		volatile boolean started;

		StandInContainer(TestDatabase database) {
			this.database = database;
		}

		public boolean isRunning() {
			return this.started;
		}

		public void start() {
			this.started = true;
		}

		public String getJdbcUrl() {
			return this.database.jdbcUrl();
		}

		public String getUsername() {
			return this.database.user();
		}

		public String getPassword() {
			return this.database.password();
		}

		@Override
		public String toString() {
			return "stand-in container of " + this.database.name();
		}

	}

	@PgEntitiesTest(migrations = "classpath:tables-only")
	static class TablesOnly {

		@Test
		void neverRuns() {
			observed.put("ran", true);
		}

		@Test
		void neitherRuns() {
			observed.put("ran", true);
		}

	}

	@PgEntitiesTest(migrations = "classpath:tables-only", check = Check.CONVERGES)
	static class TablesOnlyConverging {

		@Test
		void theDatabaseStillLacksTheView(DataSource dataSource) throws SQLException {
			observed.put("views after converging",
					count(dataSource, "SELECT count(*) FROM pg_views WHERE viewname = 'cheap_items'"));
		}

	}

}
