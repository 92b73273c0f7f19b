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
package io.pgentities.internal.engine;

import java.time.Duration;
import java.util.List;

import io.pgentities.internal.catalog.IdentityPatterns;

/**
 * The engine's configuration, as {@link io.pgentities.PgEntitiesEngine.Builder} set it.
 *
 * @param schemas the managed schemas; empty means the declared entities' schemas
 * @param dropUndeclared whether plans drop undeclared objects
 * @param lockTimeout {@code lock_timeout} for checks
 * @param statementTimeout {@code statement_timeout} for checks
 * @param defaultSchema the schema unqualified references in declarations look in first
 * @param ignored undeclared objects that are neither reported, dropped nor planned
 * @param applyLockTimeout {@code lock_timeout} for the statements of a plan
 */
public record EngineSettings(List<String> schemas, boolean dropUndeclared, Duration lockTimeout,
		Duration statementTimeout, String defaultSchema, IdentityPatterns ignored, Duration applyLockTimeout) {

	/**
	 * The {@code SET LOCAL} statements a check's transaction starts with. JIT compilation is
	 * off: the planner's estimates for the catalog queries grow with the number of declared
	 * objects, and from a few thousand on the server compiled them for a large part of their
	 * run time (seconds, where the estimates crossed {@code jit_optimize_above_cost}).
	 * @return the statements
	 */
	public List<String> checkTransactionSettings() {
		return List.of("SET LOCAL lock_timeout = " + this.lockTimeout.toMillis(),
				"SET LOCAL statement_timeout = " + this.statementTimeout.toMillis(),
				"SET LOCAL idle_in_transaction_session_timeout = " + Math.max(60_000, this.statementTimeout.toMillis()),
				"SET LOCAL client_min_messages = warning", "SET LOCAL standard_conforming_strings = on",
				"SET LOCAL search_path = pg_catalog", "SET LOCAL jit = off");
	}

	/**
	 * These settings with other managed schemas.
	 * @param managed the managed schemas
	 * @return the settings
	 */
	public EngineSettings withSchemas(List<String> managed) {
		return new EngineSettings(List.copyOf(managed), this.dropUndeclared, this.lockTimeout, this.statementTimeout,
				this.defaultSchema, this.ignored, this.applyLockTimeout);
	}

}
