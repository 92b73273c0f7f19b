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
package io.pgentities.testsupport;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Locale;

import javax.sql.DataSource;

import io.pgentities.embedded.EmbeddedPostgres;

/**
 * A PostgreSQL primary and a streaming standby of it, for tests of what must work on a
 * read-only standby. Both are {@link EmbeddedPostgres embedded servers} started for the
 * pair, whichever server the other tests use: a test cannot replicate a server named by
 * {@code PG_ENTITIES_TEST_JDBC_URL} or run in a container. They run the major version
 * named by the {@code pg-entities.postgres.version} system property or the
 * {@code PG_ENTITIES_POSTGRES_VERSION} environment variable, 17 by default.
 * <pre class="code">
 * try (StandbyPair pair = StandbyPair.start();
 *         TestDatabase database = pair.primary().createDatabase("pge_standby")) {
 *     database.execute("CREATE TABLE t (id int)");
 *     pair.awaitReplay();
 *     DataSource standby = pair.standbyDataSource(database);
 *     ...
 * }
 * </pre>
 */
public final class StandbyPair implements AutoCloseable {

	private static final Logger logger = System.getLogger(StandbyPair.class.getName());

	private final EmbeddedPostgres primaryServer;

	private final EmbeddedPostgres standbyServer;

	private final TestServer primary;

	private final TestServer standby;

	private StandbyPair(EmbeddedPostgres primaryServer, EmbeddedPostgres standbyServer) {
		this.primaryServer = primaryServer;
		this.standbyServer = standbyServer;
		this.primary = TestServer.embedded(primaryServer);
		this.standby = TestServer.embedded(standbyServer);
	}

	/**
	 * Start an embedded primary and a standby of it, which has replayed all of the
	 * primary's WAL when this returns. The caller closes the pair.
	 * @return the running pair
	 * @throws IllegalStateException if either server cannot be started
	 */
	public static StandbyPair start() {
		long started = System.nanoTime();
		EmbeddedPostgres primary = EmbeddedPostgres.start();
		try {
			StandbyPair pair = new StandbyPair(primary, primary.startStandby());
			logger.log(Level.INFO, "Started {0} and its standby on port {1} in {2} s", primary,
					String.valueOf(pair.standbyServer.port()),
					String.format(Locale.ROOT, "%.1f", (System.nanoTime() - started) / 1e9));
			return pair;
		}
		catch (RuntimeException ex) {
			primary.close();
			throw ex;
		}
	}

	/**
	 * Return the primary, where tests create databases and write.
	 * @return the primary
	 */
	public TestServer primary() {
		return this.primary;
	}

	/**
	 * Return the standby. It replays whatever happens on the primary, and refuses to
	 * write: DDL and DML fail with SQLSTATE {@code 25006}, and so does
	 * {@link TestServer#createDatabase(String)}.
	 * @return the standby
	 */
	public TestServer standby() {
		return this.standby;
	}

	/**
	 * Return a data source for a database of the primary, on the standby. It opens a new
	 * connection each time; what it reads is what the standby has replayed so far (see
	 * {@link #awaitReplay()}).
	 * @param database a database created on the {@link #primary() primary}
	 * @return the data source
	 * @throws IllegalArgumentException if the database is not on the primary
	 */
	public DataSource standbyDataSource(TestDatabase database) {
		if (database.server() != this.primary) {
			throw new IllegalArgumentException(database + " is not on the primary of this pair, "
					+ this.primary.description());
		}
		return this.standby.dataSource(database.name());
	}

	/**
	 * Wait until the standby has replayed everything committed on the primary so far.
	 * @throws IllegalStateException if it has not within a minute
	 */
	public void awaitReplay() {
		this.standbyServer.awaitReplay();
	}

	/**
	 * Stop the standby and then the primary, deleting their data directories. Does
	 * nothing if the pair was closed before.
	 * @throws IllegalStateException if a server cannot be stopped
	 */
	@Override
	public void close() {
		this.primaryServer.close();
	}

	@Override
	public String toString() {
		return this.primary.description() + " and its standby " + this.standby.description();
	}

}
