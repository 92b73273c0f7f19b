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

import java.util.function.Supplier;

import io.pgentities.Analysis;
import io.pgentities.MigrationPlan;

/**
 * Runs the steps of a {@link PgEntitiesChecker} under observation. Without an
 * {@code ObservationRegistry} they run as they are ({@link #NONE}); this type keeps
 * Micrometer's classes out of the checker, so that it loads without them.
 *
 * @see MicrometerObservations
 */
interface Observations {

	/**
	 * Runs each step as it is.
	 */
	Observations NONE = new Observations() {

		@Override
		public Analysis check(String dataSourceName, Supplier<Analysis> check) {
			return check.get();
		}

		@Override
		public void apply(String dataSourceName, MigrationPlan plan, Runnable apply) {
			apply.run();
		}

	};

	/**
	 * Run a check, which makes the plan in the same pass.
	 * @param dataSourceName the name of the checked DataSource
	 * @param check the check
	 * @return the result of the check
	 */
	Analysis check(String dataSourceName, Supplier<Analysis> check);

	/**
	 * Apply a plan.
	 * @param dataSourceName the name of the DataSource the plan changes
	 * @param plan the plan
	 * @param apply applies the plan
	 */
	void apply(String dataSourceName, MigrationPlan plan, Runnable apply);

}
