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
package io.pgentities;

import java.util.List;

/**
 * The result of {@link PgEntitiesEngine#reconcileTenants}: each tenant schema that drifted was
 * reconciled in a transaction of its own, so the failure of one left the others applied.
 *
 * @param checked the check the reconciliation started from
 * @param applied the tenant schemas a plan was applied to, ordered by name
 * @param failures the tenant schemas whose reconciliation failed and was rolled back, ordered by name
 */
public record TenantReconciliation(TenantDriftReport checked, List<String> applied, List<TenantFailure> failures) {

	public TenantReconciliation {
		applied = List.copyOf(applied);
		failures = List.copyOf(failures);
	}

	/**
	 * Whether no tenant schema failed.
	 * @return whether every drifted tenant was reconciled
	 */
	public boolean succeeded() {
		return this.failures.isEmpty();
	}

}
