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

import java.time.Duration;
import java.util.List;

/**
 * The result of {@link PgEntitiesEngine#checkTenants}: which tenant schemas differ from the
 * template. Its size is bounded whatever the number of tenants: every drifted schema is named,
 * but the entities of only the first {@link #DETAILED_TENANTS} of them are listed.
 *
 * @param schemas the tenant schemas checked, ordered by name
 * @param driftedSchemas the tenant schemas that are not in sync, ordered by name
 * @param details the drifted entities of the first {@link #DETAILED_TENANTS} drifted schemas
 * @param duration how long the check took
 */
public record TenantDriftReport(List<String> schemas, List<String> driftedSchemas, List<TenantDrift> details,
		Duration duration) {

	/** How many drifted tenant schemas a report lists the entities of. */
	public static final int DETAILED_TENANTS = 20;

	public TenantDriftReport {
		schemas = List.copyOf(schemas);
		driftedSchemas = List.copyOf(driftedSchemas);
		details = List.copyOf(details);
	}

	/**
	 * Whether every tenant schema is in sync with the template.
	 * @return whether nothing drifted
	 */
	public boolean inSync() {
		return this.driftedSchemas.isEmpty();
	}

}
