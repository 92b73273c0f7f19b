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

/**
 * Gives integration tests a fresh database on a real PostgreSQL server: one from
 * {@code PG_ENTITIES_TEST_JDBC_URL}, else a Testcontainers one when a Docker engine is
 * available, else an embedded one; and an embedded primary with a streaming standby, for
 * tests of what must work on a read-only server; and a data source that records the
 * statements sent through it, for tests of what a check sends.
 *
 * @see io.pgentities.testsupport.PostgresTest
 * @see io.pgentities.testsupport.TestServer
 * @see io.pgentities.testsupport.StandbyPair
 * @see io.pgentities.testsupport.RecordingDataSource
 */
@NullMarked
package io.pgentities.testsupport;

import org.jspecify.annotations.NullMarked;
