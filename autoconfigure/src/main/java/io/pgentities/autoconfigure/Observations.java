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
import io.pgentities.TenantDriftReport;
import io.pgentities.TenantReconciliation;

/**
 * Runs the steps of a {@link PgEntitiesChecker} and of a {@link PgEntitiesTenantChecker}
 * under observation. Without an
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

		@Override
		public TenantDriftReport checkTenants(String dataSourceName, Supplier<TenantDriftReport> check) {
			return check.get();
		}

		@Override
		public TenantReconciliation reconcileTenants(String dataSourceName,
				Supplier<TenantReconciliation> reconcile) {
			return reconcile.get();
		}

		@Override
		public Analysis provisionTenant(String dataSourceName, String schema, Supplier<Analysis> provision) {
			return provision.get();
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

	/**
	 * Run a check of every tenant schema.
	 * @param dataSourceName the name of the DataSource the tenant schemas are in
	 * @param check the check
	 * @return the result of the check
	 */
	TenantDriftReport checkTenants(String dataSourceName, Supplier<TenantDriftReport> check);

	/**
	 * Reconcile every drifted tenant schema, each in a transaction of its own.
	 * @param dataSourceName the name of the DataSource the tenant schemas are in
	 * @param reconcile the reconciliation
	 * @return the tenants applied and the tenants that failed
	 */
	TenantReconciliation reconcileTenants(String dataSourceName, Supplier<TenantReconciliation> reconcile);

	/**
	 * Bring one tenant schema to the tenant template.
	 * @param dataSourceName the name of the DataSource the tenant schema is in
	 * @param schema the tenant schema
	 * @param provision the provisioning
	 * @return the analysis whose plan was applied
	 */
	Analysis provisionTenant(String dataSourceName, String schema, Supplier<Analysis> provision);

}
